"""Turn raw bytes into a str, refusing binary junk.

Order matters: a BOM or strict UTF-8 is trusted first because UTF-8 almost never decodes by accident;
UTF-16 without a BOM is recognised by its NUL bytes and kept only when it reads as prose; cp1251 is only
accepted when the result is mostly Cyrillic, since any byte soup "decodes" as cp1251.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

from casegraph.errors import UnreadableDocument

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}
MAX_CONTROL_RATIO = 0.02
MIN_CYRILLIC_RATIO = 0.5
MIN_PLAUSIBLE_RATIO = 0.9


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in _ALLOWED_CONTROLS)
    return bad / len(text)


def _cyrillic_ratio(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    cyr = sum(1 for c in letters if "\u0400" <= c <= "\u04ff")
    return cyr / len(letters)


def _plausible_ratio(text: str) -> float:
    """Share of characters that ordinary prose is made of: Latin, Greek and Cyrillic letters, digits,
    spaces, punctuation, currency signs. Bytes misread as UTF-16 land all over the BMP (CJK, Hangul,
    private use) and score low."""
    if not text:
        return 0.0
    good = sum(1 for c in text if ord(c) < 0x0530 or 0x2000 <= ord(c) <= 0x20CF or c in "\ufeff")
    return good / len(text)


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 text saved without a byte-order mark (Windows tools do this): NUL bytes, yet text. Each
    byte order is tried; a reading is kept only if it looks like prose (see ``_plausible_ratio``)."""
    if len(data) % 2:
        return None
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _control_ratio(text) <= MAX_CONTROL_RATIO and _plausible_ratio(text) >= MIN_PLAUSIBLE_RATIO:
            return Decoded(text, name)
    return None


def _check_not_binary(text: str) -> None:
    if _control_ratio(text) > MAX_CONTROL_RATIO:
        raise UnreadableDocument("binary data, not text (too many control characters)")


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode ``data``; ``declared`` is a charset the file names itself (e.g. an HTML meta tag).

    Raises UnreadableDocument with the reason when the bytes are not text we can read.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(name)
            except UnicodeDecodeError as exc:
                raise UnreadableDocument(f"broken {name} text after byte-order mark") from exc
            text = text.lstrip("\ufeff")
            _check_not_binary(text)
            return Decoded(text, name)
    if b"\x00" in data:
        guessed = _utf16_without_bom(data)
        if guessed is not None:
            return guessed
        raise UnreadableDocument("binary data, not text (contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        _check_not_binary(text)
        return Decoded(text, "utf-8")
    if declared:
        try:
            text = data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            _check_not_binary(text)
            return Decoded(text, codecs.lookup(declared).name)
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        text = ""
    if text and _cyrillic_ratio(text) >= MIN_CYRILLIC_RATIO:
        _check_not_binary(text)
        return Decoded(text, "cp1251")
    raise UnreadableDocument("unknown text encoding (not UTF-8, and not Cyrillic cp1251)")
