"""Payments: amounts, currencies, conversions and who paid whom (sentences written for the tests)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from casegraph.extract import dates, money
from casegraph.extract.context import DocContext, Draft, Party, PartyMention, Span, party_key


def extract(text: str, names: list[tuple[str, str]], lang: str = "en") -> list[dict[str, str]]:
    """Run dates + money over a context whose parties are given by hand (exact-name mentions)."""
    ctx = DocContext(text=text, language=lang, published="2021-05-21")
    for name, schema in names:
        key = party_key(name)
        ctx.parties[key] = Party(key, schema, name, Span(0, 0))
        for m in re.finditer(re.escape(name), text):
            ctx.mentions.append(PartyMention(m.start(), m.end(), name, key))
    ctx.sort()
    dates.run(ctx)
    money.run(ctx)
    for draft in ctx.drafts:
        assert draft.schema == "Payment"
        for v in draft.values:
            assert 0 <= v.start < v.end <= len(text)
    return [_values(d) for d in ctx.drafts]


def _values(draft: Draft) -> dict[str, str]:
    return {v.prop: v.value for v in draft.values}


def test_amount_forms() -> None:
    got = extract("Fees: one million rubles, 3.5 million rubles, 70,000 euros, $13,600, €2.5m, "
                  "1,5 млн рублей, 70 тысяч евро, EUR 400, 12% and 2000 people.", [])
    assert [(g["amount"], g["currency"]) for g in got] == [
        ("1000000", "RUB"), ("3500000", "RUB"), ("70000", "EUR"), ("13600", "USD"), ("2500000", "EUR"),
        ("1500000", "RUB"), ("70000", "EUR"), ("400", "EUR")]


def test_receive_from_and_bracketed_conversion() -> None:
    got = extract("In May 2015, the Blue Society received a grant worth two million rubles ($27,000 at the "
                  "current rate) from the Northern Fund, which backs sports.",
                  [("Blue Society", "Organization"), ("Northern Fund", "Organization")])
    assert got == [{"amount": "2000000", "currency": "RUB", "payer": "northern fund",
                    "beneficiary": "blue society", "purpose": "grant", "date": "2015-05"}]


def test_give_object_and_paid_into() -> None:
    got = extract("Acme Bank gave Jane Roe €2.5m. The Green Union paid 4,500 euros into the account of Lake Trust.",
                  [("Acme Bank", "Company"), ("Jane Roe", "Person"), ("Green Union", "Organization"),
                   ("Lake Trust", "Organization")])
    assert [(g.get("payer"), g.get("beneficiary")) for g in got] == [
        ("acme bank", "jane roe"), ("green union", "lake trust")]


def test_back_reference_to_previous_sentence() -> None:
    got = extract("The Red Club hosted a summit in 2017. The event was a success, thanks to a state grant "
                  "worth 3.5 million rubles.", [("Red Club", "Organization")])
    assert got[0]["beneficiary"] == "red club" and got[0]["date"] == "2017"


def test_award_lends_beneficiary_to_amount_from_same_payer() -> None:
    got = extract("In June 2018, Pixel Media won a tender from the Coastal Tourism Board.\n\n"
                  "“You had a grant [from the Coastal Tourism Board] for 90,000 euros,” he said.",
                  [("Pixel Media", "Company"), ("Coastal Tourism Board", "PublicBody")])
    assert got == [{"amount": "90000", "currency": "EUR", "payer": "coastal tourism board", "purpose": "grant",
                    "beneficiary": "pixel media", "date": "2018-06"}]


def test_pronoun_resolved_through_generic_noun() -> None:
    got = extract("His charity, the Fund for Fair Courts, helped Tom Bell. Later Bell's charity said that it "
                  "had paid 7 million rubles ($95,000) into a foreign fund.",
                  [("Fund for Fair Courts", "Organization"), ("Tom Bell", "Person")])
    assert got == [{"amount": "7000000", "currency": "RUB", "payer": "fund for fair courts"}]


def test_award_without_amount_is_a_payment() -> None:
    got = extract("Pixel Media won a contract from the Harbour Authority.",
                  [("Pixel Media", "Company"), ("Harbour Authority", "PublicBody")])
    assert got == [{"payer": "harbour authority", "beneficiary": "pixel media", "purpose": "contract"}]


def test_russian() -> None:
    got = extract("В декабре 2014 года Лига Света получила грант в 1,5 млн рублей от Фонда Добра. "
                  "Билет стоит 70 тысяч евро, рост на 5%.",
                  [("Лига Света", "Organization"), ("Фонда Добра", "Organization")], lang="ru")
    assert got[0] == {"amount": "1500000", "currency": "RUB", "payer": "фонда добра",
                      "beneficiary": "лига света", "purpose": "грант", "date": "2014-12"}
    assert got[1]["amount"] == "70000" and "payer" not in got[1]


SEED = Path(__file__).parents[2] / ".." / "shared"


def test_seed_money_facts() -> None:
    """The four gold money facts of the development article, scored with the shared scorer."""
    text_path = SEED / "corpus" / "seed" / "meduza-ionov-2021.txt"
    if not text_path.exists():
        pytest.skip("shared seed corpus not available")
    parties = pytest.importorskip("casegraph.extract.parties")
    segment = pytest.importorskip("casegraph.extract.segment")
    import json
    import sys

    sys.path.insert(0, str(SEED / "eval"))
    import score  # type: ignore[import-not-found]

    gold = json.loads((SEED / "eval" / "seed-gold.json").read_text(encoding="utf-8"))
    ctx = DocContext(text=text_path.read_text(encoding="utf-8"), published=gold.get("published"))
    segment.run(ctx)
    parties.run(ctx)
    ctx.sort()
    started = time.perf_counter()
    dates.run(ctx)
    money.run(ctx)
    assert time.perf_counter() - started < 2.0
    entities = [{"id": k, "schema": p.schema,
                 "properties": {"name": [p.name], "alias": [a for a, _ in p.aliases]}}
                for k, p in ctx.parties.items()]
    for d in ctx.drafts:
        props: dict[str, list[str]] = {}
        for v in d.values:
            props.setdefault(v.prop, []).append(v.value)
        entities.append({"id": d.key, "schema": d.schema, "properties": props})
    assert score.score(gold, {"entities": entities})["money"] == 1.0
