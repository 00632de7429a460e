"""The JSON endpoints on the example case: shapes, spans that point at the cited text, paging."""

from __future__ import annotations

from fastapi.testclient import TestClient

from .conftest import csrf


def person_id(client: TestClient, caption: str) -> str:
    people = client.get("/api/entities", params={"schema": "Person", "limit": 500}).json()["items"]
    return next(p["id"] for p in people if p["caption"] == caption)


def test_documents_are_paged_and_every_highlight_is_inside_the_text(client: TestClient) -> None:
    page = client.get("/api/documents", params={"limit": 2}).json()
    assert page["total"] == 6 and len(page["items"]) == 2 and page["limit"] == 2
    rest = client.get("/api/documents", params={"offset": 2, "limit": 50}).json()["items"]
    assert {d["id"] for d in page["items"]}.isdisjoint({d["id"] for d in rest})
    for doc in page["items"] + rest:
        detail = client.get(f"/api/documents/{doc['id']}").json()
        assert len(detail["text"]) == detail["length"]
        assert detail["highlights"], doc["title"]
        for h in detail["highlights"]:
            assert 0 <= h["start"] < h["end"] <= len(detail["text"])
            if h["kind"] == "mention" and "fact" not in h:
                assert detail["text"][h["start"]:h["end"]] == h["label"]


def test_entity_facts_carry_their_source_sentence(client: TestClient) -> None:
    detail = client.get("/api/entities/Alexander Ionov").json()
    assert detail["schema"] == "Person"
    assert any("Latin" in n["scripts"] for n in detail["names"])
    sourced = [f for f in detail["facts"] if f["document"]]
    assert sourced
    for fact in sourced:
        text = client.get(f"/api/documents/{fact['document']}").json()["text"]
        cited = text[fact["start"]:fact["end"]]
        assert cited and cited.strip() in fact["sentence"]


def test_search_finds_a_person_in_either_script_and_any_case(client: TestClient) -> None:
    wanted = person_id(client, "Alexander Ionov")
    for query in ("Ionov", "ionov", "IONOV", "Ионов"):
        hits = client.get("/api/search", params={"q": query}).json()
        assert wanted in {e["id"] for e in hits["entities"]["items"]}, query
        assert hits["documents"]["total"] >= 2, query


def test_search_filters_by_schema_and_date(client: TestClient) -> None:
    companies = client.get("/api/search", params={"q": "Ionov", "schema": "Company"}).json()
    assert companies["entities"]["items"] and all(e["schema"] == "Company" for e in companies["entities"]["items"])
    published = [d["published"] for d in client.get("/api/documents").json()["items"] if d["published"]]
    if published:
        year = min(published)[:4]
        dated = client.get("/api/search", params={"q": "Ionov", "from": year, "to": year}).json()
        assert all(d["published"].startswith(year) for d in dated["documents"]["items"])
    assert client.get("/api/search", params={"q": "Ionov", "from": "21st May"}).status_code == 422


def test_search_query_syntax_is_inert(client: TestClient) -> None:
    for query in ('"', "NEAR(a b)", "ionov OR *", "'; DROP TABLE documents; --", "a AND"):
        assert client.get("/api/search", params={"q": query}).status_code == 200, query
    assert client.get("/api/documents").json()["total"] == 6


def test_confirming_a_fact_records_the_reviewer(client: TestClient) -> None:
    detail = client.get("/api/entities/Alexander Ionov").json()
    fact = next(f for f in detail["facts"] if f["status"] == "proposed")
    response = client.post(f"/api/facts/{fact['id']}/decision", json={"status": "confirmed"}, headers=csrf(client))
    assert response.status_code == 200, response.text
    assert response.json()["reviewer"] == "tester"
    after = client.get("/api/entities/Alexander Ionov").json()
    assert next(f for f in after["facts"] if f["id"] == fact["id"])["status"] == "confirmed"
    bad = client.post(f"/api/facts/{fact['id']}/decision", json={"status": "maybe"}, headers=csrf(client))
    assert bad.status_code == 422


def test_a_selected_span_becomes_a_relation_with_that_span_as_source(client: TestClient) -> None:
    doc = next(d for d in client.get("/api/documents").json()["items"] if d["language"] == "en")
    detail = client.get(f"/api/documents/{doc['id']}").json()
    mentions = [h for h in detail["highlights"] if h["kind"] == "mention" and h.get("entity")]
    first, second = mentions[0], next(m for m in mentions if m["entity"] != mentions[0]["entity"])
    start, end = first["start"], second["end"]
    body = {"document": doc["id"], "start": start, "end": end, "kind": "relation", "schema": "Associate",
            "source": first["entity"], "target": second["entity"], "text": detail["text"][start:end]}
    made = client.post("/api/annotations", json=body, headers=csrf(client))
    assert made.status_code == 201, made.text
    relation = client.get(f"/api/entities/{made.json()['entity']}").json()
    assert relation["schema"] == "Associate"
    assert {f["prop"] for f in relation["facts"]} >= {"person", "associate"}
    for fact in relation["facts"]:
        assert (fact["document"], fact["start"], fact["end"]) == (doc["id"], start, end)
        assert fact["origin"] == "review:tester" and fact["status"] == "confirmed"
    wrong = client.post("/api/annotations", json={**body, "text": "not what is there"}, headers=csrf(client))
    assert wrong.status_code == 400
    outside = client.post("/api/annotations", json={**body, "start": 0, "end": 10**7, "text": None},
                          headers=csrf(client))
    assert outside.status_code == 400


def test_a_selected_name_becomes_a_person_found_by_search(client: TestClient) -> None:
    doc = client.get("/api/documents").json()["items"][0]
    text = client.get(f"/api/documents/{doc['id']}").json()["text"]
    word = next(w for w in text.split() if w.isalpha() and len(w) > 5)
    start = text.index(word)
    made = client.post("/api/annotations", json={"document": doc["id"], "start": start, "end": start + len(word),
                                                  "kind": "person"}, headers=csrf(client))
    assert made.status_code == 201, made.text
    hits = client.get("/api/search", params={"q": word}).json()["entities"]["items"]
    assert made.json()["entity"] in {h["id"] for h in hits}


def test_review_queue_is_ordered_by_importance(client: TestClient) -> None:
    page = client.get("/api/review/queue", params={"limit": 30}).json()
    scores = [i["importance"] for i in page["items"]]
    assert scores == sorted(scores, reverse=True) and page["total"] >= len(scores) > 0


def test_analysis_endpoints_answer_in_their_documented_shapes(client: TestClient) -> None:
    ionov = person_id(client, "Alexander Ionov")
    timeline = client.get("/api/timeline").json()
    assert timeline["items"] and all({"date", "kind", "summary"} <= set(i) for i in timeline["items"])
    network = client.get("/api/network", params={"name": ionov, "hops": 1}).json()
    assert ionov in {n["id"] for n in network["nodes"]} and network["edges"]
    other = next(e["target"] if e["source"] == ionov else e["source"] for e in network["edges"])
    paths = client.get("/api/paths", params={"a": ionov, "b": other}).json()
    assert paths["paths"] and paths["paths"][0]["nodes"][0] == ionov
    assert "flows" in client.get("/api/money").json()
    for url in ("/api/contradictions", "/api/designations"):
        assert isinstance(client.get(url).json(), list), url
    assert client.get("/api/chain", params={"entity": ionov}).status_code == 200


def test_export_gives_the_bundle_and_ftm_lines(client: TestClient) -> None:
    bundle = client.get("/api/export").json()
    assert bundle["entities"]
    lines = client.get("/api/export", params={"format": "ftm"}).text.splitlines()
    assert lines and all(line.startswith("{") for line in lines)


def test_merge_split_and_not_same_go_through_identity_resolution(client: TestClient) -> None:
    parties = client.get("/api/entities", params={"schema": "LegalEntity", "limit": 500}).json()["items"]
    single = [p for p in parties if len(client.get(f"/api/entities/{p['id']}").json()["referents"]) == 1]
    by_schema: dict[str, list[str]] = {}
    for p in single:
        by_schema.setdefault(p["schema"], []).append(p["id"])
    a, b = next(ids for ids in by_schema.values() if len(ids) >= 2)[:2]
    c = next(p["id"] for p in single if p["id"] not in (a, b))
    merged = client.post(f"/api/entities/{a}/merge", json={"other": b}, headers=csrf(client))
    assert merged.status_code == 200, merged.text
    canonical = merged.json()["canonical"]
    assert len(client.get(f"/api/entities/{canonical}").json()["referents"]) == 2
    again = client.post(f"/api/entities/{a}/merge", json={"other": b}, headers=csrf(client))
    assert again.status_code == 400  # already one entity: a clear error, not a silent no-op
    split = client.post(f"/api/entities/{canonical}/split", headers=csrf(client))
    assert split.status_code == 200 and set(split.json()["members"]) == {a, b}
    assert client.get(f"/api/entities/{a}").json()["referents"] == [a]
    apart = client.post(f"/api/entities/{a}/not-same", json={"other": c}, headers=csrf(client))
    assert apart.status_code == 200 and apart.json()["judgements"] >= 1


def test_the_dossier_is_served_without_script(client: TestClient) -> None:
    response = client.get("/api/dossier", params={"name": "Alexander Ionov"})
    assert response.status_code == 200 and "<html" in response.text.lower()
    assert "script-src" not in response.headers["content-security-policy"]
    assert "default-src 'none'" in response.headers["content-security-policy"]
    page = client.get("/entities/Alexander Ionov/dossier")
    assert page.status_code == 200


def test_every_page_renders(client: TestClient) -> None:
    ionov = person_id(client, "Alexander Ionov")
    doc = client.get("/api/documents").json()["items"][0]["id"]
    designated = [d["entity"] for d in client.get("/api/designations").json()]
    pages = ["/", "/search?q=ionov", "/search?q=Ионов&schema=Person", "/documents", f"/documents/{doc}",
             f"/documents/{doc}?start=0&end=10", f"/entities/{ionov}", "/graph", f"/graph?center={ionov}",
             "/timeline", f"/timeline?entity={ionov}", "/money", f"/money?entity={ionov}", "/contradictions",
             "/designations", "/review", "/upload", "/login"] + [f"/chain?entity={e}" for e in designated[:2]]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, (path, response.text[:300])
        assert response.headers["content-type"].startswith("text/html"), path
