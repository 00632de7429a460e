"""The xref use case: the case's parties against a reference list, and accepting the matches.

Presenters (``casegraph xref``, later the web) call :func:`cross_reference` and :func:`accept`; the
matching itself is pure (``resolve/xref.py``, ``resolve/match.py``). Accepting a match is two
ordinary identity operations, so it follows the identity rules with nothing special: the matched
reference entities are imported as a dataset (their facts keep the reference file's name and line
as their source) and each match becomes a reviewer's merge judgement.
"""

from __future__ import annotations

import json
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from followthemoney.proxy import EntityProxy

from casegraph.errors import InputError
from casegraph.resolve.match import XREF_THRESHOLD, is_matchable
from casegraph.resolve.xref import MemoryReference, Reference, XrefRow, read_reference, xref

if TYPE_CHECKING:
    from casegraph.services.case import Case

# References larger than this go through an on-disk index (resolve/index.py), not memory.
LARGE_REFERENCE_BYTES = 64 * 1024 * 1024


@dataclass
class AcceptReport:
    dataset: str
    imported: int = 0
    merged: list[tuple[str, str, str]] = field(default_factory=list)  # (case entity, reference, canonical)
    already: int = 0


def check_threshold(threshold: float) -> float:
    if not 0.0 < threshold <= 1.0:
        raise InputError(f"threshold {threshold}: give a number above 0 and at most 1")
    return threshold


def open_reference(path: Path, index: Path | None = None) -> Reference:
    """The reference as a candidate source: in memory when small, an on-disk index when large
    or when ``index`` names one (built there on first use, reused while the file is unchanged)."""
    if not path.is_file():
        raise InputError(f"{path}: no such reference file")
    if index is not None or path.stat().st_size > LARGE_REFERENCE_BYTES:
        from casegraph.resolve.index import ReferenceIndex

        return ReferenceIndex.for_file(path, index)
    return MemoryReference(path)


def case_parties(case: Case) -> list[EntityProxy]:
    """The case's canonical parties (extracted and imported), the only entities worth matching."""
    return [e for e in case.entities() if is_matchable(e)]


def cross_reference(case: Case, path: Path, threshold: float = XREF_THRESHOLD,
                    index: Path | None = None) -> list[XrefRow]:
    check_threshold(threshold)
    reference = open_reference(path, index)
    try:
        parties = case_parties(case)
        plan = getattr(reference, "plan", None)
        if plan is not None:
            plan(len(parties))
        return xref(parties, reference, threshold)
    finally:
        close = getattr(reference, "close", None)
        if close is not None:
            close()


def default_dataset(path: Path) -> str:
    name = re.sub(r"[^A-Za-z0-9_.\-]+", "-", path.stem).strip("-.") or "reference"
    return name[:128]


def _entity_refs(proxy: EntityProxy) -> set[str]:
    return {v for prop, v in proxy.itervalues() if prop.type.name == "entity"}


def _subset_file(path: Path, wanted: set[str], folder: Path) -> Path:
    """A copy of the reference holding only the matched entities and the ones that point at them
    (their sanctions, ownerships, directorships), every other line left blank.

    Blank lines keep each entity on its original line number, so an imported fact's source reads
    "reference.json:1234" and can be found in the file the user has.
    """
    kept: dict[str, tuple[int, str]] = {}  # entity id -> (line number, entity), the last line wins
    for number, _op, entity_id, proxy in read_reference(path):
        if proxy is None:
            kept.pop(entity_id, None)
        elif entity_id in wanted or (_entity_refs(proxy) & wanted and not is_matchable(proxy)):
            kept[entity_id] = (number, json.dumps({"id": entity_id, "schema": proxy.schema.name,
                                                   "properties": proxy.properties}, ensure_ascii=False))
    keep = dict(kept.values())
    target = folder / path.name
    last = max(keep, default=0)
    with target.open("w", encoding="utf-8") as fh:
        for number in range(1, last + 1):
            fh.write(keep.get(number, ""))
            fh.write("\n")
    return target


def accept(case: Case, path: Path, rows: list[XrefRow], reviewer: str,
           dataset: str | None = None) -> AcceptReport:
    """Turn the matches into merge judgements by ``reviewer``: import the matched reference entities
    as ``dataset`` and merge each with its case entity (best match per case entity only)."""
    if not reviewer or not reviewer.strip():
        raise InputError("accepting matches records merge judgements: give --reviewer")
    report = AcceptReport(dataset or default_dataset(path))
    best: dict[str, XrefRow] = {}
    for row in rows:
        if row.match and row.entity != row.candidate and row.entity not in best:
            best[row.entity] = row
    if not best:
        return report
    wanted = {row.candidate for row in best.values()}
    with tempfile.TemporaryDirectory(prefix="casegraph-xref-") as folder:
        subset = _subset_file(path, wanted, Path(folder))
        imported = case.import_entities(subset, report.dataset)
    report.imported = imported.entities
    for row in best.values():
        left, right = case.canonical_id(row.entity), case.canonical_id(row.candidate)
        if left == right:
            report.already += 1
            continue
        canonical = case.merge(left, right, reviewer)
        report.merged.append((row.entity, row.candidate, canonical))
    return report
