"""FtM partial dates ("2014", "2014-12", "2014-12-05") as the analyses need them.

ISO partial dates sort correctly as plain strings (2014 < 2014-12 < 2014-12-05 < 2015), so they
are kept as they were stated and never padded to a full day: "December 2014" stays "2014-12".
"""

from __future__ import annotations

from datetime import date

from casegraph.services.ingest import check_date


def in_range(value: str, date_from: str | None, date_to: str | None) -> bool:
    """Whether a partial date may fall in [from, to]: each side is compared at the coarser precision,
    so "2014" is inside from=2014-06 (part of 2014 is) and "2014-12-05" is outside to=2014-11."""
    if date_from and value < date_from[: len(value)]:
        return False
    return not (date_to and value[: len(date_to)] > date_to)


def to_day(value: str | None) -> date | None:
    """A full date, or None for a partial one (a number of days needs both ends to the day)."""
    if not value or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def days_between(first: str | None, last: str | None) -> int | None:
    a, b = to_day(first), to_day(last)
    return (b - a).days if a is not None and b is not None else None


__all__ = ["check_date", "days_between", "in_range", "to_day"]
