"""The shared vocabulary of casegraph: pure, I/O-free records that every layer passes around."""

from casegraph.model.document import Document
from casegraph.model.facts import (
    Claim,
    Contradiction,
    Decision,
    Quote,
    ReviewStatus,
    Statement,
)
from casegraph.model.judgement import AUTO_ORIGIN, Judgement, JudgementKind

__all__ = [
    "AUTO_ORIGIN",
    "Judgement",
    "JudgementKind",
    "Claim",
    "Contradiction",
    "Decision",
    "Document",
    "Quote",
    "ReviewStatus",
    "Statement",
]
