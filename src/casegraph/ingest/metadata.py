"""Small normalisers for what files say about themselves (language tags, dates)."""

from __future__ import annotations

import re
from datetime import date, datetime

_LANG = re.compile(r"^([A-Za-z]{2})(?:[-_][A-Za-z0-9]+)*$")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def iso_language(value: str | None) -> str | None:
    """``"en-US"`` → ``"en"``; anything that is not a two-letter code → None."""
    if not value:
        return None
    match = _LANG.match(value.strip())
    return match.group(1).lower() if match else None


def iso_date(value: object) -> str | None:
    """A datetime/date or a string starting with YYYY-MM-DD → ``"YYYY-MM-DD"``; else None."""
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, str):
        match = _ISO_DAY.match(value.strip())
        if match:
            try:
                return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
            except ValueError:
                return None
    return None
