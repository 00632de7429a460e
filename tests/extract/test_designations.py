"""Designation frames (English and Russian), on sentences written for these tests."""

from __future__ import annotations

import re

from casegraph.extract import designations, relations
from casegraph.extract.context import DateMention, DocContext, Party, PartyMention, Span, party_key


def build(text: str, parties: dict[str, str], dates: dict[str, str] | None = None,
          language: str = "en") -> DocContext:
    """A context with every occurrence of each party name (and its last word for people) marked,
    and the given date expressions normalised."""
    ctx = DocContext(text=text, language=language)
    for name, schema in sorted(parties.items(), key=lambda item: -len(item[0])):
        key = party_key(name)
        first = text.index(name)
        party = Party(key, schema, name, Span(first, first + len(name)))
        ctx.parties[key] = party
        forms = [name] + ([name.split()[-1]] if schema == "Person" and " " in name else [])
        for form in forms:
            for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
                if any(x.start <= m.start() < x.end for x in ctx.mentions):
                    continue
                mention = PartyMention(m.start(), m.end(), form, key)
                party.mentions.append(mention)
                ctx.mentions.append(mention)
    for expr, value in (dates or {}).items():
        for m in re.finditer(re.escape(expr), text):
            ctx.dates.append(DateMention(m.start(), m.end(), expr, value))
    ctx.sort()
    return ctx


def sanctions(ctx: DocContext) -> list[dict[str, list[str]]]:
    relations.run(ctx)
    designations.run(ctx)
    out = []
    for d in ctx.drafts:
        if d.schema != "Sanction":
            continue
        props: dict[str, list[str]] = {}
        for v in d.values:
            props.setdefault(v.prop, []).append(ctx.parties[v.value].name if v.ref else v.value)
        out.append(props)
    return out


def test_added_to_list_with_authority_and_date() -> None:
    ctx = build("The Culture Ministry added Radio Vega to its 'undesirable' list on March 3, and Radio Vega "
                "appealed.", {"Culture Ministry": "PublicBody", "Radio Vega": "Organization"},
                {"March 3": "2020-03-03"})
    [found] = sanctions(ctx)
    assert found["entity"] == ["Radio Vega"]
    assert found["authority"] == ["Culture Ministry"]
    assert found["listingDate"] == ["2020-03-03"]
    assert "undesirable" in found["program"][0]


def test_repeated_designation_is_merged_and_request_is_not_a_listing() -> None:
    ctx = build("The Press Ministry stayed silent. "
                "Lena Dorn asked the Press Agency to recognize Radio Vega as a foreign agent. "
                "The Press Agency recognized Radio Vega as a 'foreign agent' on May 2. "
                "Deputy Press Minister Ivo Kast ordered including Radio Vega in the foreign-agent media registry.",
                {"Lena Dorn": "Person", "Press Agency": "PublicBody", "Radio Vega": "Organization",
                 "Ivo Kast": "Person", "Press Ministry": "PublicBody"},
                {"May 2": "2020-05-02"})
    found = sanctions(ctx)
    assert len(found) == 1
    assert set(found[0]["entity"]) == {"Radio Vega"}  # one draft, each statement kept as evidence
    assert found[0]["listingDate"] == ["2020-05-02"]
    assert "Press Agency" in found[0]["authority"]


def test_sanctioned_adjective_names_the_state() -> None:
    ctx = build("Leon Hart, a U.S.-sanctioned lobbyist, met EU-sanctioned banker Otto Kranz.",
                {"Leon Hart": "Person", "Otto Kranz": "Person"})
    found = {f["entity"][0]: f for f in sanctions(ctx)}
    assert found["Leon Hart"]["authority"] == ["United States"]
    assert found["Leon Hart"]["program"] == ["U.S. sanctions"]
    assert "listingDate" not in found["Leon Hart"]
    assert found["Otto Kranz"]["authority"] == ["European Union"]


def test_russian_registry_and_recognition() -> None:
    ctx = build("Минюст 5 мая внес «Радио Вега» в реестр иноагентов. Позже Минюст признал Ольгу Белову "
                "иноагентом.", {"Минюст": "PublicBody", "«Радио Вега»": "Organization", "Ольгу Белову": "Person"},
                {"5 мая": "2021-05-05"}, language="ru")
    found = {f["entity"][0]: f for f in sanctions(ctx)}
    assert found["«Радио Вега»"]["authority"] == ["Минюст"]
    assert found["«Радио Вега»"]["listingDate"] == ["2021-05-05"]
    assert "иноагент" in found["«Радио Вега»"]["program"][0]
    assert found["Ольгу Белову"]["authority"] == ["Минюст"]
