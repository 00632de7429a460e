"""Contradictions: groups of claims about one subject that a text sets against each other.

Claims that share a topic key (see :mod:`casegraph.extract.claims`) and come from the same
document form one contradiction; the subject is the party the claims are about.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from casegraph.extract.claims import content
from casegraph.model import Claim, Contradiction


def topic_words(claims: list[Claim], limit: int = 4) -> str:
    shared = set.intersection(*(content(c.text) for c in claims)) if claims else set()
    words = sorted(shared)[:limit] or sorted(content(claims[0].text))[:limit]
    return ", ".join(words)


def find_contradictions(claims: Iterable[Claim]) -> list[Contradiction]:
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.topic:
            groups[(claim.document_id, claim.topic)].append(claim)
    found = []
    for group in groups.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda c: c.start)
        subject = next((c.subject for c in group if c.subject), None)
        found.append(Contradiction(subject=subject, topic=topic_words(group), claims=group))
    return found
