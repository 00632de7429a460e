"""Cross-reference: match a case's parties against a reference list of FtM entities.

Pure logic with no store behind it: the service (``services/xref.py``) hands in the case's canonical
parties and a reference, and gets back rows ``(case entity, reference entity, score, verdict,
reasons)``. A reference is anything that can propose candidates for an entity: a small file is
held in memory (every party is compared with every reference entity when that is cheap, through
blocking keys otherwise); a large one is an on-disk index (``resolve/index.py``) with the same
``candidates`` method, so memory stays bounded whatever the size of the list.

Reference files are FtM JSON lines (Aleph, OpenSanctions exports), a JSON array of entities, or
OpenSanctions delta lines ``{"op": "ADD"|"MOD"|"DEL", "entity": {...}}``. A line that is not an
entity is an :class:`InputError` naming it: a cross-reference against half a list would report
"no match" for parties that are on the other half.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from followthemoney import model
from followthemoney.exc import InvalidData
from followthemoney.proxy import EntityProxy

from casegraph.errors import InputError, UnreadableDocument
from casegraph.resolve.match import (
    CANDIDATE_THRESHOLD,
    Profile,
    common_schema,
    compare_profiles,
    is_matchable,
    profile,
    profile_keys,
)

# Compare every party with every reference entity when there are at most this many pairs.
EXHAUSTIVE_PAIRS = 50_000
# A blocking key shared by more reference entities than this says little; such keys only count
# when an entity has no rarer key.
MAX_POSTINGS = 2_000
# Candidates fully compared per party (the best by shared blocking keys).
MAX_CANDIDATES = 25
OPS = {"ADD", "MOD", "DEL"}


@dataclass
class XrefRow:
    entity: str
    candidate: str
    score: float
    match: bool
    reasons: list[str] = field(default_factory=list)
    entity_caption: str = ""
    candidate_caption: str = ""
    schema: str = ""
    candidate_line: int = 0

    def as_json(self) -> dict[str, Any]:
        return {"entity": self.entity, "candidate": self.candidate, "score": self.score,
                "match": self.match, "reasons": self.reasons}


class Reference(Protocol):
    def candidate_profiles(self, query: Profile) -> list[Profile]: ...

    def line_of(self, entity_id: str) -> int: ...

    def __len__(self) -> int: ...


def open_lines(path: Path) -> Iterator[tuple[int, str]]:
    if not path.is_file():
        raise InputError(f"{path}: no such reference file")
    try:
        with path.open(encoding="utf-8-sig") as fh:
            first = fh.read(1)
            while first and first.isspace():
                first = fh.read(1)
            fh.seek(0)
            if first == "[":
                try:
                    items = json.load(fh)
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path.name}: not a JSON array of entities "
                                     f"({exc.msg}, line {exc.lineno})") from None
                for number, item in enumerate(items, 1):
                    yield number, json.dumps(item)
                return
            for number, line in enumerate(fh, 1):
                if line.strip():
                    yield number, line
    except UnicodeDecodeError as exc:
        raise UnreadableDocument(f"{path.name} is not UTF-8 text: {exc.reason}") from None
    except OSError as exc:
        raise UnreadableDocument(f"cannot read {path.name}: {exc.strerror or exc}") from None


def parse_line(name: str, number: int, line: str) -> tuple[str, str, EntityProxy | None]:
    """One reference line as (op, entity id, entity); the entity is None for a DEL op."""
    where = f"{name}:{number}"
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not a JSON entity ({exc.msg})") from None
    if not isinstance(data, dict):
        raise InputError(f"{where}: not a JSON object")
    op = "ADD"
    if "op" in data and "entity" in data:
        op = str(data["op"]).upper()
        data = data["entity"]
        if op not in OPS or not isinstance(data, dict):
            why = f"unknown delta op {op!r}" if op not in OPS else "entity is not an object"
            raise InputError(f"{where}: {why}")
    entity_id = data.get("id")
    if not isinstance(entity_id, str) or not entity_id.strip():
        raise InputError(f"{where}: entity has no id")
    if op == "DEL":
        return op, entity_id, None
    schema = model.get(data.get("schema") or "")
    if schema is None:
        raise InputError(f"{where}: unknown FtM schema {data.get('schema')!r}")
    properties = data.get("properties") or {}
    if not isinstance(properties, dict):
        raise InputError(f"{where}: properties is not an object")
    for prop in properties:
        if schema.get(prop) is None:
            raise InputError(f"{where}: {schema.name} has no property {prop!r}")
    try:
        proxy = model.get_proxy({"id": entity_id, "schema": schema.name, "properties": properties},
                                cleaned=False)
    except (InvalidData, TypeError, ValueError) as exc:
        raise InputError(f"{where}: not a valid FtM entity ({exc})") from None
    return op, entity_id, proxy


def read_reference(path: Path) -> Iterator[tuple[int, str, str, EntityProxy | None]]:
    """Stream (line number, op, id, entity) from a reference file; raise on the first bad line."""
    for number, line in open_lines(path):
        op, entity_id, proxy = parse_line(path.name, number, line)
        yield number, op, entity_id, proxy


class MemoryReference:
    """A reference list held in memory, with its blocking keys, for files up to some 100k entities."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.entities: dict[str, EntityProxy] = {}
        self.lines: dict[str, int] = {}
        for number, _op, entity_id, proxy in read_reference(path):
            if proxy is None:
                self.entities.pop(entity_id, None)
                self.lines.pop(entity_id, None)
            elif is_matchable(proxy):
                self.entities[entity_id] = proxy
                self.lines[entity_id] = number
        self._blocks: dict[str, list[str]] | None = None
        self._profiles: dict[str, Profile] = {}
        self.exhaustive = False

    def __len__(self) -> int:
        return len(self.entities)

    def line_of(self, entity_id: str) -> int:
        return self.lines.get(entity_id, 0)

    def plan(self, parties: int) -> None:
        """Compare exhaustively when parties × reference is small enough; block otherwise."""
        self.exhaustive = parties * len(self.entities) <= EXHAUSTIVE_PAIRS

    def _index(self) -> dict[str, list[str]]:
        if self._blocks is None:
            blocks: dict[str, list[str]] = defaultdict(list)
            for entity_id in self.entities:
                for key in profile_keys(self._profile(entity_id)):
                    blocks[key].append(entity_id)
            self._blocks = dict(blocks)
        return self._blocks

    def _profile(self, entity_id: str) -> Profile:
        found = self._profiles.get(entity_id)
        if found is None:
            found = self._profiles[entity_id] = profile(self.entities[entity_id])
        return found

    def candidate_profiles(self, query: Profile) -> list[Profile]:
        schema = query.entity.schema
        if self.exhaustive:
            ids = [i for i, p in self.entities.items() if common_schema(schema, p.schema) is not None]
        else:
            blocks = self._index()
            postings = [blocks[key] for key in profile_keys(query) if key in blocks]
            ids = [i for i in rank_postings(postings) if common_schema(schema, self.entities[i].schema)]
        return [self._profile(i) for i in ids]


def rank_postings(postings: list[list[str]], limit: int = MAX_CANDIDATES) -> list[str]:
    """Ids that share the most (and rarest) blocking keys with the query, best first."""
    rare = [p for p in postings if len(p) <= MAX_POSTINGS]
    if not rare and postings:
        rare = [min(postings, key=len)[:MAX_POSTINGS]]
    weight: dict[str, float] = defaultdict(float)
    for posting in rare:
        share = 1.0 / (1.0 + len(posting)) ** 0.5
        for entity_id in posting:
            weight[entity_id] += share
    return sorted(weight, key=lambda i: (-weight[i], i))[:limit]


def xref(parties: Iterable[EntityProxy], reference: Reference, threshold: float,
         per_entity: int = 5) -> list[XrefRow]:
    """Candidates for each party, best first per party; parties with a match come first.

    Rows below the candidate threshold (or ``threshold``, when it is lower) are left out: they are
    noise to a reviewer, and their verdict would be "no match" anyway.
    """
    floor = min(CANDIDATE_THRESHOLD, threshold)
    grouped: list[list[XrefRow]] = []
    for party in parties:
        if not is_matchable(party) or party.id is None:
            continue
        rows = []
        query = profile(party)
        for candidate in reference.candidate_profiles(query):
            result = compare_profiles(query, candidate)
            entity = candidate.entity
            if result.score < floor or entity.id is None:
                continue
            rows.append(XrefRow(party.id, entity.id, result.score, result.score >= threshold,
                                result.reasons, party.caption, entity.caption, result.schema or "",
                                reference.line_of(entity.id)))
        rows.sort(key=lambda r: (-r.score, r.candidate))
        if rows:
            grouped.append(rows[:per_entity])
    grouped.sort(key=lambda rows: (-rows[0].score, rows[0].entity))
    return [row for rows in grouped for row in rows]
