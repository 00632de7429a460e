"""The pure cluster logic: judgements in, canonical ids out (no store)."""

from __future__ import annotations

import pytest

from casegraph.model import AUTO_ORIGIN, Judgement, JudgementKind
from casegraph.resolve.resolver import CANONICAL_PREFIX, candidates, canonical_for, cluster, in_force

POS, NEG, UNSURE = JudgementKind.POSITIVE, JudgementKind.NEGATIVE, JudgementKind.UNSURE


def j(a: str, b: str, kind: JudgementKind, origin: str = "review:alice", at: str = "2026-01-01T00:00:00",
      score: float | None = None) -> Judgement:
    return Judgement(a, b, kind, origin, score, created_at=at)


def test_positive_is_transitive_and_the_canonical_id_is_stable() -> None:
    clusters = cluster(["a", "b", "c", "d"], [j("a", "b", POS), j("b", "c", POS)])
    assert clusters.of("a") == clusters.of("c") != clusters.of("d") == "d"
    assert clusters.referents(clusters.of("a")) == ["a", "b", "c"]
    assert clusters.of("a").startswith(CANONICAL_PREFIX + "-")
    again = cluster(["d", "c"], [j("c", "b", POS, at="2026-02-01"), j("a", "b", POS, AUTO_ORIGIN, score=0.9)])
    assert again.of("b") == clusters.of("b") == canonical_for(["c", "b", "a"])


def test_negative_wins_over_a_chain_of_positives() -> None:
    # a~b and b~c would join a and c, but a reviewer said a is not c: b joins one of them, never both
    judgements = [j("a", "b", POS, AUTO_ORIGIN, score=0.9), j("b", "c", POS, AUTO_ORIGIN, score=0.95),
                  j("a", "c", NEG)]
    clusters = cluster([], judgements)
    assert clusters.of("a") != clusters.of("c")
    assert clusters.of("b") == clusters.of("c")  # the better automatic edge is applied first
    assert [s.pair for s in clusters.skipped] == [("a", "b")]


def test_reviewer_edges_are_applied_before_automatic_ones() -> None:
    judgements = [j("a", "b", POS, AUTO_ORIGIN, score=0.99), j("b", "c", POS), j("a", "c", NEG)]
    clusters = cluster([], judgements)
    assert clusters.of("b") == clusters.of("c") != clusters.of("a")


def test_a_reviewer_beats_the_machine_on_the_same_pair_and_newest_reviewer_wins() -> None:
    machine = j("a", "b", POS, AUTO_ORIGIN, at="2026-03-01", score=1.0)
    no = j("a", "b", NEG, at="2026-01-01")
    assert in_force([machine, no])[("a", "b")] is no
    assert cluster([], [machine, no]).of("a") == "a"
    yes_again = j("b", "a", POS, "review:bob", at="2026-02-01")
    assert cluster([], [machine, no, yes_again]).of("a") == cluster([], [yes_again]).of("b")


def test_soft_deleted_judgements_count_for_nothing() -> None:
    gone = j("a", "b", POS)
    gone.deleted_at = "2026-05-01"
    assert cluster(["a", "b"], [gone]).of("a") == "a"


def test_candidates_are_unsure_edges_between_clusters_best_first() -> None:
    judgements = [j("a", "b", POS), j("a", "c", UNSURE, AUTO_ORIGIN, score=0.6),
                  j("b", "c", UNSURE, AUTO_ORIGIN, score=0.7), j("d", "e", UNSURE, AUTO_ORIGIN, score=0.65),
                  j("f", "g", UNSURE, AUTO_ORIGIN, score=0.9), j("f", "g", NEG)]
    clusters = cluster([], judgements)
    queue = candidates(clusters, judgements)
    assert [(q.pair, q.score) for q in queue] == [(("b", "c"), 0.7), (("d", "e"), 0.65)]


def test_a_judgement_needs_two_entities_and_a_known_origin() -> None:
    with pytest.raises(ValueError):
        Judgement("a", "a", POS, "review:alice")
    with pytest.raises(ValueError):
        Judgement("a", "b", POS, "someone")
    assert Judgement("b", "a", POS, AUTO_ORIGIN).pair == ("a", "b")
