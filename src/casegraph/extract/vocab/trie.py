"""Regular expressions for large word lists, built as a prefix trie.

Python's ``re`` tries every alternative of ``(?:said|says|stated|…)`` at every position; a pattern
that shares prefixes (``s(?:a(?:id|ys)|tated)``) rejects most positions after one character. The
trie keeps the longest-match preference of a length-sorted alternation: at each node the longer
continuations are tried before stopping.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""


def trie_pattern(words: Iterable[str]) -> str:
    """A non-capturing regex source matching exactly the given literal strings."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return _render(trie)


def _render(node: dict) -> str:
    ends = _END in node
    branches = [re.escape(ch) + _render(child) for ch, child in sorted(node.items()) if ch != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return (f"(?:{body})?" if len(branches) == 1 else body + "?")
    return body
