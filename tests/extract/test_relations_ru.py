"""Russian dash, participle and kin-chain relation frames (extract/relations_ru.py), on sentences
written for these tests; each frame has a negative case."""

from __future__ import annotations

from .builders import build, run
from .test_relations import rels


def test_coordinated_titles_before_a_dash_give_one_relation_each() -> None:
    ctx = build("Исполнительный директор и единственный владелец фирмы «Кедр-Сервис» — Павел Воронцов.",
                {"Кедр-Сервис": "Company", "Павел Воронцов": "Person"}, language="ru")
    found = rels(ctx)
    assert ("Directorship", "Павел Воронцов", "Кедр-Сервис") in found
    assert ("Ownership", "Павел Воронцов", "Кедр-Сервис") in found


def test_bare_title_after_a_comma_inherits_the_body_of_the_first() -> None:
    ctx = build("Учредитель «Северной гавани» — Ирина Лаптева, директор — её бывший коллега Олег Сомов.",
                {"Северной гавани": "Organization", "Ирина Лаптева": "Person", "Олег Сомов": "Person"},
                language="ru")
    found = rels(ctx)
    assert ("Directorship", "Олег Сомов", "Северной гавани") in found
    assert ("Directorship", "Ирина Лаптева", "Северной гавани") in found


def test_bare_title_without_an_earlier_body_is_not_attached() -> None:
    ctx = build("Погода испортилась, директор — Олег Сомов — отменил поездку в «Северную гавань».",
                {"Северную гавань": "Organization", "Олег Сомов": "Person"}, language="ru")
    assert not any(r[0] == "Directorship" and r[2] == "Северную гавань" for r in rels(ctx))


def test_ownership_participle_takes_the_dative_owner_after_a_genitive_relative() -> None:
    ctx = build("Заказ получило ООО «Лесоторг», принадлежащее сестре Ивана Гусева Марине Котовой.",
                {"ООО «Лесоторг»": "Company", "Ивана Гусева": "Person", "Марине Котовой": "Person"},
                language="ru")  # parties named by their inflected forms, as the text gives them
    found = rels(ctx)
    assert ("Ownership", "Марине Котовой", "ООО «Лесоторг»") in found
    assert ("Ownership", "Ивана Гусева", "ООО «Лесоторг»") not in found
    assert ("Family", "Марине Котовой", "Ивана Гусева") in found


def test_negated_ownership_participle_gives_nothing() -> None:
    ctx = build("ООО «Лесоторг», не принадлежащее Марине Котовой, получило заказ.",
                {"ООО «Лесоторг»": "Company", "Марине Котовой": "Person"}, language="ru")
    assert not any(r[0] == "Ownership" for r in rels(ctx))


def test_english_text_is_left_to_the_other_frames() -> None:
    ctx = build("Chief executive and sole owner of Cedar Services — Paul Vorontsov.",
                {"Cedar Services": "Company", "Paul Vorontsov": "Person"})
    run(ctx, "relations_ru")
    assert ctx.drafts == []


def test_inflected_kin_noun_after_a_possessive_pronoun() -> None:
    ctx = build("Фирма «Кедр» принадлежала Павлу Воронцову, теперь она записана на его жену Ольгу Воронцову.",
                {"Павлу Воронцову": "Person", "Ольгу Воронцову": "Person", "Кедр": "Company"}, language="ru")
    assert ("Family", "Ольгу Воронцову", "Павлу Воронцову") in rels(ctx)


def test_possessive_pronoun_before_a_non_kin_noun_is_no_family() -> None:
    ctx = build("Павел Воронцов продал фирму, теперь его женщина-юрист Ольга Сомова ведёт дела.",
                {"Павел Воронцов": "Person", "Ольга Сомова": "Person"}, language="ru")
    assert not any(r[0] == "Family" for r in rels(ctx))
