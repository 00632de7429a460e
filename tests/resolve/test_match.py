"""The matcher on name pairs written for it: both scripts, several transliterations, hard negatives."""

from __future__ import annotations

import itertools

import pytest
from followthemoney import model
from followthemoney.proxy import EntityProxy

from casegraph.resolve.match import CANDIDATE_THRESHOLD, MATCH_THRESHOLD, blocking_keys, compare

_ids = itertools.count()


def ent(schema: str, *names: str, **props: str) -> EntityProxy:
    proxy = model.make_entity(schema)
    proxy.id = f"t{next(_ids)}"
    for name in names:
        proxy.add("name", name)
    for prop, value in props.items():
        proxy.add(prop, value)
    return proxy


SAME_PEOPLE = [
    ("Alexander Ionov", "Александр Ионов"),
    ("Aleksandr Ionov", "Ионов Александр Викторович"),
    ("Alexander Viktorovich Ionov", "Alexander Ionov"),
    ("Александру Ионову", "Alexander Ionov"),
    ("A. Ionov", "Alexander Ionov"),
    ("Yevgeny Prigozhin", "Евгений Пригожин"),
    ("Evgeniy Prigozhin", "Yevgeny Prigozhin"),
    ("Sergei Ivanov", "Sergey Ivanov"),
    ("Ivanov, Sergei", "Sergej Ivanov"),
    ("Volodymyr Zelenskyy", "Владимир Зеленский"),
    ("Alexei Navalny", "Алексей Навальный"),
    ("Dmitry Peskov", "Дмитрий Песков"),
    ("Mikhail Khodorkovsky", "Михаил Ходорковский"),
]

DIFFERENT_PEOPLE = [
    ("Ivanov", "Ionov"),
    ("Sergei Ivanov", "Pavel Ivanov"),
    ("Anna Ionova", "Alexander Ionov"),
    ("Ivan Petrov", "Petr Ivanov"),
    ("Sergei Petrovich Ivanov", "Sergei Ivanovich Ivanov"),
    ("A. Ionov", "B. Ionov"),
    ("Maria Sokolova", "Mario Sokolov"),
]


@pytest.mark.parametrize(("left", "right"), SAME_PEOPLE)
def test_same_person_across_scripts_and_transliterations(left: str, right: str) -> None:
    match = compare(ent("Person", left), ent("Person", right))
    assert match.score >= MATCH_THRESHOLD, match.reasons
    assert match.reasons[0].startswith("name:")


@pytest.mark.parametrize(("left", "right"), DIFFERENT_PEOPLE)
def test_hard_negatives_stay_apart(left: str, right: str) -> None:
    match = compare(ent("Person", left), ent("Person", right))
    assert match.score < MATCH_THRESHOLD, match.reasons


def test_surname_alone_is_a_candidate_not_a_match() -> None:
    match = compare(ent("Person", "Ionov"), ent("Person", "Alexander Ionov"))
    assert CANDIDATE_THRESHOLD <= match.score < MATCH_THRESHOLD


def test_inflected_surname_matches_its_nominative() -> None:
    match = compare(ent("Person", "Ионову"), ent("Person", "Ionov"))
    assert match.score >= MATCH_THRESHOLD
    assert "inflection" in match.reasons[0]


@pytest.mark.parametrize(("left", "right"), [
    ("ООО «Ромашка»", "Romashka LLC"),
    ("Общество с ограниченной ответственностью «Ромашка»", "Romashka Ltd"),
    ("Meduza", "Медуза"),
    ("Фонд борьбы с коррупцией", "ФБК"),
    ("Минюст", "Министерство юстиции"),
    ("Sberbank", "Sber Bank"),
])
def test_same_organisation(left: str, right: str) -> None:
    assert compare(ent("Company", left), ent("Company", right)).score >= MATCH_THRESHOLD


@pytest.mark.parametrize(("left", "right"), [
    ("Gazprom", "Gazprom Neft"),
    ("Acme Holdings Ltd", "Acme Trading Ltd"),
    ("Fund 1 LP", "Fund 2 LP"),
])
def test_different_organisations(left: str, right: str) -> None:
    assert compare(ent("Company", left), ent("Company", right)).score < MATCH_THRESHOLD


def test_schemata_that_cannot_be_one_entity_score_zero() -> None:
    assert compare(ent("Person", "Meduza"), ent("Company", "Meduza")).score == 0.0
    assert compare(ent("Company", "Meduza"), ent("PublicBody", "Meduza")).score == 0.0
    organisation = compare(ent("Organization", "Meduza"), ent("Company", "Медуза"))
    assert organisation.score >= MATCH_THRESHOLD and organisation.schema == "Company"
    assert compare(ent("LegalEntity", "Alexander Ionov"), ent("Person", "Ионов Александр")).is_match


def test_birth_dates_decide_between_namesakes() -> None:
    a = ent("Person", "Sergei Ivanov", birthDate="1970-01-02")
    same = compare(a, ent("Person", "Sergey Ivanov", birthDate="1970-01-02"))
    other = compare(a, ent("Person", "Sergey Ivanov", birthDate="1981-03-04"))
    assert same.score > other.score
    assert other.score < MATCH_THRESHOLD and "birthDate differs" in other.reasons
    assert "birthDate agrees" in same.reasons


def test_identifiers_agree_and_differ() -> None:
    a = ent("Company", "Romashka", innCode="7707083893")
    agree = compare(a, ent("Company", "ООО Ромашка Плюс", innCode="7707083893"))
    assert agree.is_match and any(r.startswith("innCode agrees") for r in agree.reasons)
    differ = compare(a, ent("Company", "ООО Ромашка", innCode="7736050003"))
    assert not differ.is_match and "innCode differs" in differ.reasons


def test_countries_are_evidence() -> None:
    a = ent("Person", "Sergei Ivanov", country="ru")
    assert compare(a, ent("Person", "Sergey Ivanov", country="ru")).score > compare(
        a, ent("Person", "Sergey Ivanov", country="us")).score


@pytest.mark.parametrize(("left", "right"), [
    ("Александру Ионову", "Alexander Ionov"),
    ("A. Ionov", "Aleksandr Ionov"),
    ("Yevgeny Prigozhin", "Евгений Пригожин"),
    ("Ionov Alexander", "Alexander Ionov"),
    ("ООО «Ромашка»", "Romashka LLC"),
])
def test_blocking_keys_bring_variants_together(left: str, right: str) -> None:
    schema = "Company" if "Ромашка" in left else "Person"
    assert blocking_keys(ent(schema, left)) & blocking_keys(ent(schema, right))


def test_blocking_keys_do_not_pool_everyone_with_one_given_name() -> None:
    assert not blocking_keys(ent("Person", "Sergei Ivanov")) & blocking_keys(ent("Person", "Sergei Petrov"))
