"""The identity part of the store contract: judgements appended and soft-deleted in one transaction with
the canonical map, imported datasets replaced all or nothing (SQLite; PostgreSQL when configured)."""

from __future__ import annotations

import pytest

from casegraph.errors import StoreError
from casegraph.model import AUTO_ORIGIN, Judgement, JudgementKind, Statement
from casegraph.store import SqlStore
from tests.store.test_store_contract import store  # noqa: F401  (the backend fixture)


def imported(entity: str, value: str, line: int, dataset: str = "list") -> Statement:
    return Statement(entity, "Person", "name", value, None, None, None, f"import:{dataset}", dataset=dataset,
                     source_ref=f"list.json:{line}")


def test_judgements_are_appended_soft_deleted_and_keep_the_canonical_map_in_step(store: SqlStore) -> None:  # noqa: F811
    first = Judgement("b", "a", JudgementKind.POSITIVE, AUTO_ORIGIN, 0.9, ["same name"], created_at="2026-01-01")
    store.add_judgements([first], canonical={"a": "cgc-x", "b": "cgc-x"})
    assert store.canonical_map() == {"a": "cgc-x", "b": "cgc-x"}
    (held,) = store.list_judgements()
    assert (held.source, held.target, held.reasons, held.score) == ("a", "b", ["same name"], 0.9)
    no = Judgement("a", "b", JudgementKind.NEGATIVE, "review:alice", created_at="2026-01-02")
    store.add_judgements([no, no], retire=[first.id], at="2026-01-02", canonical={})
    assert store.canonical_map() == {}
    assert [j.id for j in store.list_judgements()] == [no.id]
    every = store.list_judgements(include_deleted=True)
    assert {j.id: j.deleted_at for j in every} == {first.id: "2026-01-02", no.id: None}


def test_a_failed_judgement_write_changes_nothing(store: SqlStore) -> None:  # noqa: F811
    good = Judgement("a", "b", JudgementKind.POSITIVE, AUTO_ORIGIN, 1.0, created_at="2026-01-01")
    store.add_judgements([good], canonical={"a": "cgc-x", "b": "cgc-x"})
    broken = Judgement("c", "d", JudgementKind.POSITIVE, AUTO_ORIGIN, 1.0, created_at="2026-01-01")
    broken.origin = None  # type: ignore[assignment]  # NOT NULL in the table
    with pytest.raises(StoreError):
        store.add_judgements([broken], retire=[good.id], at="2026-01-03", canonical={})
    assert [j.id for j in store.list_judgements()] == [good.id]
    assert store.canonical_map() == {"a": "cgc-x", "b": "cgc-x"}


def test_a_dataset_batch_replaces_its_entities_and_nothing_else(store: SqlStore) -> None:  # noqa: F811
    store.replace_dataset_entities("list", "list.json", [imported("p1", "Ivan Petrov", 1),
                                                          imported("p2", "Oleg Sidorov", 2)], [], "t1")
    store.replace_dataset_entities("other", "o.json", [imported("p1", "I. Petrov", 1, "other")], [], "t1")
    store.replace_dataset_entities("list", "list.json", [imported("p1", "Ivan PETROV", 1)], ["p2"], "t2")
    values = sorted((s.dataset, s.entity_id, s.value) for s in store.iter_statements())
    assert values == [("list", "p1", "Ivan PETROV"), ("other", "p1", "I. Petrov")]
    assert {d["name"]: d["entities"] for d in store.list_datasets()} == {"list": 1, "other": 1}
    assert all(s.source_ref == "list.json:1" for s in store.iter_statements() if s.dataset == "list")
