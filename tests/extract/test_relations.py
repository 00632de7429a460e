"""Relation frames, on sentences written for these tests (no parse needed: ``nlp_doc`` is None)."""

from __future__ import annotations

from casegraph.extract.context import DocContext, party_key

from .builders import build, run


def rels(ctx: DocContext) -> set[tuple[str, str, str]]:
    run(ctx)
    props = {"Directorship": ("director", "organization"), "Ownership": ("owner", "asset"),
             "Membership": ("member", "organization"), "Employment": ("employee", "employer"),
             "Representation": ("agent", "client"), "Associate": ("person", "associate"),
             "UnknownLink": ("subject", "object"), "Family": ("person", "relative")}
    out = set()
    for d in ctx.drafts:
        sp, op = props[d.schema]
        for s in d.refs(sp):
            for o in d.refs(op):
                out.add((d.schema, ctx.parties[s].name, ctx.parties[o].name))
    return out


def test_apposition_founder_and_director() -> None:
    ctx = build("Maria Kolesova, the founder of the Northern Rivers Trust, spoke on Friday. "
                "Peter Lang, director of Baltic Freight Agency, declined to comment.",
                {"Maria Kolesova": "Person", "Northern Rivers Trust": "Organization",
                 "Peter Lang": "Person", "Baltic Freight Agency": "Organization"})
    found = rels(ctx)
    assert ("Directorship", "Maria Kolesova", "Northern Rivers Trust") in found
    assert ("Directorship", "Peter Lang", "Baltic Freight Agency") in found
    roles = {v.value for d in ctx.drafts for v in d.values if v.prop == "role"}
    assert {"founder", "director"} <= roles


def test_title_before_name_and_title_stem_names_the_body() -> None:
    ctx = build("The Transport Ministry did not answer. Deputy Transport Minister Ilya Gorin signed it, "
                "and Customs Service Spokeswoman Nina Vasko confirmed. The Water Agency's Deputy Head, "
                "Oleg Brant, was absent. Water Agency Director Karl Moss agreed.",
                {"Transport Ministry": "PublicBody", "Ilya Gorin": "Person", "Customs Service": "PublicBody",
                 "Nina Vasko": "Person", "Water Agency": "PublicBody", "Oleg Brant": "Person",
                 "Karl Moss": "Person"})
    found = rels(ctx)
    assert ("Employment", "Ilya Gorin", "Transport Ministry") in found
    assert ("Employment", "Nina Vasko", "Customs Service") in found
    assert ("Employment", "Oleg Brant", "Water Agency") in found
    assert ("Directorship", "Karl Moss", "Water Agency") in found


def test_founding_verb_takes_date_and_skips_prepositional_object() -> None:
    text = "In June 2009, Anna Petrova registered a charity with the Tax Service — the Green Hands Fund."
    ctx = build(text, {"Anna Petrova": "Person", "Tax Service": "PublicBody", "Green Hands Fund": "Organization"},
                {"June 2009": "2009-06"})
    found = rels(ctx)
    assert ("Directorship", "Anna Petrova", "Green Hands Fund") in found
    assert not any(o == "Tax Service" for _, _, o in found)
    draft = next(d for d in ctx.drafts if d.schema == "Directorship")
    assert any(v.prop == "startDate" and v.value == "2009-06" for v in draft.values)


def test_founded_by_whose_director_and_possessive() -> None:
    ctx = build("The Open Fields Fund, which was founded by Boris Kane in May, opened an office. "
                "The domain belongs to Kane Logistics, whose sole founder and director is Boris Kane. "
                "Boris Kane traded through his company, Redline Trading. "
                "Later, Lina Ost said her non-profit, the Clear Water Union, would sue.",
                {"Open Fields Fund": "Organization", "Boris Kane": "Person", "Kane Logistics": "Company",
                 "Redline Trading": "Company", "Lina Ost": "Person", "Clear Water Union": "Organization"})
    found = rels(ctx)
    assert ("Directorship", "Boris Kane", "Open Fields Fund") in found
    assert ("Directorship", "Boris Kane", "Kane Logistics") in found
    assert ("Ownership", "Boris Kane", "Redline Trading") in found
    assert ("Directorship", "Lina Ost", "Clear Water Union") in found
    key = f"rel:Directorship:{party_key('Boris Kane')}:{party_key('Kane Logistics')}"
    kane = [d for d in ctx.drafts if d.key == key]
    assert len(kane) == 1 and {"founder", "director"} <= {v.value for v in kane[0].values if v.prop == "role"}


def test_membership_coordinated_and_given() -> None:
    ctx = build("Former mayor Tom Reed and senator Ada Wolfe were also honorary members of the Harbor Club. "
                "Delegates of the Rowing League met Ida Sorn and presented Ida Sorn with a badge of honorary "
                "membership to their organization.",
                {"Tom Reed": "Person", "Ada Wolfe": "Person", "Harbor Club": "Organization",
                 "Rowing League": "Organization", "Ida Sorn": "Person"})
    found = rels(ctx)
    assert ("Membership", "Tom Reed", "Harbor Club") in found
    assert ("Membership", "Ada Wolfe", "Harbor Club") in found
    assert ("Membership", "Ida Sorn", "Rowing League") in found


def test_representation_one_per_coordinated_lawyer() -> None:
    ctx = build("Defence lawyers Irina Mott and Pavel Sokol — who are representing Delta Radio in the appeal — "
                "filed papers.",
                {"Irina Mott": "Person", "Pavel Sokol": "Person", "Delta Radio": "Organization"})
    found = rels(ctx)
    assert ("Representation", "Irina Mott", "Delta Radio") in found
    assert ("Representation", "Pavel Sokol", "Delta Radio") in found


def test_links_between_people_and_organisations() -> None:
    ctx = build("Kurt Bell helped Leon Hart, a lobbyist linked to banker Otto Kranz, with fundraising. "
                "On Monday, the Civic Shield Fund announced plans to cooperate with Kurt Bell.",
                {"Kurt Bell": "Person", "Leon Hart": "Person", "Otto Kranz": "Person",
                 "Civic Shield Fund": "Organization"})
    found = rels(ctx)
    assert ("Associate", "Kurt Bell", "Leon Hart") in found
    assert ("Associate", "Leon Hart", "Otto Kranz") in found
    assert ("UnknownLink", "Civic Shield Fund", "Kurt Bell") in found


def test_same_relation_twice_is_one_draft_and_negation_is_skipped() -> None:
    ctx = build("Nora Falk, director of the Port Authority, spoke. Later Nora Falk, the director of the Port "
                "Authority, left. Tim Roe is not a member of the Port Authority.",
                {"Nora Falk": "Person", "Port Authority": "PublicBody", "Tim Roe": "Person"})
    found = rels(ctx)
    assert [d.schema for d in ctx.drafts].count("Directorship") == 1
    assert not any(s == "Tim Roe" for _, s, _ in found)
    draft = ctx.drafts[0]
    assert len({v.start for v in draft.values if v.prop == "director"}) == 2  # both statements are evidence


def test_russian_apposition() -> None:
    ctx = build("Иван Смирнов, основатель фонда «Светлый путь», дал интервью.",
                {"Иван Смирнов": "Person", "«Светлый путь»": "Organization"}, language="ru")
    assert ("Directorship", "Иван Смирнов", "«Светлый путь»") in rels(ctx)


# -- clause, possessive, pronoun and kinship frames (relations_clauses) -----------------------------

def test_who_clause_and_object_relative_with_pronoun() -> None:
    ctx = build("Tomas Reed, who chairs the Harbour Lights Foundation, declined to comment. "
                "Mira Sold built her fortune through Kappa Freight, the Riga-based firm she runs.",
                {"Tomas Reed": "Person", "Harbour Lights Foundation": "Organization", "Mira Sold": "Person",
                 "Kappa Freight": "Company"})
    found = rels(ctx)
    assert ("Directorship", "Tomas Reed", "Harbour Lights Foundation") in found
    assert ("Directorship", "Mira Sold", "Kappa Freight") in found


def test_co_founders_in_both_word_orders() -> None:
    ctx = build("Anna Berg co-founded Northwind Analytics with the Danish engineer Lars Holm in 2012. "
                "Later the money reached Open Ledger Lab, a small charity that Piet Vos founded with Eva Lind.",
                {"Anna Berg": "Person", "Northwind Analytics": "Company", "Lars Holm": "Person",
                 "Open Ledger Lab": "Organization", "Piet Vos": "Person", "Eva Lind": "Person"})
    found = rels(ctx)
    for person, org in (("Anna Berg", "Northwind Analytics"), ("Lars Holm", "Northwind Analytics"),
                        ("Piet Vos", "Open Ledger Lab"), ("Eva Lind", "Open Ledger Lab")):
        assert ("Directorship", person, org) in found


def test_whose_director_apposition_and_nominal_possessive_title() -> None:
    ctx = build("The grant went to the Civic Pulse Institute, a research body whose director, Helen Marsh, "
                "once advised the mayor. The Lakeside Foundation paid for it. Later the foundation's former "
                "treasurer, Ruth Gale, resigned.",
                {"Civic Pulse Institute": "Organization", "Helen Marsh": "Person",
                 "Lakeside Foundation": "Organization", "Ruth Gale": "Person"})
    found = rels(ctx)
    assert ("Directorship", "Helen Marsh", "Civic Pulse Institute") in found
    assert ("Directorship", "Ruth Gale", "Lakeside Foundation") in found


def test_pronoun_possessive_roles_resolve_to_the_antecedent() -> None:
    ctx = build("Dana Cole sued the city in March. Her lawyer, Simon Pratt, filed the papers. "
                "The boats were run by Tern Shipping, a small operator. Its managing director, Ivo Dahl, "
                "refused to talk.",
                {"Dana Cole": "Person", "Simon Pratt": "Person", "Tern Shipping": "Company", "Ivo Dahl": "Person"})
    found = rels(ctx)
    assert ("Representation", "Simon Pratt", "Dana Cole") in found
    assert ("Directorship", "Ivo Dahl", "Tern Shipping") in found


def test_ownership_possessive_passive_and_stake() -> None:
    ctx = build("Orbit Medical's owner is Larch Holdings, a company registered in Malta. The fees went to "
                "Blue Fern Advisory, a consultancy owned by Jana Kos. Petr Ulm said he had sold his stake in "
                "Orbit Medical.",
                {"Orbit Medical": "Company", "Larch Holdings": "Company", "Blue Fern Advisory": "Company",
                 "Jana Kos": "Person", "Petr Ulm": "Person"})
    found = rels(ctx)
    assert ("Ownership", "Larch Holdings", "Orbit Medical") in found
    assert ("Ownership", "Jana Kos", "Blue Fern Advisory") in found
    assert ("Ownership", "Petr Ulm", "Orbit Medical") in found


def test_representation_by_lawyer_apposition_and_passive() -> None:
    ctx = build("Karin Alt, a lawyer for Boris Timm, wrote to us. The Seaview Trust, represented by the law "
                "firm Noble Grant, denies it.",
                {"Karin Alt": "Person", "Boris Timm": "Person", "Seaview Trust": "Organization",
                 "Noble Grant": "Company"})
    found = rels(ctx)
    assert ("Representation", "Karin Alt", "Boris Timm") in found
    assert ("Representation", "Noble Grant", "Seaview Trust") in found


def test_board_membership_and_served_as_sole_director() -> None:
    ctx = build("The loan came from Pioneer Savings Bank. The bank's board includes Olga Ruhl, a former "
                "auditor. Max Feld sits on the supervisory board of Aster Group. Marten Kahl founded Aster "
                "Group in 2001. Kahl, 58, served as the company's sole director until May.",
                {"Pioneer Savings Bank": "Company", "Olga Ruhl": "Person", "Max Feld": "Person",
                 "Aster Group": "Company", "Marten Kahl": "Person"})
    found = rels(ctx)
    assert ("Directorship", "Olga Ruhl", "Pioneer Savings Bank") in found
    assert ("Membership", "Max Feld", "Aster Group") in found
    roles = {v.value for d in ctx.drafts for v in d.values if v.prop == "role"}
    assert "sole director" in roles
    assert ("Directorship", "Marten Kahl", "Aster Group") in found


def test_family_frames() -> None:
    ctx = build("The bank's board includes Lea Brandt, Otto Brandt's daughter. Paul Henke is the "
                "brother-in-law of Deputy Trade Minister Vera Lutz. Jon Ekberg came with his wife, Siri Ekberg.",
                {"Lea Brandt": "Person", "Otto Brandt": "Person", "Paul Henke": "Person", "Vera Lutz": "Person",
                 "Jon Ekberg": "Person", "Siri Ekberg": "Person"})
    found = rels(ctx)
    assert ("Family", "Lea Brandt", "Otto Brandt") in found
    assert ("Family", "Paul Henke", "Vera Lutz") in found
    assert ("Family", "Siri Ekberg", "Jon Ekberg") in found
    # a possessor is not a list member: Otto Brandt is not on the board
    assert not any(r[1] == "Otto Brandt" and r[0] == "Directorship" for r in found)


def test_singular_title_covers_only_the_first_of_two_names() -> None:
    ctx = build("The Trade Ministry paid. Trade Minister Vera Lutz and Paul Henke signed the deal.",
                {"Trade Ministry": "PublicBody", "Vera Lutz": "Person", "Paul Henke": "Person"})
    found = rels(ctx)
    assert ("Employment", "Vera Lutz", "Trade Ministry") in found
    assert not any(r[1] == "Paul Henke" for r in found)


def test_negated_verb_frame_is_skipped() -> None:
    ctx = build("Ada Nyx never ran Quill Media.", {"Ada Nyx": "Person", "Quill Media": "Company"})
    assert not rels(ctx)


def test_russian_titles_with_genitive_bodies_and_object_first_founding() -> None:
    text = ("Фонд «Рассвет» Иван Петров учредил в 2015 году. Председатель правления фонда «Рассвет» Иван "
            "Петров отказался от комментариев. Генеральным директором компании «Вектор» работает его жена "
            "Анна Петрова. В попечительский совет фонда входит депутат Павел Лисин. "
            "Заместитель министра финансов Пётр Орлов подписал письмо в Минфин.")
    ctx = build(text, {"Фонд «Рассвет»": "Organization", "Иван Петров": "Person", "Вектор": "Company",
                       "Анна Петрова": "Person", "Павел Лисин": "Person", "Пётр Орлов": "Person",
                       "Минфин": "PublicBody"}, {"2015 году": "2015"}, language="ru")
    found = rels(ctx)
    assert ("Directorship", "Иван Петров", "Фонд «Рассвет»") in found
    assert ("Directorship", "Анна Петрова", "Вектор") in found
    assert ("Family", "Анна Петрова", "Иван Петров") in found
    assert ("Membership", "Павел Лисин", "Фонд «Рассвет»") in found
    assert ("Employment", "Пётр Орлов", "Минфин") in found


def test_affiliation_frames_firm_sub_body_and_business_tie() -> None:
    ctx = build("Daniel Kerr of Mills Pike LLP said nothing. The Finance Ministry's Tax Office opened a case. "
                "Opal Trade, which had been appointed as Vantor Steel's exclusive distributor, won.",
                {"Daniel Kerr": "Person", "Mills Pike LLP": "Company", "Finance Ministry": "PublicBody",
                 "Tax Office": "PublicBody", "Opal Trade": "Company", "Vantor Steel": "Company"})
    found = rels(ctx)
    assert ("Employment", "Daniel Kerr", "Mills Pike LLP") in found
    assert ("Membership", "Tax Office", "Finance Ministry") in found
    assert ("UnknownLink", "Opal Trade", "Vantor Steel") in found


def test_lowercase_office_word_before_a_title_names_the_body() -> None:
    ctx = build("The audit was sent to the finance minister, Petra Lund, on Monday. The Finance Ministry declined "
                "to comment.", {"Petra Lund": "Person", "Finance Ministry": "PublicBody"})
    assert ("Employment", "Petra Lund", "Finance Ministry") in rels(ctx)


def test_possessive_kin_before_the_name() -> None:
    ctx = build("Oskar Brandt retired. The flat went to Brandt's niece, Lena Kowal, a dentist.",
                {"Oskar Brandt": "Person", "Lena Kowal": "Person"})
    assert ("Family", "Lena Kowal", "Oskar Brandt") in rels(ctx)


def test_possessive_role_with_an_attribution_before_the_copula() -> None:
    ctx = build("Tarvo Shipping's beneficial owner, according to a filing seen by reporters, is Mira Holt.",
                {"Tarvo Shipping": "Company", "Mira Holt": "Person"})
    assert ("Ownership", "Mira Holt", "Tarvo Shipping") in rels(ctx)


def test_passive_ownership_with_a_second_share_by_gapping() -> None:
    ctx = build("Nordvik Ferries is 70 per cent owned by Alder Capital, a Jersey fund, and 30 per cent by "
                "Kestrel Group. Nordvik Ferries is owned by Alder Capital and was audited by Birch Partners.",
                {"Nordvik Ferries": "Company", "Alder Capital": "Company", "Kestrel Group": "Company",
                 "Birch Partners": "Company"})
    found = rels(ctx)
    assert ("Ownership", "Alder Capital", "Nordvik Ferries") in found
    assert ("Ownership", "Kestrel Group", "Nordvik Ferries") in found
    assert ("Ownership", "Birch Partners", "Nordvik Ferries") not in found


def test_lawyer_at_a_firm_is_employment_not_representation() -> None:
    ctx = build("Dana Ruiz, a solicitor at Harlow Webb LLP, filed the claim.",
                {"Dana Ruiz": "Person", "Harlow Webb LLP": "Company"})
    found = rels(ctx)
    assert ("Employment", "Dana Ruiz", "Harlow Webb LLP") in found
    assert ("Representation", "Dana Ruiz", "Harlow Webb LLP") not in found


def test_russian_pronoun_title_with_occupations_and_object_first_verb() -> None:
    text = ("Фонд «Чистый берег» зарегистрирован в 2015 году. Его учредителями стали химик Олег Вершинин и "
            "учитель Мария Гусева. С 2019 года организацией руководит директор Пётр Лаптев. "
            "Мария Гусева по-прежнему входит в правление фонда «Чистый берег».")
    ctx = build(text, {"Чистый берег": "Organization", "Олег Вершинин": "Person", "Мария Гусева": "Person",
                       "Пётр Лаптев": "Person"}, language="ru")
    found = rels(ctx)
    assert ("Directorship", "Олег Вершинин", "Чистый берег") in found
    assert ("Directorship", "Мария Гусева", "Чистый берег") in found
    assert ("Directorship", "Пётр Лаптев", "Чистый берег") in found
    assert ("Membership", "Мария Гусева", "Чистый берег") in found


def test_pronoun_role_with_copula_and_fraction_owned() -> None:
    ctx = build("Tallow Shipping Ltd was registered in 2017. Its sole director on paper is Brenda Kovac. "
                "Oskar Lind also owns 40 percent of Tallow Shipping Ltd.",
                {"Tallow Shipping Ltd": "Company", "Brenda Kovac": "Person", "Oskar Lind": "Person"})
    found = rels(ctx)
    assert ("Directorship", "Brenda Kovac", "Tallow Shipping Ltd") in found
    assert ("Ownership", "Oskar Lind", "Tallow Shipping Ltd") in found


def test_held_by_after_another_noun_is_not_ownership_of_the_earlier_name() -> None:
    ctx = build("Pellor Trading sent the money to Birchwood Bank, into an account held by Ana Ruiz. "
                "The Trade Agency froze all permits held by Pellor Trading.",
                {"Pellor Trading": "Company", "Birchwood Bank": "Company", "Ana Ruiz": "Person",
                 "Trade Agency": "PublicBody"})
    found = rels(ctx)
    assert not any(r[0] == "Ownership" for r in found)


def test_role_in_a_branch_apposed_verb_and_attorney_of_the_firm() -> None:
    ctx = build("Carla Mendes, who has been secretary of the Green Future Party's county branch since 2015, "
                "spoke. It hired a firm whose senior partner, Ivo Brandt, now represents Carla Mendes. "
                "Attorney Ruth Adeyemi of the firm Hollis Grant filed the motion.",
                {"Carla Mendes": "Person", "Green Future Party": "Organization", "Ivo Brandt": "Person",
                 "Ruth Adeyemi": "Person", "Hollis Grant": "Company"})
    found = rels(ctx)
    assert ("Membership", "Carla Mendes", "Green Future Party") in found
    assert ("Representation", "Ivo Brandt", "Carla Mendes") in found
    assert ("Employment", "Ruth Adeyemi", "Hollis Grant") in found


def test_whose_role_is_the_occupation_name() -> None:
    ctx = build("The loan came from Marrow Estates LLC, a company whose registered manager is the builder Tom Ekker.",
                {"Marrow Estates LLC": "Company", "Tom Ekker": "Person"})
    found = rels(ctx)
    assert any(r[1:] == ("Tom Ekker", "Marrow Estates LLC") for r in found)


def test_russian_dative_ownership_and_represented_interests() -> None:
    ctx = build("ООО «Северный Берег» на 100% принадлежит бизнесмену Олегу Панину. "
                "Олег Панин — известный застройщик. Кроме того, ему принадлежит 30% компании ООО «Дорстрой». "
                "Нину Ершову уволили. Её интересы представлял адвокат Павел Рябов.",
                {"ООО «Северный Берег»": "Company", "Олегу Панину": "Person", "Олег Панин": "Person",
                 "ООО «Дорстрой»": "Company", "Нину Ершову": "Person", "Павел Рябов": "Person"})
    found = rels(ctx)
    assert any(r[0] == "Ownership" and r[2] == "ООО «Северный Берег»" for r in found)
    assert any(r[0] == "Ownership" and r[2] == "ООО «Дорстрой»" for r in found)
    assert any(r[0] == "Representation" and r[1] == "Павел Рябов" for r in found)


def test_the_other_half_belongs_to_and_bare_title_with_body_in_sentence() -> None:
    ctx = build("Rena Holt owns 60 percent of Quarry Freight Ltd; the rest belongs to Dunmore Capital. "
                "The Energy Ministry and the Water Ministry met. Lars Vik, a deputy minister responsible "
                "for grids, defended the Energy Ministry's plan.",
                {"Rena Holt": "Person", "Quarry Freight Ltd": "Company", "Dunmore Capital": "Company",
                 "Energy Ministry": "PublicBody", "Water Ministry": "PublicBody", "Lars Vik": "Person"})
    found = rels(ctx)
    assert ("Ownership", "Rena Holt", "Quarry Freight Ltd") in found
    assert ("Ownership", "Dunmore Capital", "Quarry Freight Ltd") in found
    assert any(r[1:] == ("Lars Vik", "Energy Ministry") for r in found)
    assert not any(r[1:] == ("Lars Vik", "Water Ministry") for r in found)


def test_russian_compound_title_inflects_every_word() -> None:
    ctx = build("Главным редактором «Вечернего вестника» с 2019 года была Анна Серова.",
                {"Вечернего вестника": "Company", "Анна Серова": "Person"}, language="ru")
    found = rels(ctx)
    assert ("Directorship", "Анна Серова", "Вечернего вестника") in found


def test_remaining_share_in_the_next_sentence_belongs_to_the_company_named_before() -> None:
    ctx = build("Tova Reed holds 30 percent of Larkspur Pharma. The other 70 percent belongs to Ostmark Ltd.",
                {"Tova Reed": "Person", "Larkspur Pharma": "Company", "Ostmark Ltd": "Company"})
    assert ("Ownership", "Ostmark Ltd", "Larkspur Pharma") in rels(ctx)


def test_russian_genitive_title_before_the_body_and_the_person() -> None:
    ctx = build("Суд вызвал главного редактора «Вечернего вестника» Анну Серову и командира отряда «Сокол» "
                "Ивана Котова.",
                {"Вечернего вестника": "Company", "Анну Серову": "Person", "Сокол": "Organization",
                 "Ивана Котова": "Person"}, language="ru")
    found = rels(ctx)
    assert ("Directorship", "Анну Серову", "Вечернего вестника") in found
    assert ("Employment", "Ивана Котова", "Сокол") in found


def test_russian_genitive_word_that_is_no_title_links_nobody() -> None:
    ctx = build("Суд вызвал главного свидетеля «Вечернего вестника» Анну Серову.",
                {"Вечернего вестника": "Company", "Анну Серову": "Person"}, language="ru")
    assert rels(ctx) == set()
