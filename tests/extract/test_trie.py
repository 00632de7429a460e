"""The prefix-trie regex matches exactly what a longest-first alternation of the same words matches."""

from __future__ import annotations

import re

from casegraph.extract.vocab.trie import trie_pattern

WORDS = ["said", "says", "saying", "stated", "state", "spoke", "spoke to", "told", "tell", "по словам", "сказал"]
TEXTS = ["She said so.", "He spoke to them", "He spoke.", "stated that", "statement", "по словам Ивана",
         "сказала", "told told", "a+b (said)"]


def test_trie_matches_the_same_spans_as_an_alternation() -> None:
    plain = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, WORDS), key=len, reverse=True)) + r")\b")
    trie = re.compile(r"\b(?:" + trie_pattern(WORDS) + r")\b")
    for text in TEXTS:
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_special_characters_are_escaped() -> None:
    assert re.fullmatch(trie_pattern(["a.b", "a+b"]), "a+b")
    assert not re.fullmatch(trie_pattern(["a.b"]), "axb")
