"""FtM JSON lines (one entity per line), the format Aleph and ``ftm validate`` read.

FtM refuses an entity that lacks a required property (a Payment without payer or beneficiary, a
relation whose one side a reviewer rejected). Such an entity cannot go into the lines, but an export
never drops a fact silently: :func:`ftm_export` returns what it left out, and why, so the presenter can
say so and write them next to the export (``Skipped.to_dict``).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from followthemoney.proxy import EntityProxy


@dataclass
class Skipped:
    """An entity FtM would refuse, with the required properties it lacks."""

    entity: EntityProxy
    missing: list[str]

    @property
    def reason(self) -> str:
        return f"{self.entity.schema.name} lacks {', '.join(self.missing)} (FtM requires it)"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.entity.id, "schema": self.entity.schema.name, "missing": self.missing,
                "reason": self.reason, "properties": self.entity.properties}


@dataclass
class FtmExport:
    lines: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def summary(self) -> str:
        """One line: how many entities were left out, grouped by reason."""
        reasons = Counter(s.reason for s in self.skipped)
        grouped = "; ".join(f"{n} × {reason}" for reason, n in reasons.most_common())
        return f"{len(self.skipped)} of {len(self.lines) + len(self.skipped)} entities not exported: {grouped}"


def ftm_export(entities: Iterable[EntityProxy]) -> FtmExport:
    result = FtmExport()
    for entity in entities:
        missing = [prop for prop in entity.schema.required if not entity.has(prop)]
        if missing:
            result.skipped.append(Skipped(entity, sorted(missing)))
        else:
            result.lines.append(json.dumps(entity.to_dict(), ensure_ascii=False, sort_keys=True))
    return result


def ftm_lines(entities: Iterable[EntityProxy]) -> list[str]:
    """Only the lines FtM accepts (callers that must report the rest use :func:`ftm_export`)."""
    return ftm_export(entities).lines
