"""Resolution use cases: automatic resolution after extraction, reviewer judgements (merge, split,
not-same), the candidate queue, and the canonical map they all keep current.

Mixed into :class:`casegraph.services.case.Case`. The pure cluster logic is ``resolve/resolver.py``;
scoring and blocking are the matcher's (``resolve/match.py``); here we decide *which* pairs to compare
and record what came out. Automatic judgements are the machine's current opinion: each run replaces
the previous run's (soft delete), while reviewer judgements are never touched and always win.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import combinations
from pathlib import Path

from followthemoney import ValueEntity

from casegraph.errors import InputError
from casegraph.model import AUTO_ORIGIN, Judgement, JudgementKind, Statement
from casegraph.resolve.importer import ImportReport
from casegraph.resolve.resolver import Clusters, candidates, cluster, in_force
from casegraph.services.entities import assemble
from casegraph.store import Store

MAX_BLOCK = 60  # a blocking key shared by more entities than this is too common to compare on
MAX_PAIRS = 2500  # negatives written by one split / not-same
# Interval facts (relations, payments, events, sanctions) agree when these agree wherever both have them.
COMPATIBLE_PROPS = ("role", "relationship", "date", "startDate", "endDate", "amount", "currency", "program")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


@dataclass
class Candidate:
    """A proposed merge for a reviewer: two canonical entities, the matcher's score and reasons."""

    left: str
    right: str
    left_caption: str
    right_caption: str
    schema: str
    score: float
    reasons: list[str] = field(default_factory=list)
    judgement_id: str = ""


@dataclass
class ResolutionReport:
    compared: int = 0
    merged: int = 0  # automatic positive edges in force after the run
    proposed: int = 0  # automatic unsure edges (candidates)
    intervals: int = 0  # interval facts joined across documents
    retired: int = 0


def reviewer_origin(reviewer: str) -> str:
    name = (reviewer or "").strip()
    if not name or any(ch.isspace() for ch in name):
        raise InputError("a judgement needs a reviewer name without spaces (--reviewer or CASEGRAPH_REVIEWER)")
    return f"review:{name}"


def _docs(statements: list[Statement]) -> frozenset[str]:
    return frozenset(s.document_id for s in statements if s.document_id)


def _compatible(a: ValueEntity, b: ValueEntity) -> bool:
    for prop in COMPATIBLE_PROPS:
        if not (a.schema.get(prop) and a.has(prop) and b.has(prop)):
            continue
        left = {v.strip().lower() for v in a.get(prop)}
        right = {v.strip().lower() for v in b.get(prop)}
        if a.schema.properties[prop].type.name == "date":
            if not any(x.startswith(y) or y.startswith(x) for x in left for y in right):
                return False
        elif not left & right:
            return False
    return True


def compare_parties(parties: dict[str, ValueEntity], docs: dict[str, frozenset[str]],
                    reviewed: set[tuple[str, str]], stamp: str, report: ResolutionReport
                    ) -> dict[tuple[str, str], Judgement]:
    """Automatic judgements between parties that share a blocking key. A small block is compared pair by
    pair; a block larger than MAX_BLOCK (a common surname, or one person named in many documents) by
    leaders: each member is compared with one member of each group found so far (at most MAX_BLOCK
    groups) and joins the first it matches, so the cost stays bounded by block size × MAX_BLOCK."""
    from casegraph.resolve.match import CANDIDATE_THRESHOLD, MATCH_THRESHOLD, blocking_keys, compare

    desired: dict[tuple[str, str], Judgement] = {}
    scored: dict[tuple[str, str], float] = {}

    def judge(a: str, b: str) -> float:
        pair = (a, b) if a < b else (b, a)
        if pair in scored:
            return scored[pair]
        if docs[a] & docs[b] or pair in reviewed:
            scored[pair] = 0.0  # one document's parties were already merged by extraction
            return 0.0
        match = compare(parties[pair[0]], parties[pair[1]])
        report.compared += 1
        scored[pair] = match.score
        kind = (JudgementKind.POSITIVE if match.score >= MATCH_THRESHOLD else
                JudgementKind.UNSURE if match.score >= CANDIDATE_THRESHOLD else None)
        if kind is not None:
            desired[pair] = Judgement(*pair, kind, AUTO_ORIGIN, round(match.score, 4), list(match.reasons),
                                      created_at=stamp)
        return match.score

    blocks: dict[str, list[str]] = defaultdict(list)
    for eid in sorted(parties):
        for key in blocking_keys(parties[eid]):
            blocks[key].append(eid)
    for _key, members in sorted(blocks.items()):
        if len(members) <= MAX_BLOCK:
            for a, b in combinations(members, 2):
                judge(a, b)
            continue
        leaders: list[str] = []
        for eid in members:
            if not any(judge(eid, leader) >= MATCH_THRESHOLD for leader in leaders):
                if len(leaders) < MAX_BLOCK:
                    leaders.append(eid)
    return desired


class ResolutionMixin:
    """Identity for a case; expects ``self.store``."""

    store: Store

    # -- the read model ------------------------------------------------------------------------
    def _clusters(self) -> Clusters:
        return cluster((), self.store.list_judgements(), self.store.entity_documents())

    def _record(self, new: list[Judgement], retire: Iterable[str] = ()) -> Clusters:
        retired = set(retire)
        kept = [j for j in self.store.list_judgements() if j.id not in retired]
        clusters = cluster((), [*kept, *new], self.store.entity_documents())
        self.store.add_judgements(new, retired, at=now(), canonical=clusters.merged())
        return clusters

    # -- automatic resolution ------------------------------------------------------------------
    def resolve(self) -> ResolutionReport:
        """Compare the case's extracted parties across documents (blocked, so sub-quadratic), join
        interval facts that state the same thing in several documents, and record the outcome as
        automatic judgements. Pairs a reviewer judged are never compared."""
        report = ResolutionReport()
        grouped: dict[str, list[Statement]] = defaultdict(list)
        for st in self.store.iter_statements():
            grouped[st.entity_id].append(st)
        docs = {eid: _docs(sts) for eid, sts in grouped.items()}
        proxies = assemble(st for eid, sts in grouped.items() if docs[eid] for st in sts)
        existing = self.store.list_judgements()
        decided = in_force(existing)
        reviewed = {pair for pair, j in decided.items() if j.by_reviewer}
        stamp = now()
        parties = {eid: p for eid, p in proxies.items() if p.schema.is_a("LegalEntity")}
        if len({d for eid in parties for d in docs[eid]}) < 2:
            parties = {}  # one document: nothing to compare (and no name analysis to load)
        desired = compare_parties(parties, docs, reviewed, stamp, report)

        party_clusters = cluster((), [*(j for j in existing if j.by_reviewer), *desired.values()], docs)
        for j in self._interval_edges(proxies, docs, party_clusters, stamp):
            if j.pair not in reviewed:
                desired.setdefault(j.pair, j)
                report.intervals += 1

        retire: list[str] = []
        held: set[tuple[str, str]] = set()  # pairs whose standing automatic judgement is still the machine's view
        for j in existing:
            if j.by_reviewer:
                continue
            want = desired.get(j.pair)
            if want is None or j.pair in held or want.judgement != j.judgement \
                    or abs((want.score or 0) - (j.score or 0)) > 1e-6:
                retire.append(j.id)
            else:
                held.add(j.pair)
        new = [want for pair, want in desired.items() if pair not in held]
        self._record(new, retire)
        report.retired = len(retire)
        report.merged = sum(1 for j in desired.values() if j.judgement == JudgementKind.POSITIVE)
        report.proposed = sum(1 for j in desired.values() if j.judgement == JudgementKind.UNSURE)
        return report

    @staticmethod
    def _interval_edges(proxies: dict[str, ValueEntity], docs: dict[str, frozenset[str]], clusters: Clusters,
                        stamp: str) -> list[Judgement]:
        """Relations, payments, events and sanctions of one schema between the same canonical parties,
        from different documents and with compatible role/date/amount, are one fact with several sources."""
        groups: dict[tuple[str, tuple[tuple[str, str], ...]], list[str]] = defaultdict(list)
        for eid, proxy in sorted(proxies.items()):
            if not proxy.schema.is_a("Interval"):
                continue
            ends = tuple(sorted((prop.name, clusters.of(value)) for prop, value in proxy.itervalues()
                                if prop.type.name == "entity"))
            if ends:
                groups[(proxy.schema.name, ends)].append(eid)
        edges: list[Judgement] = []
        for (schema, _ends), members in groups.items():
            piles: list[list[str]] = []
            for eid in members:
                for pile in piles:
                    if all(not docs[eid] & docs[o] and _compatible(proxies[eid], proxies[o]) for o in pile):
                        pile.append(eid)
                        break
                else:
                    piles.append([eid])
            for pile in piles:
                for other in pile[1:]:
                    edges.append(Judgement(pile[0], other, JudgementKind.POSITIVE, AUTO_ORIGIN, 1.0,
                                           [f"same {schema} between the same parties",
                                            "compatible role, dates and amounts"], created_at=stamp))
        return edges

    # -- reviewer judgements -------------------------------------------------------------------
    def merge(self, a: str, b: str, reviewer: str) -> str:
        """Record that A and B are one entity; returns the canonical id. A reviewer's merge overrides
        earlier negatives between the two clusters (newest reviewer judgement per pair is in force)."""
        origin = reviewer_origin(reviewer)
        clusters = self._clusters()
        ca, cb = self._canonical_arg(a, clusters), self._canonical_arg(b, clusters)
        if ca == cb:
            raise InputError(f"{a!r} and {b!r} are already one entity ({ca})")
        left, right = clusters.referents(ca), clusters.referents(cb)
        self._check_schemata(ca, cb)
        stamp = now()
        new = [Judgement(left[0], right[0], JudgementKind.POSITIVE, origin, 1.0, ["merged by a reviewer"],
                         created_at=stamp)]
        crossing = set(left) | set(right)
        for pair, j in in_force(self.store.list_judgements()).items():
            if j.judgement == JudgementKind.NEGATIVE and set(pair) <= crossing \
                    and (pair[0] in left) != (pair[1] in left) and pair != new[0].pair:
                new.append(Judgement(*pair, JudgementKind.POSITIVE, origin, 1.0, ["merged by a reviewer"],
                                     created_at=stamp))
        return self._record(new).of(left[0])

    def _check_schemata(self, a: str, b: str) -> None:
        """A reviewer may merge an Organization into a Company or PublicBody, never a Person into one."""
        from followthemoney import model
        from followthemoney.exc import InvalidData

        entities = {e.id: e for e in self.entities()}  # type: ignore[attr-defined]
        ea, eb = entities.get(a), entities.get(b)
        if ea is None or eb is None:
            return
        try:
            model.common_schema(ea.schema, eb.schema)
        except InvalidData:
            raise InputError(f"{ea.caption!r} is a {ea.schema.name} and {eb.caption!r} a {eb.schema.name}: "
                             "they cannot be one entity") from None

    def not_same(self, a: str, b: str, reviewer: str) -> list[Judgement]:
        """Record that A and B are different entities; they stay apart whatever the machine thinks."""
        origin = reviewer_origin(reviewer)
        clusters = self._clusters()
        left, right = self._members_arg(a, clusters), self._members_arg(b, clusters)
        if set(left) & set(right):
            raise InputError(f"{a!r} and {b!r} name the same entity; give member ids (casegraph show lists them)")
        return self._negatives([(x, y) for x in left for y in right], origin, "not the same (reviewer)")

    def split(self, entity: str, reviewer: str) -> list[str]:
        """Undo a merge. A member id is taken out of its cluster; a canonical id (or a name) is broken
        into its members. Recorded as reviewer negatives, so the machine never joins them again."""
        origin = reviewer_origin(reviewer)
        clusters = self._clusters()
        if entity in clusters.canonical and clusters.of(entity) != entity:
            member = entity
            others = [m for m in clusters.referents(clusters.of(member)) if m != member]
            self._negatives([(member, o) for o in others], origin, "split by a reviewer")
            return [member]
        canonical = self._canonical_arg(entity, clusters)
        members = clusters.referents(canonical)
        if len(members) < 2:
            raise InputError(f"{entity!r} is not merged with anything; nothing to split")
        self._negatives(list(combinations(members, 2)), origin, "split by a reviewer")
        return members

    def _negatives(self, pairs: list[tuple[str, str]], origin: str, reason: str) -> list[Judgement]:
        if len(pairs) > MAX_PAIRS:
            raise InputError(f"that would record {len(pairs)} judgements; split the cluster member by member")
        stamp = now()
        new = [Judgement(x, y, JudgementKind.NEGATIVE, origin, None, [reason], created_at=stamp) for x, y in pairs]
        self._record(new)
        return new

    def _canonical_arg(self, name_or_id: str, clusters: Clusters) -> str:
        if name_or_id in clusters.canonical:
            return clusters.of(name_or_id)
        found: str = self.find_entity_id(name_or_id)  # type: ignore[attr-defined]
        return found

    def _members_arg(self, name_or_id: str, clusters: Clusters) -> list[str]:
        if name_or_id in clusters.canonical and clusters.of(name_or_id) != name_or_id:
            return [name_or_id]  # a member id: just that member
        return clusters.referents(self._canonical_arg(name_or_id, clusters))

    # -- imported datasets ---------------------------------------------------------------------
    def import_entities(self, path: Path | str, dataset: str) -> ImportReport:
        """Import FtM entities as statements of ``dataset`` (one transaction: all or nothing). The
        entities keep their ids; re-importing a file replaces that dataset's statements about them."""
        from casegraph.resolve.importer import parse_file

        source = Path(path)
        if not source.is_file():
            raise InputError(f"{source}: no such file")
        parsed = parse_file(source, dataset)
        self.store.replace_dataset_entities(dataset, str(source), parsed.statements, parsed.deleted, now())
        self._record([])  # judgements may name imported ids: keep the canonical map current
        return parsed.report

    # -- the review queue ----------------------------------------------------------------------
    def candidates(self, limit: int | None = None) -> list[Candidate]:
        """Proposed merges, best score first, with the matcher's reasons."""
        judgements = self.store.list_judgements()
        clusters = cluster((), judgements, self.store.entity_documents())
        queue = candidates(clusters, judgements)[:limit]
        if not queue:
            return []
        entities = {e.id: e for e in self.entities()}  # type: ignore[attr-defined]
        out = []
        for j in queue:
            left, right = clusters.of(j.source), clusters.of(j.target)
            le, re_ = entities.get(left), entities.get(right)
            if le is None or re_ is None:
                continue  # an entity whose facts were all rejected or re-extracted away
            out.append(Candidate(left, right, le.caption, re_.caption, le.schema.name, j.score or 0.0,
                                 list(j.reasons), j.id))
        return out

    def referents(self, canonical_id: str) -> list[str]:
        """The entity ids merged into ``canonical_id`` (itself alone when unmerged)."""
        canonical = self.store.canonical_map()
        members = sorted(e for e, c in canonical.items() if c == canonical_id)
        return members or [canonical_id]

    def canonical_id(self, entity_id: str) -> str:
        return self.store.canonical_map().get(entity_id, entity_id)


__all__ = ["Candidate", "ResolutionMixin", "ResolutionReport"]
