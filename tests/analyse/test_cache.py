"""Results are reused only while the case is unchanged: a reviewer's decision is seen at once."""

from __future__ import annotations

from casegraph.services import Case, analysis


def _eur_amounts(case: Case) -> list[str | None]:
    return [p["amount"] for f in analysis.money(case)["flows"] if f["currency"] == "EUR" for p in f["payments"]]


def test_a_decision_invalidates_the_snapshot(case: Case) -> None:
    before = _eur_amounts(case)
    assert "5000" in before
    lang = case.find_entity_id("Peter Lang")
    payment = next(eid for eid, sts in case.statements_by_entity().items()
                   if any(s.prop == "beneficiary" and s.value == lang for s in sts))
    amount = next(s for s in case.statements_by_entity()[payment] if s.prop == "amount")
    case.decide(amount.id, "rejected", "tester")
    try:
        assert "5000" not in _eur_amounts(case)
    finally:
        case.decide(amount.id, "proposed", "tester")
    assert _eur_amounts(case) == before
