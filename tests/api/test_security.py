"""Auth, roles, CSRF, host checks, headers and error mapping."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from casegraph.api.app import create_app
from casegraph.api.security import CSP
from casegraph.services import Case
from casegraph.services.users import add_user, create_token

from .conftest import csrf

PASSWORD = "correct horse battery"


@pytest.fixture
def exposed(case_file: Path) -> TestClient:
    """The workbench as it runs bound beyond loopback: every route needs a login."""
    case = Case.open(case_file)
    add_user(case, "ed", "editor", PASSWORD)
    add_user(case, "vi", "viewer", PASSWORD)
    case.close()
    with TestClient(create_app(case_file, require_auth=True, allowed_hosts=None),
                    base_url="http://casegraph.example") as client:
        yield client


def login(client: TestClient, name: str, password: str = PASSWORD) -> None:
    page = client.get("/login").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token
    response = client.post("/login", data={"name": name, "password": password, "csrf_token": token.group(1),
                                           "next": "/"}, follow_redirects=False)
    assert response.status_code == 303


def a_fact(client: TestClient) -> str:
    detail = client.get("/api/entities", params={"schema": "Person", "limit": 1}).json()["items"][0]
    return str(client.get(f"/api/entities/{detail['id']}").json()["facts"][0]["id"])


def test_every_route_needs_a_login_when_exposed(exposed: TestClient) -> None:
    for path in ("/api/documents", "/api/search?q=ionov", "/openapi.json", "/api/timeline"):
        assert exposed.get(path).status_code == 401, path
    page = exposed.get("/", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"].startswith("/login")
    assert exposed.get("/static/style.css").status_code == 200  # the login page's stylesheet


def test_wrong_password_and_forged_cookie_get_nothing(exposed: TestClient) -> None:
    login(exposed, "ed", "wrong password")
    assert exposed.get("/api/documents").status_code == 401
    exposed.cookies.set("cg_session", "eyJ.forged")
    assert exposed.get("/api/documents").status_code == 401
    assert exposed.get("/api/documents", headers={"Authorization": "Bearer cgt_made-up"}).status_code == 401


def test_a_viewer_reads_but_a_write_gets_403(exposed: TestClient) -> None:
    login(exposed, "vi")
    assert exposed.get("/api/documents").status_code == 200
    fact = a_fact(exposed)
    response = exposed.post(f"/api/facts/{fact}/decision", json={"status": "confirmed"}, headers=csrf(exposed))
    assert response.status_code == 403 and "viewer" in response.json()["detail"]


def test_an_editor_writes_only_with_the_csrf_token(exposed: TestClient) -> None:
    login(exposed, "ed")
    fact = a_fact(exposed)
    assert exposed.post(f"/api/facts/{fact}/decision", json={"status": "rejected"}).status_code == 403
    assert exposed.post(f"/api/facts/{fact}/decision", json={"status": "rejected"},
                        headers={"X-CSRF-Token": "0" * 64}).status_code == 403
    ok = exposed.post(f"/api/facts/{fact}/decision", json={"status": "rejected"}, headers=csrf(exposed))
    assert ok.status_code == 200 and ok.json()["reviewer"] == "ed"


def test_api_tokens_authenticate_without_csrf(exposed: TestClient, case_file: Path) -> None:
    case = Case.open(case_file)
    token = create_token(case, "ed", "test")
    case.close()
    headers = {"Authorization": f"Bearer {token}"}
    assert exposed.get("/api/me", headers=headers).json()["name"] == "ed"
    fact = a_fact(TestClient(exposed.app, base_url="http://x", headers=headers))
    assert exposed.post(f"/api/facts/{fact}/decision", json={"status": "confirmed"}, headers=headers).status_code == 200


def test_local_mode_still_demands_csrf_and_a_loopback_host(client: TestClient) -> None:
    fact = a_fact(client)
    assert client.post(f"/api/facts/{fact}/decision", json={"status": "confirmed"}).status_code == 403
    rebinding = client.get("/api/documents", headers={"Host": "attacker.example"})
    assert rebinding.status_code == 400


def test_pages_carry_a_strict_csp_and_no_inline_script(client: TestClient) -> None:
    assert "'unsafe-inline'" not in CSP and "script-src 'self'" in CSP
    for path in ("/", "/search?q=ionov", "/documents", "/graph", "/timeline", "/review", "/upload"):
        response = client.get(path)
        assert response.headers["content-security-policy"] == CSP, path
        assert response.headers["x-content-type-options"] == "nosniff"
        assert not re.search(r"<script(?![^>]*\bsrc=\"/static/)", response.text), path
        assert "javascript:" not in response.text and " on" + "click=" not in response.text


def test_errors_map_to_statuses_with_one_line(client: TestClient) -> None:
    missing = client.get("/api/entities/nobody-at-all-xyz")
    assert missing.status_code == 404 and missing.json()["error"] == "NotFound"
    assert client.get("/api/documents/ffff").status_code == 404
    assert client.get("/api/network", params={"name": "x", "hops": 99}).status_code == 422
    assert client.get("/api/nothing-here").status_code == 404
    page = client.get("/entities/nobody-at-all-xyz")
    assert page.status_code == 404 and "Traceback" not in page.text and "<h1>404</h1>" in page.text


def test_ambiguous_names_list_candidates(client: TestClient) -> None:
    """Two people created with one name from two spans: asking for that name lists both."""
    for doc in client.get("/api/documents").json()["items"]:
        text = client.get(f"/api/documents/{doc['id']}").json()["text"]
        twice = [w for w in set(text.split()) if w.isalpha() and len(w) > 6 and text.count(w) > 1]
        if twice:
            break
    word = sorted(twice)[0]
    first = text.index(word)
    for start in (first, text.index(word, first + 1)):
        body = {"document": doc["id"], "start": start, "end": start + len(word), "kind": "person"}
        assert client.post("/api/annotations", json=body, headers=csrf(client)).status_code == 201
    response = client.get(f"/api/entities/{word}")
    assert response.status_code == 400
    assert response.json()["error"] == "AmbiguousName" and len(response.json()["candidates"]) >= 2
