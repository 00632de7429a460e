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

__all__ = [
    "Claim",
    "Contradiction",
    "Decision",
    "Document",
    "Quote",
    "ReviewStatus",
    "Statement",
]
