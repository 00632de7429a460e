"""Designation frames (English and Russian), on sentences written for these tests."""

from __future__ import annotations

import pytest

from casegraph.extract import designations
from casegraph.extract.context import DocContext

from .builders import build, run


def sanctions(ctx: DocContext) -> list[dict[str, list[str]]]:
    run(ctx)
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


def test_participle_sanctioning_both_entities_with_clause_date() -> None:
    ctx = build("Norway followed in May 2020, sanctioning both Ivan Lutt and Gray Ore Mining under its "
                "anti-graft law.", {"Ivan Lutt": "Person", "Gray Ore Mining": "Company"}, {"May 2020": "2020-05"})
    found = {f["entity"][0]: f for f in sanctions(ctx)}
    assert set(found) == {"Ivan Lutt", "Gray Ore Mining"}
    assert found["Gray Ore Mining"]["listingDate"] == ["2020-05"]
    assert "anti graft law" in found["Ivan Lutt"]["program"][0]


def test_relative_clause_listing_and_later_exact_date() -> None:
    ctx = build("Pike Tankers, which the Finance Ministry added to its sanctions list in June 2020, kept "
                "sailing. In announcing the designation on 5 June 2020, the Finance Ministry said Pike Tankers "
                "had lied.", {"Pike Tankers": "Company", "Finance Ministry": "PublicBody"},
                {"June 2020": "2020-06", "5 June 2020": "2020-06-05"})
    [found] = sanctions(ctx)
    assert found["authority"] == ["Finance Ministry"]
    assert "2020-06-05" in found["listingDate"]


def test_register_placement_and_designation_for_a_reason() -> None:
    ctx = build("On 2 May 2022, the Tender Office places Elm Supplies on its register of unreliable bidders, "
                "barring it for two years. Later the Foreign Office designated Rita Holm and Sam Orr for "
                "bribery.", {"Tender Office": "PublicBody", "Elm Supplies": "Company", "Foreign Office": "PublicBody",
                             "Rita Holm": "Person", "Sam Orr": "Person"}, {"2 May 2022": "2022-05-02"})
    found = {f["entity"][0]: f for f in sanctions(ctx)}
    assert found["Elm Supplies"]["program"] == ["register of unreliable bidders"]
    assert found["Elm Supplies"]["listingDate"] == ["2022-05-02"]
    assert found["Rita Holm"]["authority"] == ["Foreign Office"]
    assert "Sam Orr" in found


def test_under_named_body_sanctions_and_asset_freeze_by_pronoun() -> None:
    ctx = build("Lev Dorn has been under European Union sanctions since March 2022. Rand Oil is no stranger "
                "to lists: the regulator froze its assets in July 2021.",
                {"Lev Dorn": "Person", "European Union": "Organization", "Rand Oil": "Company"},
                {"March 2022": "2022-03", "July 2021": "2021-07"})
    found = {f["entity"][0]: f for f in sanctions(ctx)}
    assert found["Lev Dorn"]["authority"] == ["European Union"]
    assert found["Lev Dorn"]["listingDate"] == ["2022-03"]
    assert found["Rand Oil"]["program"] == ["asset freeze"]
    assert found["Rand Oil"]["listingDate"] == ["2021-07"]


def test_russian_quoted_entity_and_status_first_order() -> None:
    text = ("1 марта Минюст внёс АНО «Центр „Гласность“» в реестр иностранных агентов, а 5 мая иностранным "
            "агентом была признана и директор центра Анна Белова.")
    ctx = build(text, {"Минюст": "PublicBody", "АНО «Центр „Гласность": "Organization", "Анна Белова": "Person"},
                {"1 марта": "2021-03-01", "5 мая": "2021-05-05"}, language="ru")
    found = {f["entity"][0]: f for f in sanctions(ctx)}
    assert found["АНО «Центр „Гласность"]["listingDate"] == ["2021-03-01"]
    assert found["Анна Белова"]["listingDate"] == ["2021-05-05"]
    assert found["Анна Белова"]["authority"] == ["Минюст"]


def _parsed(ctx: DocContext) -> DocContext:
    from casegraph.extract import segment

    segment.run(ctx)
    return ctx


def test_listing_read_from_the_parse_through_a_relative_clause_and_a_pronoun() -> None:
    text = ("On 4 May 2021, the Press Board voted to enter the Lumen Trust, which runs a radio station, in its "
            "register of \"organisations serving foreign interests\". On 9 June it put Ada Brenn herself on a "
            "list of people deemed to be foreign agents. The Lumen Trust was entered in the trade register in 2010.")
    ctx = _parsed(build(text, {"Press Board": "PublicBody", "Lumen Trust": "Organization", "Ada Brenn": "Person"},
                        {"4 May 2021": "2021-05-04", "9 June": "2021-06-09", "2010": "2010"}))
    found = {f["entity"][0]: f for f in sanctions(ctx)}
    assert set(found) == {"Lumen Trust", "Ada Brenn"}
    assert found["Lumen Trust"]["authority"] == ["Press Board"]
    assert found["Lumen Trust"]["listingDate"] == ["2021-05-04"]
    assert "foreign interests" in found["Lumen Trust"]["program"][0]
    assert found["Ada Brenn"]["authority"] == ["Press Board"]
    assert found["Ada Brenn"]["listingDate"] == ["2021-06-09"]


def test_russian_register_and_undesirable() -> None:
    text = ("Минюст внёс фонд «Заря» в реестр иностранных агентов 5 апреля 2022 года. "
            "Генпрокуратура признала «Светоч» нежелательной организацией.")
    ctx = build(text, {"Минюст": "PublicBody", "фонд «Заря»": "Organization", "Генпрокуратура": "PublicBody",
                       "«Светоч»": "Organization"}, {"5 апреля 2022 года": "2022-04-05"}, language="ru")
    found = {f["entity"][0]: f for f in sanctions(ctx)}
    assert found["фонд «Заря»"]["authority"] == ["Минюст"]
    assert found["фонд «Заря»"]["listingDate"] == ["2022-04-05"]
    assert found["«Светоч»"]["authority"] == ["Генпрокуратура"]


def test_designated_him_after_a_sanctions_sentence() -> None:
    text = ("Pavel Orlov was added to the sanctions list by the Treasury on May 2, 2022. "
            "The European Union had designated him on April 8, 2022.")
    ctx = build(text, {"Pavel Orlov": "Person", "Treasury": "PublicBody", "European Union": "PublicBody"},
                {"May 2, 2022": "2022-05-02", "April 8, 2022": "2022-04-08"})
    got = sanctions(ctx)
    eu = [s for s in got if "European Union" in s.get("authority", [])]
    assert eu and eu[0]["entity"] == ["Pavel Orlov"] and "2022-04-08" in eu[0]["listingDate"]


def test_designated_him_outside_sanctions_is_no_listing() -> None:
    ctx = build("Anna Berg chairs the Rowing Club. The Rowing Club designated him on April 8, 2022 as its delegate.",
                {"Anna Berg": "Person", "Rowing Club": "Organization"}, {"April 8, 2022": "2022-04-08"})
    assert sanctions(ctx) == []


def test_bare_register_refers_back_to_the_foreign_agent_registry() -> None:
    text = ("Центр «Рассвет» оспаривает включение в реестр иностранных агентов. "
            "Минюст внёс «Рассвет» в реестр 5 марта 2023 года.")
    ctx = build(text, {"Минюст": "PublicBody", "Рассвет": "Organization"}, {"5 марта 2023 года": "2023-03-05"},
                language="ru")
    got = sanctions(ctx)
    assert any(s["entity"] == ["Рассвет"] and s.get("listingDate") == ["2023-03-05"] for s in got)


def test_bare_trade_register_without_adverse_list_is_no_listing() -> None:
    ctx = build("Минюст внёс «Рассвет» в реестр 5 марта 2023 года.",
                {"Минюст": "PublicBody", "Рассвет": "Organization"}, {"5 марта 2023 года": "2023-03-05"},
                language="ru")
    assert sanctions(ctx) == []


def test_court_froze_assets_worth_an_amount_belonging_to_a_company() -> None:
    ctx = build("On 2 March 2022 the Commercial Court froze assets worth 4.5 million euros belonging to the two "
                "directors and to Ormond Logistics.",
                {"Commercial Court": "PublicBody", "Ormond Logistics": "Company"}, {"2 March 2022": "2022-03-02"})
    [found] = sanctions(ctx)
    assert found["entity"] == ["Ormond Logistics"]
    assert found["program"] == ["asset freeze"]


def test_every_member_of_a_designated_list_including_one_after_and_the() -> None:
    ctx = build("On May 4, 2022, the Press Ministry designated Radio Vega, Harbour Daily and the Pine Post as "
                "'foreign agents'.", {"Press Ministry": "PublicBody", "Radio Vega": "Organization",
                                      "Harbour Daily": "Organization", "Pine Post": "Organization"},
                {"May 4, 2022": "2022-05-04"})
    found = sanctions(ctx)
    assert sorted(f["entity"][0] for f in found) == ["Harbour Daily", "Pine Post", "Radio Vega"]
    assert all(f["listingDate"] == ["2022-05-04"] and f["authority"] == ["Press Ministry"] for f in found)


def test_passive_sanction_of_a_pronoun_takes_the_person_named_before() -> None:
    ctx = build("Ivo Kast runs a consultancy. He was sanctioned by the Finance Office in June 2019, officials said.",
                {"Ivo Kast": "Person", "Finance Office": "PublicBody"}, {"June 2019": "2019-06"})
    [found] = sanctions(ctx)
    assert found["entity"] == ["Ivo Kast"]
    assert found["authority"] == ["Finance Office"]
    assert found["listingDate"] == ["2019-06"]


def test_pronoun_that_was_not_sanctioned_is_no_listing() -> None:
    ctx = build("Ivo Kast runs a consultancy. He was praised by the Finance Office in June 2019.",
                {"Ivo Kast": "Person", "Finance Office": "PublicBody"}, {"June 2019": "2019-06"})
    assert sanctions(ctx) == []


RU = {"Минюст": "PublicBody", "Ракурс": "Organization", "Ракурса": "Organization", "Яна Котова": "Person",
      "Анну Серову": "Person", "Фонда Рассвет": "Organization", "Игорь Белов": "Person"}


def ru_sanctions(text: str, dates: dict[str, str]) -> list[dict[str, list[str]]]:
    return sanctions(build(text, {k: v for k, v in RU.items() if k in text}, dates, language="ru"))


def test_russian_status_before_a_described_party_names_the_party_not_the_ministry() -> None:
    [found] = ru_sanctions("3 мая 2022 года Минюст признал иноагентом главного редактора «Ракурса» Яна Котова.",
                           {"3 мая 2022 года": "2022-05-03"})
    assert found["entity"] == ["Яна Котова"]
    assert found["authority"] == ["Минюст"]
    assert found["listingDate"] == ["2022-05-03"]


def test_russian_list_named_before_the_verb_and_the_party() -> None:
    [found] = ru_sanctions("В тот же день в реестр иностранных агентов внесли директора издания Анну Серову.", {})
    assert found["entity"] == ["Анну Серову"]
    assert "реестр иностранных агентов" in found["program"][0]


def test_russian_relative_clause_listing_and_sanctions_against_a_pronoun() -> None:
    found = ru_sanctions("Деньги пришли от Фонда Рассвет, который Минюст ещё 5 июня 2021 года внёс в реестр "
                         "нежелательных организаций. Игорь Белов ведёт канал. В мае 2023 года санкции против него "
                         "ввели власти.", {"5 июня 2021 года": "2021-06-05", "мае 2023 года": "2023-05"})
    got = {f["entity"][0]: f.get("listingDate") for f in found}
    assert got == {"Фонда Рассвет": ["2021-06-05"], "Игорь Белов": ["2023-05"]}


def test_russian_request_to_designate_is_no_listing() -> None:
    assert ru_sanctions("Игорь Белов попросил Минюст признать «Ракурс» нежелательной организацией.", {}) == []


@pytest.mark.parametrize("text", [
    "Outlets already designated foreign agents, such as Radio Vega, Harbour Daily and the Pine Post, left.",
    "Media on the register of foreign agents, including Radio Vega, Harbour Daily and the Pine Post, must label posts.",
])
def test_parties_named_as_examples_of_a_listed_kind_are_listed(text: str) -> None:
    ctx = build(text, {"Radio Vega": "Organization", "Harbour Daily": "Organization", "Pine Post": "Organization"})
    assert sorted(f["entity"][0] for f in sanctions(ctx)) == ["Harbour Daily", "Pine Post", "Radio Vega"]


@pytest.mark.parametrize("text", [
    "Outlets such as Radio Vega and the Pine Post cover the region.",
    "Firms in the trade register, including Radio Vega and the Pine Post, filed accounts.",
])
def test_examples_of_an_unlisted_kind_are_not_listed(text: str) -> None:
    ctx = build(text, {"Radio Vega": "Organization", "Pine Post": "Organization"})
    assert sanctions(ctx) == []
