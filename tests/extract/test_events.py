"""Event extraction: one dated act per clause and date, on sentences written for these tests."""

from __future__ import annotations

import pytest

from casegraph.extract import events
from casegraph.extract.context import DocContext

from .builders import build


def run_events(ctx: DocContext) -> list[dict[str, list[str]]]:
    events.run(ctx)
    out = []
    for d in ctx.drafts:
        props: dict[str, list[str]] = {}
        for v in d.values:
            props.setdefault(v.prop, []).append(ctx.parties[v.value].name if v.ref else v.value)
        out.append(props)
    return out


def test_bulleted_chronology_gives_one_event_per_item_and_next_day() -> None:
    text = ("Records show how fast it went.\n"
            "  • On June 3, Karl Moss sent the file to the Water Agency, which passed it on the next day;\n"
            "  • On June 5 and 6, the Tax Service informed the Water Agency of the payments;\n")
    ctx = build(text, {"Karl Moss": "Person", "Water Agency": "PublicBody", "Tax Service": "PublicBody"},
                {"June 3": "2020-06-03", "June 5": "2020-06-05"})
    found = run_events(ctx)
    dates = sorted(v for f in found for v in f["date"])
    assert dates == ["2020-06-03", "2020-06-04", "2020-06-05", "2020-06-06"]
    june3 = next(f for f in found if f["date"] == ["2020-06-03"])
    assert june3["involved"][:2] == ["Karl Moss", "Water Agency"]
    assert all(len(f["summary"][0]) <= events.MAX_SUMMARY for f in found)


def test_pronoun_subject_and_context_date_and_no_party() -> None:
    text = ("Eva Lind runs the Open Dock Fund.\n\nIn May 2018, she signed a lease with Port Holdings. "
            "The report was published on May 9. Rain fell in 2019.")
    ctx = build(text, {"Eva Lind": "Person", "Open Dock Fund": "Organization", "Port Holdings": "Company"},
                {"May 2018": "2018-05", "May 9": "2018-05-09", "2019": "2019"})
    found = run_events(ctx)
    assert [f["date"] for f in found] == [["2018-05"]]
    assert found[0]["involved"][0] == "Eva Lind"
    assert found[0]["name"][0].startswith("signed")


def test_caption_and_russian_clause() -> None:
    ctx = build("Ilya Gorin at a rally outside the City Court on October 2, 2015.",
                {"Ilya Gorin": "Person", "City Court": "PublicBody"}, {"October 2, 2015": "2015-10-02"})
    assert run_events(ctx)[0]["date"] == ["2015-10-02"]
    ctx = build("12 марта 2020 года фонд «Север» получил грант от Минкультуры.",
                {"«Север»": "Organization", "Минкультуры": "PublicBody"}, {"12 марта 2020 года": "2020-03-12"},
                language="ru")
    [found] = run_events(ctx)
    assert found["involved"] == ["«Север»", "Минкультуры"]


def test_parse_picks_the_verb_the_date_modifies() -> None:
    nlp = pytest.importorskip("casegraph.extract.nlp")
    text = "On May 14, the Civic Shield Fund, which was founded by Otto Kranz in March, announced a new grant."
    ctx = build(text, {"Civic Shield Fund": "Organization", "Otto Kranz": "Person"},
                {"May 14": "2021-05-14", "March": "2021-03"})
    ctx.nlp_doc = nlp.english()(text)
    names = {f["date"][0]: f["name"][0] for f in run_events(ctx)}
    assert names["2021-05-14"].startswith("announced")
    assert names["2021-03"].startswith("founded")


def test_date_heading_dates_the_rest_of_its_paragraph() -> None:
    text = ("A chronology.\n\n4 March 2022. Two offers arrive. Nova Labs is rejected. Helix Care is declared the "
            "winner.\n\nThe Audit Office later objected.")
    ctx = build(text, {"Nova Labs": "Company", "Helix Care": "Company", "Audit Office": "PublicBody"},
                {"4 March 2022": "2022-03-04"})
    found = run_events(ctx)
    assert sorted(f["involved"][0] for f in found if f["date"] == ["2022-03-04"]) == ["Helix Care", "Nova Labs"]
    assert not any("Audit Office" in f["involved"] for f in found)


def test_pronoun_subject_and_possessor_of_a_dated_participle() -> None:
    from casegraph.extract import segment

    text = ("Ruth Kane joined the Lark Trust in 2014. According to her complaint, filed with the Labour Court on "
            "9 May 2019, she wrote to the Quill Bank in March 2018.")
    ctx = build(text, {"Ruth Kane": "Person", "Lark Trust": "Organization", "Labour Court": "PublicBody",
                       "Quill Bank": "Company"},
                {"2014": "2014", "9 May 2019": "2019-05-09", "March 2018": "2018-03"})
    segment.run(ctx)
    found = run_events(ctx)
    by_date = {f["date"][0]: f["involved"] for f in found}
    assert "Ruth Kane" in by_date["2019-05-09"]
    assert "Ruth Kane" in by_date["2018-03"]


def test_russian_clause_pointing_back_with_there() -> None:
    ctx = build("Документы отправили в Главное управление МВД. 3 мая 2022 года там возбудили дело о растрате.",
                {"Главное управление МВД": "PublicBody"}, {"3 мая 2022 года": "2022-05-03"}, language="ru")
    [found] = run_events(ctx)
    assert found["involved"] == ["Главное управление МВД"]
    assert found["date"] == ["2022-05-03"]


def test_a_decision_published_on_a_day_is_an_act_but_an_article_dateline_is_not() -> None:
    ctx = build("The Harbour Authority said in a ruling published on Tuesday that Delta Marine broke the rules. "
                "(Article published on 20 May 2021.) Delta Marine paid the fine.",
                {"Harbour Authority": "PublicBody", "Delta Marine": "Company"},
                {"Tuesday": "2021-05-18", "20 May 2021": "2021-05-20"})
    got = run_events(ctx)
    assert [e["date"] for e in got] == [["2021-05-18"]]


def test_an_event_dated_by_a_guessed_year_has_lower_confidence() -> None:
    from casegraph.extract.context import DateMention

    text = "On 20 April Anna Berg filed the complaint with the Press Office."
    sure, guessed = (build(text, {"Anna Berg": "Person", "Press Office": "PublicBody"}) for _ in range(2))
    for ctx, uncertain in ((sure, False), (guessed, True)):
        ctx.dates.append(DateMention(3, 11, "20 April", "2021-04-20", relative=True, uncertain=uncertain))
        events.run(ctx)
    [a], [b] = ([d for d in c.drafts if d.schema == "Event"] for c in (sure, guessed))
    assert b.confidence < a.confidence
