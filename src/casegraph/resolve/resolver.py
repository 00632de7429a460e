"""From judgements to clusters: the pure logic of identity, with no store behind it.

Rules (nomenklatura's resolver, made deterministic):

- per unordered pair, the judgement *in force* is the newest reviewer judgement, else the newest
  automatic one (a reviewer always beats the machine; soft-deleted edges count for nothing);
- positive is transitive: clusters are the connected components of the positive pairs;
- negative wins: positives are applied one by one (reviewer edges first, newest first; then automatic
  edges, best score first) and one that would put two negatively-judged ids into one cluster is skipped;
- one document's parties stay apart unless a reviewer joins them: extraction already merged what one
  text says about one party, so two entities of one document (two people who share a surname) are two;
  an automatic edge that would put them into one cluster, even through a third, is skipped;
- a merged cluster's canonical id is a hash of its smallest member id under its own prefix, so the same
  cluster gets the same id on every recomputation; an unmerged entity is its own canonical id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from casegraph.model.ids import make_id
from casegraph.model.judgement import Judgement, JudgementKind

CANONICAL_PREFIX = "cgc"


def canonical_for(members: Iterable[str]) -> str:
    ids = sorted(set(members))
    if len(ids) == 1:
        return ids[0]
    return make_id(CANONICAL_PREFIX, ids[0])


def in_force(judgements: Iterable[Judgement]) -> dict[tuple[str, str], Judgement]:
    """The judgement that decides each pair now."""
    best: dict[tuple[str, str], Judgement] = {}
    for j in judgements:
        if j.deleted_at is not None:
            continue
        held = best.get(j.pair)
        if held is None or (j.by_reviewer, j.created_at, j.id) > (held.by_reviewer, held.created_at, held.id):
            best[j.pair] = j
    return best


@dataclass
class Clusters:
    """The read model: each id's canonical id and each canonical id's members."""

    canonical: dict[str, str] = field(default_factory=dict)
    members: dict[str, list[str]] = field(default_factory=dict)
    skipped: list[Judgement] = field(default_factory=list)  # positives a negative overruled

    def of(self, entity_id: str) -> str:
        return self.canonical.get(entity_id, entity_id)

    def referents(self, canonical_id: str) -> list[str]:
        return self.members.get(canonical_id, [canonical_id])

    def merged(self) -> dict[str, str]:
        """Only the ids whose canonical id differs from their own (what the store caches)."""
        return {e: c for e, c in self.canonical.items() if e != c}


class _Forest:
    """Union-find that keeps each root's member set, to test negatives before a union."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.members: dict[str, set[str]] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        self.members.setdefault(x, {x})
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra] |= self.members.pop(rb)


def _order(j: Judgement) -> tuple[int, float, str, str]:
    # reviewer edges first, newest first; then automatic ones, best score first (then newest)
    if j.by_reviewer:
        return (0, 0.0, _neg(j.created_at), j.id)
    return (1, -(j.score or 0.0), _neg(j.created_at), j.id)


def _neg(stamp: str) -> str:
    """A key that sorts ISO timestamps newest first."""
    return "".join(chr(0x10FFFF - ord(ch)) for ch in stamp)


def cluster(entity_ids: Iterable[str], judgements: Iterable[Judgement],
            documents: Mapping[str, Iterable[str]] | None = None) -> Clusters:
    """``documents`` maps an entity id to the documents its facts come from (per-document entities)."""
    forest = _Forest()
    docs: dict[str, set[str]] = {}
    for eid in entity_ids:
        forest.find(eid)
    decided = in_force(judgements)
    negatives: dict[str, set[str]] = {}
    positives = []
    for (a, b), j in decided.items():
        forest.find(a)
        forest.find(b)
        if j.judgement == JudgementKind.NEGATIVE:
            negatives.setdefault(a, set()).add(b)
            negatives.setdefault(b, set()).add(a)
        elif j.judgement == JudgementKind.POSITIVE:
            positives.append(j)
    result = Clusters()
    for j in sorted(positives, key=_order):
        ra, rb = forest.find(j.source), forest.find(j.target)
        if ra == rb:
            continue
        small, big = sorted((forest.members[ra], forest.members[rb]), key=len)
        if any(negatives.get(m, set()) & big for m in small):
            result.skipped.append(j)
            continue
        if documents is not None:
            da, db = (docs.setdefault(r, _docs_of(forest.members[r], documents)) for r in (ra, rb))
            if not j.by_reviewer and da & db:
                result.skipped.append(j)
                continue
        forest.union(ra, rb)
        if documents is not None:
            root = forest.find(ra)
            docs[root] = docs.pop(ra, set()) | docs.pop(rb, set())
    for root in list(forest.members):
        if forest.find(root) != root:
            continue
        group = sorted(forest.members[root])
        canonical = canonical_for(group)
        result.members[canonical] = group
        for member in group:
            result.canonical[member] = canonical
    return result


def _docs_of(members: Iterable[str], documents: Mapping[str, Iterable[str]]) -> set[str]:
    return {d for m in members for d in documents.get(m, ())}


def candidates(clusters: Clusters, judgements: Iterable[Judgement]) -> list[Judgement]:
    """Proposed merges for a reviewer: unsure edges in force between two clusters that no negative
    separates, the best one per pair of clusters, best score first."""
    decided = in_force(judgements)
    negative_pairs = set()
    for (a, b), j in decided.items():
        if j.judgement == JudgementKind.NEGATIVE:
            negative_pairs.add(tuple(sorted((clusters.of(a), clusters.of(b)))))
    best: dict[tuple[str, ...], Judgement] = {}
    for j in decided.values():
        if j.judgement != JudgementKind.UNSURE:
            continue
        key = tuple(sorted((clusters.of(j.source), clusters.of(j.target))))
        if key[0] == key[1] or key in negative_pairs:
            continue
        held = best.get(key)
        if held is None or (j.score or 0.0) > (held.score or 0.0):
            best[key] = j
    return sorted(best.values(), key=lambda j: (-(j.score or 0.0), j.source, j.target))
