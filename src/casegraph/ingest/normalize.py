"""Canonical text form, so the same document always yields the same string (and the same offsets).

Only changes that carry no meaning: Unicode NFC, line endings, invisible characters, odd space
characters, trailing blanks and runs of empty lines. Curly quotes and dashes are left alone because
quote detection and names depend on them.
"""

from __future__ import annotations

import re
import unicodedata

# Zero-width and invisible formatting characters (soft hyphen included: it only marks a break point).
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"), None)
# Space characters that tokenizers treat inconsistently; each becomes one plain space (same length).
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
                                 "\u200a\u202f\u205f\u3000"), " ")
_TRAILING = re.compile(r"[ \t]+$", re.MULTILINE)
_MANY_BLANKS = re.compile(r"\n{4,}")


def normalize_text(text: str) -> str:
    """Return the canonical form of ``text``; applying it twice changes nothing."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = text.translate(_INVISIBLE).translate(_SPACES)
    text = unicodedata.normalize("NFC", text)
    text = _TRAILING.sub("", text)
    text = _MANY_BLANKS.sub("\n\n\n", text)
    return text.strip("\n")
