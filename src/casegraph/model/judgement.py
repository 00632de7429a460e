"""Judgements: audited edges between two entity ids, as nomenklatura's resolver keeps them.

A judgement says two entities are the same (``positive``), are not (``negative``) or might be
(``unsure``: a candidate for a reviewer). Judgements are appended and soft-deleted, never
overwritten, so who decided what and when stays on record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from casegraph.model.ids import make_id

AUTO_ORIGIN = "resolve:auto"
REVIEW_PREFIX = "review:"


class JudgementKind(StrEnum):
    POSITIVE = "positive"
    NEGATIVE = "negative"
    UNSURE = "unsure"


@dataclass
class Judgement:
    """One edge. ``source``/``target`` are stored in sorted order (the pair is unordered)."""

    source: str
    target: str
    judgement: JudgementKind
    origin: str  # "resolve:auto" or "review:<name>"
    score: float | None = None
    reasons: list[str] = field(default_factory=list)
    created_at: str = ""
    deleted_at: str | None = None
    id: str = ""

    def __post_init__(self) -> None:
        if self.source == self.target:
            raise ValueError("a judgement needs two different entities")
        if self.origin != AUTO_ORIGIN and not self.origin.startswith(REVIEW_PREFIX):
            raise ValueError(f"a judgement comes from {AUTO_ORIGIN!r} or a named reviewer, not {self.origin!r}")
        self.judgement = JudgementKind(self.judgement)
        self.source, self.target = sorted((self.source, self.target))
        if not self.id:
            self.id = make_id("jd", self.source, self.target, self.judgement, self.origin, self.created_at)

    @property
    def pair(self) -> tuple[str, str]:
        return self.source, self.target

    @property
    def by_reviewer(self) -> bool:
        return self.origin.startswith(REVIEW_PREFIX)
