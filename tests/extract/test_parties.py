"""Named parties: clean names, one party per real-world party, mentions with exact offsets."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from casegraph.extract import parties, segment
from casegraph.extract.context import DocContext, Party


def _extract(text: str, language: str = "en") -> DocContext:
    ctx = DocContext(text, language=language)
    segment.run(ctx)
    parties.run(ctx)
    for m in ctx.mentions:
        assert ctx.text[m.start : m.end] == m.text
        assert m.party in ctx.parties
    assert ctx.mentions == sorted(ctx.mentions, key=lambda m: (m.start, m.end))
    return ctx


def _by_name(ctx: DocContext, name: str) -> Party:
    found = [p for p in ctx.parties.values() if p.name == name or name in [a for a, _ in p.aliases]]
    assert len(found) == 1, (name, [(p.name, p.aliases) for p in ctx.parties.values()])
    return found[0]


def test_article_possessive_and_quotes_are_stripped() -> None:
    ctx = _extract(
        "Investors sued the Northwind Trading Company’s board in Boston. "
        "Lawyers for “Helios Capital” declined to comment."
    )
    names = {p.name for p in ctx.parties.values()}
    assert "Northwind Trading Company" in names
    assert "Helios Capital" in names


def test_title_becomes_position_and_honorific_is_dropped() -> None:
    ctx = _extract(
        "On Tuesday, Deputy Energy Minister Pavel Orlov signed the decree. "
        "Mr. Daniel Whitford, a banker, was not consulted."
    )
    orlov = _by_name(ctx, "Pavel Orlov")
    assert orlov.schema == "Person"
    assert ("position", "Deputy Energy Minister") in [(k, v) for k, v, _ in orlov.props]
    assert _by_name(ctx, "Daniel Whitford").schema == "Person"


def test_title_with_owner_and_comma() -> None:
    ctx = _extract("The letter was forwarded by the Ministry of Energy’s Deputy Head, Igor Belov, last week.")
    belov = _by_name(ctx, "Igor Belov")
    assert [v for k, v, _ in belov.props if k == "position"] == ["Deputy Head"]


def test_defined_abbreviation_is_alias_and_later_mentions_map_to_it() -> None:
    ctx = _extract(
        "In 2015 the activist founded the Coalition for Clean Rivers of Moldova (CCR, for short). "
        "Last year the CCR received a grant from the Blue Water Foundation (BWF)."
    )
    ccr = _by_name(ctx, "Coalition for Clean Rivers of Moldova")
    assert "CCR" in [a for a, _ in ccr.aliases]
    assert sum(1 for m in ccr.mentions if m.text == "CCR") == 2
    assert "BWF" in [a for a, _ in _by_name(ctx, "Blue Water Foundation").aliases]


def test_known_by_the_acronym() -> None:
    ctx = _extract(
        "He chaired the Global Council for Peace Studies — known by the acronym of its Spanish name "
        "CGEP — until 2019. The CGEP later closed its office."
    )
    council = _by_name(ctx, "Global Council for Peace Studies")
    assert "CGEP" in [a for a, _ in council.aliases]


def test_surname_and_possessive_resolve_to_full_name() -> None:
    ctx = _extract(
        "Prosecutors questioned Viktor Hanslowe in June. Hanslowe denied wrongdoing, "
        "and Hanslowe’s lawyer called the case political."
    )
    hanslowe = _by_name(ctx, "Viktor Hanslowe")
    assert [m.text for m in hanslowe.mentions] == ["Viktor Hanslowe", "Hanslowe", "Hanslowe"]
    assert len([p for p in ctx.parties.values() if p.schema == "Person"]) == 1


def test_qualified_and_bare_ministry_are_one_party() -> None:
    ctx = _extract(
        "The Ukrainian Justice Ministry opened a review in May. "
        "A week later the Justice Ministry said the review was over. "
        "Critics said Ukraine’s Justice Ministry had acted too fast."
    )
    ministries = [p for p in ctx.parties.values() if "Justice Ministry" in p.name]
    assert len(ministries) == 1
    assert ministries[0].schema == "PublicBody"
    assert len(ministries[0].mentions) == 3


def test_short_prefix_of_longer_name_is_same_party() -> None:
    ctx = _extract(
        "She joined the Youth Solidarity Movement of Armenia in 2010. "
        "The Youth Solidarity Movement organised rallies every spring."
    )
    movement = _by_name(ctx, "Youth Solidarity Movement of Armenia")
    assert len(movement.mentions) == 2


def test_acronym_of_spelled_out_name_is_same_party() -> None:
    ctx = _extract(
        "The memo came from the State Protection Service. The SPS confirmed that it was authentic."
    )
    sps = _by_name(ctx, "State Protection Service")
    assert "SPS" in [a for a, _ in sps.aliases]


def test_schema_choice() -> None:
    ctx = _extract(
        "The contract went to Brightline Logistics Ltd, a firm from Leeds. "
        "Funds were sent through his company, Zartex, to the Ministry of Transport. "
        "The complaint reached the country’s telecoms regulator, Telenadzor, in May. "
        "Later the Greenfield Heritage Foundation joined the case."
    )
    assert _by_name(ctx, "Brightline Logistics Ltd").schema == "Company"
    assert _by_name(ctx, "Zartex").schema == "Company"
    assert _by_name(ctx, "Ministry of Transport").schema == "PublicBody"
    assert _by_name(ctx, "Telenadzor").schema == "PublicBody"
    assert _by_name(ctx, "Greenfield Heritage Foundation").schema == "Organization"


def test_places_titles_and_platforms_are_not_parties() -> None:
    ctx = _extract(
        "Anna Kovacs spoke at the conference “A Future for Free Cities” in Vienna, Austria. "
        "She later posted the video on Facebook and stayed at the Grand Plaza Hotel."
    )
    names = {p.name for p in ctx.parties.values()}
    assert "Anna Kovacs" in names
    for wrong in ("Vienna", "Austria", "Facebook", "Grand Plaza Hotel", "Free Cities"):
        assert wrong not in names


def test_media_outlets_are_organizations() -> None:
    ctx = _extract(
        "The banker told the Boston Globe that the loan was legal. "
        "He repeated the claim in a comment to Harbor Media on Friday."
    )
    assert _by_name(ctx, "Boston Globe").schema == "Organization"
    assert _by_name(ctx, "Harbor Media").schema == "Organization"


def test_publisher_and_its_legal_entity_are_one_party() -> None:
    ctx = _extract(
        "Source: Lantern News\n\nRegulators fined our legal entity, Lantern Media SIA, in March. "
        "Lantern News will appeal."
    )
    lantern = _by_name(ctx, "Lantern News")
    assert "Lantern Media SIA" in {lantern.name, *[a for a, _ in lantern.aliases]}


def test_russian_parties_with_normal_forms() -> None:
    text = (
        "Министерство финансов выдало лицензию ООО «Северный ветер». "
        "Приказ подписал заместитель министра Игорь Волков. "
        "Позже Волкова спросили о сделке, но он отказался отвечать."
    )
    ctx = _extract(text, language="ru")
    volkov = _by_name(ctx, "Игорь Волков")
    assert volkov.schema == "Person"
    assert len(volkov.mentions) == 2
    assert _by_name(ctx, "ООО «Северный ветер»").schema == "Company"
    assert _by_name(ctx, "Министерство финансов").schema == "PublicBody"


SEED = Path(__file__).parents[2] / ".." / "shared" / "corpus" / "seed" / "meduza-ionov-2021.txt"


def test_seed_offsets_are_exact() -> None:
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED}")
    ctx = _extract(SEED.read_text(encoding="utf-8"))
    assert len(ctx.parties) > 20
    for party in ctx.parties.values():
        assert ctx.text[party.name_span.start : party.name_span.end] == party.name


def test_a_date_before_a_title_is_not_part_of_the_title() -> None:
    from casegraph.extract import parties, segment
    from casegraph.extract.context import DocContext

    ctx = DocContext(text="On 14 March Deputy Finance Minister Karl Brandt signed the decree.")
    segment.run(ctx)
    parties.run(ctx)
    person = next(p for p in ctx.parties.values() if p.schema == "Person")
    positions = [value for prop, value, _ in person.props if prop == "position"]
    assert positions == ["Deputy Finance Minister"]


# -- generalisation rules (each with a sentence written for the test) ---------------------------


def test_leading_words_of_a_company_name_are_the_same_company() -> None:
    ctx = _extract(
        "Harlow Freight Holdings bought two barges in 2019. Later that year Harlow Freight sold "
        "one of them to a Danish buyer."
    )
    harlow = _by_name(ctx, "Harlow Freight Holdings")
    assert harlow.schema == "Company"
    assert [m.text for m in harlow.mentions] == ["Harlow Freight Holdings", "Harlow Freight"]


def test_company_stem_without_business_words() -> None:
    assert parties._company_stem(["Ostrava", "Coal", "Trading", "Ltd"]) == "Ostrava Coal"
    assert parties._company_stem(["Ostrava", "Trading"]) is None  # one word left: too ambiguous
    assert parties._company_stem(["Polish", "Coal", "Trading"]) is None  # a demonym leads


def test_surname_alone_makes_a_person_and_first_word_alone_an_organisation() -> None:
    from casegraph.extract.parties_group import ORG, PERSON, Surface, person_evidence

    full = Surface("Edvin Halvorsen", votes=Counter({ORG: 1}))
    surfaces = {"Edvin Halvorsen": full, "Halvorsen": Surface("Halvorsen", votes=Counter({ORG: 2}))}
    assert person_evidence(full, surfaces) is True
    firm = Surface("Quorra Biotics", votes=Counter({PERSON: 1}))
    surfaces = {"Quorra Biotics": firm, "Quorra": Surface("Quorra", votes=Counter({ORG: 1}))}
    assert person_evidence(firm, surfaces) is False


def test_apposition_says_what_kind_of_party_a_name_is() -> None:
    from casegraph.extract.parties_hints import apposition_hint as hint

    text = "Brennvik Capital, a Latvian lender, and Oda Rasmussen, the mayor's niece, met."
    assert hint(text, 0, len("Brennvik Capital")) == "Company"
    start = text.index("Oda")
    assert hint(text, start, start + len("Oda Rasmussen")) == "Person"
    text = "She spoke to the broadcaster Radio Kestla about the Lisbon Policy Lab, a think tank."
    start = text.index("Radio")
    assert hint(text, start, start + len("Radio Kestla")) == "Organization"
    start = text.index("Lisbon")
    assert hint(text, start, start + len("Lisbon Policy Lab")) == "Organization"


def test_possessive_office_name_is_one_public_body() -> None:
    ctx = _extract("Officers from the Regional Prosecutor's Office searched the depot on Monday.")
    office = _by_name(ctx, "Regional Prosecutor's Office")
    assert office.schema == "PublicBody"
    assert "Office" not in {p.name for p in ctx.parties.values()}


def test_ship_names_are_not_parties() -> None:
    ctx = _extract("The tanker Silver Gull left Rotterdam in May. The Silver Gull later turned off her transponder.")
    assert not [p for p in ctx.parties.values() if "Silver Gull" in p.name]


def test_masthead_outlet_is_the_publisher() -> None:
    ctx = _extract(
        "Port deal raises questions\n\nBaltic Freight Review — Business\n3 May 2022\n\n"
        "The Baltic Freight Review has learned that the port authority signed the lease in secret."
    )
    assert _by_name(ctx, "Baltic Freight Review").schema == "Organization"


def test_bare_commission_is_a_reference_not_a_party() -> None:
    ctx = _extract(
        "The Gaming Commission fined Velora Casinos Ltd in May. "
        "Velora said it disagreed with the Commission's findings."
    )
    commission = _by_name(ctx, "Gaming Commission")
    assert commission.schema == "PublicBody"
    assert "Commission" in [m.text for m in commission.mentions]
    assert "Commission" not in {p.name for p in ctx.parties.values()}


def test_nominal_references_become_mentions() -> None:
    ctx = _extract(
        "The Ashgrove Heritage Trust was founded in 2004 by Miriam Teller.\n\n"
        "Last year the trust's treasurer, Colin Barrow, resigned. Teller, who chairs the trust, "
        "said the board had not been told."
    )
    trust = _by_name(ctx, "Ashgrove Heritage Trust")
    assert [m.text for m in trust.mentions] == ["Ashgrove Heritage Trust", "trust", "trust"]
    for m in trust.mentions:
        assert ctx.text[m.start : m.end] == m.text


def test_nominal_reference_with_two_candidates_is_left_alone() -> None:
    ctx = _extract(
        "Brightwater Logistics Ltd and Coldharbour Freight Ltd both bid for the contract. "
        "The company that won it was registered a week earlier."
    )
    assert not [m for m in ctx.mentions if m.text == "company"]


def test_nominal_reference_by_schema_when_the_name_lacks_the_noun() -> None:
    ctx = _extract(
        "Investigators traced the payments to Norrland Tanker Ltd, and the firm's accounts "
        "were frozen in June."
    )
    norrland = _by_name(ctx, "Norrland Tanker Ltd")
    assert "firm" in [m.text for m in norrland.mentions]


def test_russian_inflected_quoted_names_legal_forms_and_abbreviations() -> None:
    text = (
        "Министерство юстиции внесло АНО «Центр „Открытый город“» в реестр. "
        "Позже Минюст сообщил, что «Открытый город» получал деньги из-за рубежа. "
        "Директор «Открытого города» это отрицает. Сам центр обжалует решение Минюста в суде. "
        "Грант закончился в 2020 году."
    )
    ctx = _extract(text, language="ru")
    ministry = _by_name(ctx, "Министерство юстиции")
    assert ministry.schema == "PublicBody"
    assert {"Минюст", "Минюста"} <= {a for a, _ in ministry.aliases}
    centre = _by_name(ctx, "АНО «Центр „Открытый город“»")
    assert centre.schema == "Organization"
    assert "Открытого города" in [a for a, _ in centre.aliases]
    assert "центр" in [m.text for m in centre.mentions]
    assert not [p for p in ctx.parties.values() if p.name == "Грант"]


def test_russian_compound_abbreviation() -> None:
    from casegraph.extract.parties_ru import _abbreviates

    assert _abbreviates("Минюст", "Министерство юстиции")
    assert _abbreviates("Минэкономразвития", "Министерство экономического развития")
    assert not _abbreviates("Минюст", "Министерство финансов")


def test_leading_short_forms_join_one_chain_of_names_only() -> None:
    from casegraph.extract.parties_group import ORG, Groups, Surface, link_surfaces

    forms = ["Quellmark Grain Holdings", "Quellmark Grain", "Quellmark", "Ostra Shipping", "Ostra Mining", "Ostra"]
    surfaces = {f: Surface(f, votes=Counter({ORG: 1}), spans=[(i, i + 1)]) for i, f in enumerate(forms)}
    groups = Groups(forms)
    link_surfaces(surfaces, groups)
    assert groups.find("Quellmark") == groups.find("Quellmark Grain Holdings") == groups.find("Quellmark Grain")
    assert groups.find("Ostra") not in {groups.find("Ostra Shipping"), groups.find("Ostra Mining")}


def test_nominal_reference_through_a_descriptor_next_to_the_name() -> None:
    ctx = _extract(
        "Auditors examined Larkspur Capital, a fund based in Jersey.\n\n"
        "The fund's accounts showed a loss of £3 million."
    )
    larkspur = _by_name(ctx, "Larkspur Capital")
    assert "fund" in [m.text for m in larkspur.mentions]


def test_descriptor_reference_blocked_by_a_later_company() -> None:
    ctx = _extract(
        "He controls Corvo Invest, a holding company. Last year Corvo Invest lent money to "
        "Tarrant Mills Ltd, and the company bought a warehouse."
    )
    corvo = _by_name(ctx, "Corvo Invest")
    assert "company" not in [m.text for m in corvo.mentions]


def test_russian_nominal_references_and_short_outlet_name() -> None:
    text = (
        "В 2021 году мэрия заключила с фондом «Полярная звезда» договор. Фонд возглавляет Анна Серова.\n\n"
        "По данным «Северного вестника», деньги фонда ушли подрядчикам. «Вестнику» в мэрии не ответили."
    )
    ctx = _extract(text, language="ru")
    star = _by_name(ctx, "Полярная звезда")
    assert {"Фонд", "фонда"} <= {m.text for m in star.mentions}
    assert "Вестнику" in [m.text for m in _by_name(ctx, "Северный вестник").mentions]


# -- round 2: short forms, dropped modifiers, places, Russian territorial bodies ------------------


def test_distinctive_first_word_of_an_organisation_is_its_short_form() -> None:
    ctx = _extract(
        "Ilse Brandt chairs the Korvid Press Trust, which prints two weekly papers. "
        "Regulators fined Korvid in March, and Korvid's accounts show a loss."
    )
    trust = _by_name(ctx, "Korvid Press Trust")
    assert "Korvid" in [a for a, _ in trust.aliases]
    assert [m.text for m in trust.mentions].count("Korvid") == 2


def test_first_word_shared_by_two_names_or_used_as_a_place_is_no_short_form() -> None:
    ctx = _extract(
        "Vantor Energy Ltd and Vantor Shipping Ltd filed accounts. Vantor's owner declined to comment.\n\n"
        "The Denholm Grain Company opened a silo in Denholm last year."
    )
    long_names = {_by_name(ctx, "Vantor Energy Ltd").key, _by_name(ctx, "Vantor Shipping Ltd").key}
    assert not [m for m in ctx.mentions if m.text == "Vantor" and m.party in long_names]
    assert not [m for m in ctx.mentions if m.text == "Denholm"]


def test_body_named_without_its_generic_modifier_is_the_same_body() -> None:
    ctx = _extract(
        "The Broadcasting Council issued a warning to the station. "
        "A week later the National Broadcasting Council fined it $5,000."
    )
    council = _by_name(ctx, "National Broadcasting Council")
    assert "Broadcasting Council" in [a for a, _ in council.aliases]


def test_dateline_places_are_not_parties() -> None:
    ctx = _extract(
        "GRELLOS, Ostravia — The Ostravian Ministry of Health said on Monday that it had fired "
        "Lena Varga, its procurement chief. Crowds gathered outside the ministry in Grellos."
    )
    names = {p.name for p in ctx.parties.values()}
    assert not names & {"Grellos", "GRELLOS", "Ostravia"}
    assert "Lena Varga" in names


def test_a_name_tagged_as_a_place_more_often_than_as_a_party_is_no_party() -> None:
    from casegraph.extract.parties import _tagged_as_place
    from casegraph.extract.parties_group import PERSON, Surface

    ridge = Surface("Harlow Ridge", votes=Counter({PERSON: 1}))
    assert _tagged_as_place(ridge, Counter({"Harlow Ridge": 2}))
    assert not _tagged_as_place(ridge, Counter({"Harlow Ridge": 1}))


def test_person_shaped_group_tag_is_a_person() -> None:
    from spacy.tokens import Span

    from casegraph.extract.nlp import english
    from casegraph.extract.parties import _person_shaped

    doc = english()("Later Greta Voss and some Bosnian Serbs spoke.")
    assert _person_shaped(Span(doc, 1, 3, label="NORP"))
    assert not _person_shaped(Span(doc, 5, 7, label="NORP"))


def test_state_body_named_only_as_owner_of_its_unit_is_no_party() -> None:
    ctx = _extract("The Federal Treasury's Office of Export Control blocked the assets of Merrow Holdings Ltd.")
    names = {p.name for p in ctx.parties.values()}
    assert "Federal Treasury" not in names
    assert "Office of Export Control" in names


def test_kind_noun_before_a_name_introduces_an_organisation() -> None:
    ctx = _extract("The figures were checked by Ruth Amsel, who works for the watchdog Clear Ledger Watch.")
    assert _by_name(ctx, "Clear Ledger Watch").schema != "Person"


def test_russian_territorial_bodies_surnames_and_registers() -> None:
    text = (
        "Проверку провела прокуратура Северной области. Материалы переданы в следственное управление "
        "СК по Северной области. Позже прокуратура подала иск. Министерство культуры и туризма Северной "
        "области заключило контракт с ООО «Ладья», которым владеет Пётр Смолин. Миникульт отказался от "
        "комментариев. По данным ЕГРЮЛ, Смолину принадлежит вся компания."
    )
    ctx = _extract(text, language="ru")
    prosecutor = _by_name(ctx, "прокуратура Северной области")
    assert prosecutor.schema == "PublicBody"
    assert "прокуратура" in [m.text for m in prosecutor.mentions]
    assert _by_name(ctx, "следственное управление СК по Северной области").schema == "PublicBody"
    assert "Смолину" in [m.text for m in _by_name(ctx, "Пётр Смолин").mentions]
    assert not [p for p in ctx.parties.values() if p.name in ("ЕГРЮЛ", "СК")]


def test_russian_abbreviation_of_a_ministry_with_two_fields_and_a_territory() -> None:
    from casegraph.extract.parties_ru import _abbreviates, _same_surname

    assert _abbreviates("Минтранс", "министерство транспорта и дорожного хозяйства Северной области")
    assert not _abbreviates("Минтранс", "министерство транспортных средств")
    assert _same_surname("Лапина", "Лапин") and _same_surname("Серов", "Серова")
    assert not _same_surname("Серовский", "Серов")


def test_specific_noun_does_not_fall_back_to_another_body() -> None:
    ctx = _extract(
        "The Harbour Court fined the importer. The ministry said it would appeal.", language="en"
    )
    court = _by_name(ctx, "Harbour Court")
    assert "ministry" not in [m.text for m in court.mentions]


def test_lower_case_ministry_named_by_its_field_is_a_public_body() -> None:
    ctx = _extract("Two weeks later an adviser from the energy ministry phoned Carla Mendes.")
    assert _by_name(ctx, "energy ministry").schema == "PublicBody"


def test_noun_before_a_person_is_no_descriptor_of_that_person() -> None:
    text = (
        "«Мы обжалуем решение», — сказал юрист компании Олег Сомов. "
        "Вопросы должны быть и к компании, считает депутат."
    )
    ctx = _extract(text, language="ru")
    assert "компании" not in [m.text for m in _by_name(ctx, "Олег Сомов").mentions]


def test_head_last_ministry_is_the_ministry_of_that_field() -> None:
    ctx = _extract(
        "The Ministry of Transport signed the deal with Orvane Logistics Ltd in May. "
        "A week later the Transport Ministry paid the first instalment, officials said."
    )
    assert _by_name(ctx, "Ministry of Transport") is _by_name(ctx, "Transport Ministry")


def test_bare_surname_shared_by_relatives_goes_to_the_first_named() -> None:
    ctx = _extract(
        "The firm is run by Colm Hegarty, a former car salesman. His sister, Orla Hegarty, holds a "
        "quarter of the shares. Hegarty did not answer questions sent by email."
    )
    surname = next(m for m in ctx.mentions if m.text == "Hegarty")
    assert ctx.parties[surname.party].name == "Colm Hegarty"


def test_owner_before_a_role_noun_does_not_make_a_person_an_organisation() -> None:
    ctx = _extract(
        "Walter Penrose, the firm's founder, sold his stake in Brightwater Mills Ltd last year. "
        "Penrose declined to comment."
    )
    assert _by_name(ctx, "Walter Penrose").schema == "Person"


def test_saints_name_with_possessive_is_one_institution() -> None:
    ctx = _extract(
        "Nurses at St Columba's General Hospital counted the beds twice. "
        "St Columba's later received four more ventilators."
    )
    hospital = _by_name(ctx, "St Columba's General Hospital")
    assert "St Columba's" in [a for a, _ in hospital.aliases]
    assert not [p for p in ctx.parties.values() if p.name == "St Columba"]


def test_russian_initialism_in_brackets_and_sentence_initial_noun() -> None:
    text = (
        "Суд отказал организации «Речная правозащитная сеть» (РПС) в иске к министерству. "
        "Основанием для отказа стало письмо депутата. РПС обжалует решение."
    )
    ctx = _extract(text, language="ru")
    network = _by_name(ctx, "Речная правозащитная сеть")
    assert "РПС" in [a for a, _ in network.aliases]
    assert not [p for p in ctx.parties.values() if p.name.startswith("Основани")]


def test_an_agent_noun_before_a_persons_name_does_not_make_a_company() -> None:
    from casegraph.extract import parties, segment
    from casegraph.extract.context import DocContext

    ctx = DocContext(text="The permit went to Harbourline Estates LLC, whose manager is the developer Owen Mallory. "
                          "Mallory declined to comment. The supplier Brightwater Ltd was not named.")
    segment.run(ctx)
    parties.run(ctx)
    schemata = {p.name: p.schema for p in ctx.parties.values()}
    assert schemata.get("Owen Mallory") == "Person"
    assert schemata.get("Brightwater Ltd") == "Company"


def test_a_case_caption_is_not_a_party() -> None:
    from casegraph.extract import parties, segment
    from casegraph.extract.context import DocContext

    ctx = DocContext(text="Summary of Northgate Trust v. Ministry of Finance\n\n"
                          "Northgate Trust sued the Ministry of Finance in March 2020.")
    segment.run(ctx)
    parties.run(ctx)
    names = {p.name for p in ctx.parties.values()}
    assert not any(" v. " in n for n in names)
    assert "Ministry of Finance" in names


def _ministries(ctx: DocContext, word: str) -> list[Party]:
    return [p for p in ctx.parties.values() if word in p.name or any(word in a for a, _ in p.aliases)]


def test_head_last_short_form_and_long_form_with_country_qualifier_are_one_party() -> None:
    ctx = _extract(
        "A letter from the Ministry of Culture of the Russian Federation reached the theatre in May. "
        "The Culture Ministry later withdrew it."
    )
    [ministry] = _ministries(ctx, "Culture")
    assert ministry.schema == "PublicBody"
    assert {m.text for m in ministry.mentions} == {"Ministry of Culture of the Russian Federation", "Culture Ministry"}


def test_committee_for_x_and_x_committee_are_one_party_but_other_committees_stay_apart() -> None:
    ctx = _extract(
        "The Committee for Human Rights met on Tuesday. The Human Rights Committee said the law was unjust. "
        "The Budget Committee disagreed."
    )
    assert len(_ministries(ctx, "Human Rights")) == 1
    assert len(_ministries(ctx, "Budget")) == 1
    assert _ministries(ctx, "Human Rights") != _ministries(ctx, "Budget")


def test_ministries_of_different_fields_stay_apart() -> None:
    ctx = _extract(
        "The Ministry of Justice opened a case. The Ministry of Finance froze the accounts. "
        "The Justice Ministry said it would appeal."
    )
    [justice] = _ministries(ctx, "Justice")
    [finance] = _ministries(ctx, "Finance")
    assert justice is not finance and len(justice.mentions) == 2


def test_justice_ministries_of_two_countries_stay_apart() -> None:
    ctx = _extract(
        "The Russian Justice Ministry listed the outlet on Monday. The Ministry of Justice of Ukraine protested. "
        "Officials at the Justice Ministry declined to comment."
    )
    russian = _by_name(ctx, "Russian Justice Ministry")
    ukrainian = _by_name(ctx, "Ministry of Justice of Ukraine")
    assert russian is not ukrainian
    # the bare short form could be either, so it is joined to neither
    assert all(len(p.mentions) == 1 for p in (russian, ukrainian))


def test_field_short_form_joins_the_one_body_whose_field_it_leads() -> None:
    ctx = _extract(
        "The Ministry of Foreign Affairs of Russia issued a note on Monday. "
        "The Foreign Ministry later added that the note was routine."
    )
    [ministry] = _ministries(ctx, "Foreign")
    assert len(ministry.mentions) == 2
    ctx = _extract(
        "The Ministry of Foreign Affairs issued a note. The Ministry of Foreign Trade issued another. "
        "The Foreign Ministry later added that the note was routine."
    )
    assert len(_ministries(ctx, "Foreign")) == 3  # "Foreign Ministry" could be either: joined to neither
