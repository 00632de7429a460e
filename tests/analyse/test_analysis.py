"""Each analysis on a small multi-document case (conftest.py), through the service layer the CLI and
the web call; every result is checked against the documented JSON shape (shapes.py)."""

from __future__ import annotations

import pytest

from casegraph.analyse.dates import in_range
from casegraph.errors import NotFound
from casegraph.services import Case, analysis
from tests.analyse.shapes import (
    ACT,
    CLAIM,
    CONTRADICTION,
    DESIGNATION,
    FLOW,
    NODE,
    PATH_EDGE,
    PAYMENT,
    TIMELINE,
    check,
)


def _text(case: Case, item: dict) -> str:
    return case.document(item["document"]).text[item["start"]:item["end"]]


def test_partial_dates_sort_and_stay_partial(case: Case) -> None:
    items = analysis.timeline(case)
    assert items
    for item in items:
        check(item, TIMELINE, "timeline")
    dates = [i["date"] for i in items]
    assert dates == sorted(dates)
    assert "2014" in dates and "2019-06" in dates and "2020-03-09" in dates  # as stated, not padded
    assert dates.index("2019-06") < dates.index("2020-03-03")
    for item in items:
        if item["document"]:
            assert _text(case, item)  # every item points at real words


def test_partial_date_ranges() -> None:
    assert in_range("2014", "2014-06", None)  # part of 2014 is after June
    assert not in_range("2014-12-05", None, "2014-11")
    assert in_range("2014-12", "2014-12-05", "2014-12-31")


def test_timeline_filters(case: Case) -> None:
    march = analysis.timeline(case, date_from="2020-03", date_to="2020-03-31")
    assert march and all(i["date"].startswith("2020-03") for i in march)
    volkova = case.find_entity_id("Maria Volkova")
    mine = analysis.timeline(case, entity="Maria Volkova")
    assert mine and all(volkova in i["entities"] for i in mine)


def test_money_groups_per_currency(case: Case) -> None:
    data = analysis.money(case)
    assert data["flows"]
    for flow in data["flows"]:
        check(flow, FLOW, "flow")
        for p in flow["payments"]:
            check(p, PAYMENT, "payment")
            for src in p["sources"]:
                assert _text(case, src)
    currencies = {f["currency"] for f in data["flows"]}
    assert {"RUB", "EUR"} <= currencies
    grant = next(f for f in data["flows"] if f["currency"] == "RUB" and f["payer_name"] == "Ministry of Culture")
    assert grant["total"] == "2000000" and grant["payments"][0]["date"] == "2019-06"
    mine = analysis.money(case, "Maria Volkova")
    assert set(mine["totals"]["out"]) == {"EUR"}  # paid in euros only; never converted or mixed


def test_path_through_sourced_edges(case: Case) -> None:
    data = analysis.paths(case, "Maria Volkova", "Ministry of Information", max_hops=4)
    assert data["paths"]
    for p in data["paths"]:
        assert p["nodes"][0] == case.find_entity_id("Maria Volkova")
        assert p["nodes"][-1] == case.find_entity_id("Ministry of Information")
        assert len(p["edges"]) == len(p["nodes"]) - 1
        for e in p["edges"]:
            check(e, PATH_EDGE, "edge")
            assert _text(case, e)
    assert analysis.paths(case, "Maria Volkova", "Ministry of Information", max_hops=1)["paths"] == []


def test_network(case: Case) -> None:
    data = analysis.network(case, "Maria Volkova", hops=1)
    for node in data["nodes"]:
        check(node, NODE, "node")
    ids = {n["id"] for n in data["nodes"]}
    assert case.find_entity_id("Peter Lang") in ids  # paid by her
    for e in data["edges"]:
        check(e, PATH_EDGE, "edge")
        assert e["source"] in ids and e["target"] in ids


def test_contradictions_across_documents_and_against_the_record(case: Case) -> None:
    found = analysis.contradictions(case)
    for x in found:
        check(x, CONTRADICTION, "contradiction")
        assert len(x["claims"]) >= 2
        for cl in x["claims"]:
            check(cl, CLAIM, "claim")
            assert _text(case, cl) == cl["text"]
    volkova = case.find_entity_id("Maria Volkova")
    across = [x for x in found if x["kind"] == "across-statements" and x["subject"] == volkova]
    assert across, "her statement to one outlet against her statement to another"
    assert len({cl["document"] for cl in across[0]["claims"]}) == 2
    assert {cl["audience"] for cl in across[0]["claims"]} == {case.find_entity_id("Daily Courier"),
                                                              case.find_entity_id("Evening Post")}
    record = [x for x in found if x["kind"] == "against-record" and x["subject"] == volkova]
    assert record and "2000000 RUB" in record[0]["explanation"]
    assert any("grant" in cl["text"] for cl in record[0]["claims"])


def test_chain_and_designations(case: Case) -> None:
    acts = analysis.chain(case, "Delta Media")
    for act in acts:
        check(act, ACT, "act")
    assert [a["action"] for a in acts][:3] == ["complaint", "referral", "confirmation"]
    assert acts[-1]["action"] in ("order", "listing")
    assert acts[0]["actor_name"] == "Maria Volkova"
    assert [a["date"] for a in acts] == sorted(a["date"] for a in acts)
    rows = analysis.designations(case)
    for row in rows:
        check(row, DESIGNATION, "designation")
    delta = [r for r in rows if r["entity_name"] == "Delta Media"]
    assert delta and delta[0]["initiator_name"] == "Maria Volkova" and delta[0]["days"] == 6
    assert delta[0]["date"] == "2020-03-09"


def test_unknown_name_is_a_clear_error(case: Case) -> None:
    with pytest.raises(NotFound):
        analysis.chain(case, "Nobody Atall")
