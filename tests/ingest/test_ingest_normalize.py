"""Normalisation: only meaning-free changes, and a fixed point."""

from __future__ import annotations

import unicodedata

from casegraph.ingest.normalize import normalize_text


def test_line_endings_and_trailing_space() -> None:
    assert normalize_text("one  \r\ntwo\t\rthree") == "one\ntwo\nthree"


def test_blank_line_runs_collapse_to_two() -> None:
    assert normalize_text("a\n\n\n\n\n\nb\n\nc") == "a\n\n\nb\n\nc"


def test_nfc_and_invisible_characters() -> None:
    decomposed = unicodedata.normalize("NFD", "Ёлка café")
    assert normalize_text(decomposed + "\u200b\ufeff") == "Ёлка café"


def test_quotes_and_dashes_kept() -> None:
    text = "He said “no” — twice, and ‘maybe’ – once; «нет»."
    assert normalize_text(text) == text


def test_odd_spaces_become_plain_spaces() -> None:
    assert normalize_text("1\u00a0000\u202f000 rubles") == "1 000 000 rubles"


def test_idempotent() -> None:
    text = "x \r\n\r\n\r\n\r\n\u200by\u00a0z  "
    once = normalize_text(text)
    assert normalize_text(once) == once
