"""The workbench in a real browser: search in two scripts, review, annotate from a selection, graph
path, timeline, and a hostile document whose payloads must stay text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect


def api(page: Page, path: str) -> Any:
    response = page.request.get(path)
    assert response.ok, path
    return response.json()


def no_script_ran(page: Page) -> None:
    assert page.evaluate("window.__pwned") is None
    assert page.dialogs == []  # type: ignore[attr-defined]
    assert page.errors == []  # type: ignore[attr-defined]


def test_search_in_latin_and_cyrillic_open_the_entity_and_confirm_a_fact(page: Page, screenshots: Path) -> None:
    page.goto("/")
    box = page.locator("header .quick-search input")
    box.fill("Ionov")
    box.press("Enter")
    latin = page.locator("a.entity-hit", has_text="Ionov").first
    expect(latin).to_be_visible()
    href = latin.get_attribute("href")
    page.screenshot(path=str(screenshots / "search-latin.png"), full_page=True)

    page.locator("#search-form input[name=q]").fill("Ионов")
    page.locator("#search-form button[type=submit]").click()
    expect(page.locator("#entity-hits")).to_contain_text("Ionov" if "Ionov" in page.content() else "Ионов")
    assert page.locator(f'#entity-hits a[href="{href}"]').count() == 1  # the same person, found in Cyrillic
    page.screenshot(path=str(screenshots / "search-cyrillic.png"), full_page=True)

    page.locator(f'#entity-hits a[href="{href}"]').click()
    expect(page.locator("h1")).to_contain_text("Ionov")
    fact = page.locator("li.fact.status-proposed").first
    fact_id = fact.get_attribute("data-fact")
    fact.locator("button.decide[data-status=confirmed]").click()
    expect(page.locator(f'li.fact[data-fact="{fact_id}"]')).to_have_class("fact status-confirmed")
    page.screenshot(path=str(screenshots / "entity.png"), full_page=True)
    page.reload()
    expect(page.locator(f'li.fact[data-fact="{fact_id}"] .badge')).to_have_text("confirmed")
    no_script_ran(page)


def test_select_a_sentence_in_the_reader_and_create_a_relation(page: Page, screenshots: Path) -> None:
    documents = api(page, "/api/documents")["items"]
    for doc in (d for d in documents if d["language"] == "en"):
        detail = api(page, f"/api/documents/{doc['id']}")
        mentions = [h for h in detail["highlights"] if h["kind"] == "mention" and h.get("entity")]
        pairs = [(a, b) for a in mentions for b in mentions
                 if a["entity"] != b["entity"] and 0 < b["start"] - a["end"] < 120
                 and "\n" not in detail["text"][a["start"]:b["end"]]]
        if pairs:
            break
    first, second = pairs[0]
    page.goto(f"/documents/{doc['id']}")
    rects = "(o, last) => { const r = document.querySelector(`#doc-text [data-o='${o}']`).getClientRects();" \
            " const x = last ? r[r.length - 1] : r[0];" \
            " return {x: x.left, y: x.top, width: x.width, height: x.height}; }"
    # a run that wraps has one rectangle per line: start in the first, end in the last
    a = page.evaluate(f"({rects})({first['start']}, false)")
    b = page.evaluate(f"({rects})({second['start']}, true)")
    # drag with the mouse from the first name's first letter to the second name's last letter
    page.mouse.move(a["x"] + 1, a["y"] + a["height"] / 2)
    page.mouse.down()
    page.mouse.move(b["x"] + b["width"] - 1, b["y"] + b["height"] / 2, steps=8)
    page.mouse.up()
    form = page.locator("#annotate")
    expect(form).to_be_visible()
    selected = page.locator("#selection-text").inner_text()
    assert selected.startswith(first["label"][:3]) and selected.endswith(second["label"][-2:])
    form.locator("select[name=kind]").select_option("relation")
    form.locator("select[name=schema]").select_option("Associate")
    form.locator("input[name=source]").fill(first["entity"])
    form.locator("input[name=target]").fill(second["entity"])
    page.screenshot(path=str(screenshots / "reader-selection.png"), full_page=True)
    form.locator("button[type=submit]").click()
    result = page.locator("#annotate-result[data-created]")
    expect(result).to_be_visible()
    created = result.get_attribute("data-created")
    relation = api(page, f"/api/entities/{created}")
    assert relation["schema"] == "Associate"
    start, end = form.locator("input[name=start]").input_value(), form.locator("input[name=end]").input_value()
    for fact in relation["facts"]:
        assert (fact["start"], fact["end"]) == (int(start), int(end))
        assert detail["text"][fact["start"]:fact["end"]] == selected
        assert fact["origin"] == "review:browser-tester"
    page.goto(f"/entities/{created}")
    expect(page.locator("li.fact blockquote").first).to_contain_text(selected[:20])
    no_script_ran(page)


def test_graph_finds_a_path_and_shows_an_edge_source(page: Page, screenshots: Path) -> None:
    people = api(page, "/api/entities?schema=Person&limit=500")["items"]
    center = next(p["id"] for p in people if "Ionov" in p["caption"] or "Ионов" in p["caption"])
    network = api(page, f"/api/network?name={center}&hops=2")
    far = next(n["id"] for n in network["nodes"] if n.get("hops") == 2)
    page.goto(f"/graph?center={center}")
    expect(page.locator("#graph-status")).to_contain_text("nodes")
    page.locator("#graph-controls input[name=a]").fill(center)
    page.locator("#graph-controls input[name=b]").fill(far)
    page.locator("#find-path").click()
    status = page.locator("#graph-status[data-hops]")
    expect(status).to_be_visible()
    assert status.get_attribute("data-hops") == "2"
    assert page.evaluate("window.casegraphGraph.nodes().length") >= 3
    page.evaluate("window.casegraphGraph.edges()[0].emit('tap')")
    expect(page.locator("#graph-details a.edge-source")).to_be_visible()
    page.screenshot(path=str(screenshots / "graph-path.png"), full_page=True)
    no_script_ran(page)


def test_timeline_draws_partial_dates_as_ranges(page: Page, screenshots: Path) -> None:
    items = api(page, "/api/timeline?limit=5000")["items"]
    page.goto("/timeline")
    chart = page.locator("#timeline svg")
    expect(chart).to_be_visible()
    drawn = page.locator("#timeline .ev").count()
    assert drawn == sum(1 for i in items if i["date"][:4].isdigit())
    partial = [i for i in items if len(i["date"]) in (4, 7)]
    assert page.locator("#timeline rect.ev").count() == len(partial)
    expect(page.locator("#timeline-list li").first).to_be_visible()
    page.screenshot(path=str(screenshots / "timeline.png"), full_page=True)
    no_script_ran(page)


def test_review_queue_keyboard_confirms(page: Page) -> None:
    page.goto("/review")
    first = page.locator(".qitem").first
    expect(first).to_have_class("qitem current")
    page.keyboard.press("c")
    expect(first).to_have_class("qitem done-yes")
    expect(page.locator(".qitem").nth(1)).to_have_class("qitem current")
    no_script_ran(page)


def test_a_hostile_document_runs_no_script(page: Page, screenshots: Path) -> None:
    hostile = next(d for d in api(page, "/api/documents")["items"] if "hostile" in (d["source"] or ""))
    page.goto(f"/documents/{hostile['id']}")
    text = page.locator("#doc-text")
    expect(text).to_contain_text('<script>window.__pwned = "script"')
    expect(text).to_contain_text("onerror=")
    assert page.locator("#doc-text *:not([data-o])").count() == 0  # nothing but our own text runs
    assert page.locator("a[href^='javascript:'], iframe, base, body style").count() == 0
    assert page.evaluate("getComputedStyle(document.body).display") != "none"
    page.screenshot(path=str(screenshots / "hostile.png"), full_page=True)
    # a reviewer names a "person" by selecting a payload: the entity page shows it as text
    body = page.locator("#doc-text").inner_text()
    start = body.index("<img")
    end = body.index(">", start) + 1
    token = page.evaluate("document.querySelector('meta[name=csrf-token]').content")
    made = page.request.post("/api/annotations", headers={"X-CSRF-Token": token},
                             data={"document": hostile["id"], "start": start, "end": end, "kind": "person"})
    assert made.ok, made.text()
    page.goto(f"/entities/{made.json()['entity']}")
    expect(page.locator("h1")).to_contain_text("<img src=x onerror=")
    for path in ("/search?q=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E", "/", "/documents", "/review",
                 f"/search?q={hostile['title'] or 'Notes'}"):
        page.goto(path)
    page.goto("/graph?center=" + made.json()["entity"])
    page.wait_for_timeout(300)
    no_script_ran(page)
