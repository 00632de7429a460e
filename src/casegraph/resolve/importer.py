"""Read FtM entities from a file into statements of a named dataset.

Accepts what Aleph and OpenSanctions export: one JSON entity per line (``.ijson``/``.ftm.json``), a
JSON array of entities, and OpenSanctions delta lines ``{"op": "ADD"|"MOD"|"DEL", "entity": {...}}``
(a later line about an id replaces an earlier one; DEL removes the entity from the dataset). Entity
ids are kept, so references between entities (a Sanction's ``entity``, a Payment's ``payer``) still
hold. Every value becomes a :class:`Statement` with ``dataset`` and ``source_ref`` ("file.json:12")
instead of a document span.

A line that is not a JSON entity is reported with its number and skipped; an unknown schema or
property is an :class:`InputError` that stops the batch (the file is from another model version or not
FtM at all, and importing half of it would mislead).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from followthemoney import model

from casegraph.errors import InputError, UnreadableDocument
from casegraph.model import Statement

DATASET_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,127}$")
OPS = {"ADD", "MOD", "DEL"}


@dataclass
class ImportReport:
    dataset: str
    path: str
    entities: int = 0  # entities written by this batch
    statements: int = 0
    deleted: int = 0  # DEL ops applied
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (line number, why)
    schemata: dict[str, int] = field(default_factory=dict)


@dataclass
class ParsedImport:
    statements: list[Statement]
    deleted: set[str]
    report: ImportReport


def check_dataset(name: str) -> str:
    if not DATASET_NAME.match(name or ""):
        raise InputError(f"dataset name {name!r}: use letters, digits, '_', '-' or '.' (up to 128)")
    return name


def _records(path: Path) -> list[tuple[int, str]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableDocument(f"{path.name} is not UTF-8 text: {exc.reason}") from None
    except OSError as exc:
        raise UnreadableDocument(f"cannot read {path.name}: {exc.strerror or exc}") from None
    stripped = text.lstrip()
    if stripped.startswith("["):  # one JSON array of entities
        try:
            items = json.loads(stripped)
        except (ValueError, RecursionError) as exc:  # found by bench/fuzz_readers.py (H2)
            raise InputError(f"{path.name}: not a JSON array of entities ({_json_reason(exc)})") from None
        return [(i + 1, json.dumps(item)) for i, item in enumerate(items)]
    return [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]


def _json_reason(exc: Exception) -> str:
    """Why a JSON text did not parse, in one line: a syntax error, nesting deeper than the parser's
    recursion limit, or an integer longer than Python converts (4,300 digits)."""
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg}, line {exc.lineno}"
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return " ".join(str(exc).split(";")[0].split())[:120]


def _values(raw: Any) -> list[str]:
    if raw is None:
        return []
    items = raw if isinstance(raw, list) else [raw]
    return [str(v).strip() for v in items if isinstance(v, (str, int, float)) and str(v).strip()]


def parse_file(path: Path, dataset: str) -> ParsedImport:
    check_dataset(dataset)
    report = ImportReport(dataset, str(path))
    bodies: dict[str, tuple[int, str, dict[str, list[str]]]] = {}
    deleted: set[str] = set()
    for lineno, line in _records(path):
        try:
            data = json.loads(line)
        except (ValueError, RecursionError) as exc:  # found by bench/fuzz_readers.py (H2)
            report.skipped.append((lineno, f"not JSON ({_json_reason(exc)})"))
            continue
        if not isinstance(data, dict):
            report.skipped.append((lineno, "not a JSON object"))
            continue
        op = None
        if "op" in data and "entity" in data:
            op = str(data["op"]).upper()
            data = data["entity"]
            if op not in OPS or not isinstance(data, dict):
                why = f"unknown delta op {op!r}" if op not in OPS else "entity is not an object"
                report.skipped.append((lineno, why))
                continue
        entity_id = data.get("id")
        if not isinstance(entity_id, str) or not entity_id.strip():
            report.skipped.append((lineno, "entity has no id"))
            continue
        if op == "DEL":
            bodies.pop(entity_id, None)
            deleted.add(entity_id)
            continue
        schema_name = data.get("schema")
        if not isinstance(schema_name, str) or not schema_name:
            report.skipped.append((lineno, "entity has no schema"))
            continue
        schema = model.get(schema_name)
        if schema is None:
            raise InputError(f"{path.name}:{lineno}: unknown FtM schema {schema_name!r}; nothing was imported")
        properties = data.get("properties") or {}
        if not isinstance(properties, dict):
            report.skipped.append((lineno, "properties is not an object"))
            continue
        props: dict[str, list[str]] = {}
        for prop_name, raw in properties.items():
            if schema.get(prop_name) is None:
                raise InputError(f"{path.name}:{lineno}: {schema_name} has no property {prop_name!r}; "
                                 "nothing was imported")
            values = _values(raw)
            if values:
                props[prop_name] = values
        bodies[entity_id] = (lineno, schema.name, props)
        deleted.discard(entity_id)
    statements = []
    origin = f"import:{dataset}"
    for entity_id, (lineno, schema_name, props) in bodies.items():
        ref = f"{path.name}:{lineno}"
        report.schemata[schema_name] = report.schemata.get(schema_name, 0) + 1
        for prop_name, values in props.items():
            for value in values:
                statements.append(Statement(entity_id, schema_name, prop_name, value, None, None, None, origin,
                                            1.0, dataset=dataset, source_ref=ref))
        if not props:  # an entity with no properties is still there: keep its id and schema
            statements.append(Statement(entity_id, schema_name, "id", entity_id, None, None, None, origin, 1.0,
                                        dataset=dataset, source_ref=ref))
    report.entities = len(bodies)
    report.statements = len(statements)
    report.deleted = len(deleted)
    return ParsedImport(statements, deleted, report)
