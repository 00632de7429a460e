"""The OpenAPI document describes the API that runs: every GET operation that needs no parameters
answers 200 with JSON, and every write is declared with a request body or path parameters."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_openapi_lists_every_api_route_with_responses(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    paths = spec["paths"]
    for route in ("/api/documents", "/api/documents/{document_id}", "/api/entities/{name_or_id}", "/api/search",
                  "/api/timeline", "/api/money", "/api/paths", "/api/network", "/api/contradictions",
                  "/api/chain", "/api/designations", "/api/facts/{fact_id}/decision", "/api/annotations",
                  "/api/entities/{entity}/merge", "/api/entities/{entity}/split", "/api/entities/{entity}/not-same",
                  "/api/review/queue", "/api/export", "/api/me"):
        assert route in paths, route
    for path, operations in paths.items():
        for method, op in operations.items():
            assert op.get("responses"), (method, path)
            assert op.get("summary") or op.get("description"), (method, path)


def test_every_parameterless_get_answers_json(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path, operations in spec["paths"].items():
        op = operations.get("get")
        if not op or "{" in path:
            continue
        if any(p.get("required") for p in op.get("parameters", [])):
            continue
        response = client.get(path)
        assert response.status_code == 200, (path, response.text[:200])
        assert response.headers["content-type"].startswith(("application/json", "application/x-ndjson")), path
