"""Decoding: BOMs, strict UTF-8, cp1251 Russian, and refusing binary junk."""

from __future__ import annotations

import codecs

import pytest

from casegraph.errors import UnreadableDocument
from casegraph.ingest.encoding import decode_bytes

RUSSIAN = "Суд рассмотрел жалобу директора фонда на решение министерства.\n"


def test_utf8_plain() -> None:
    decoded = decode_bytes("Café — “quoted”".encode())
    assert decoded.text == "Café — “quoted”"
    assert decoded.encoding == "utf-8"


def test_utf8_bom_is_removed() -> None:
    decoded = decode_bytes(codecs.BOM_UTF8 + b"Hello")
    assert decoded.text == "Hello"
    assert decoded.encoding == "utf-8-sig"


def test_utf16_bom() -> None:
    decoded = decode_bytes(RUSSIAN.encode("utf-16"))
    assert decoded.text == RUSSIAN


def test_cp1251_russian() -> None:
    decoded = decode_bytes(RUSSIAN.encode("cp1251"))
    assert decoded.text == RUSSIAN
    assert decoded.encoding == "cp1251"


def test_declared_charset_used_before_cp1251() -> None:
    decoded = decode_bytes("Ærø - façade".encode("latin-1"), declared="iso-8859-1")
    assert decoded.text == "Ærø - façade"


def test_non_cyrillic_legacy_bytes_refused() -> None:
    with pytest.raises(UnreadableDocument, match="encoding"):
        decode_bytes("Ærø façade déjà".encode("latin-1"))


def test_nul_bytes_refused() -> None:
    with pytest.raises(UnreadableDocument, match="NUL"):
        decode_bytes(b"PK\x03\x04\x00\x00binary")


def test_control_characters_refused() -> None:
    with pytest.raises(UnreadableDocument, match="control"):
        decode_bytes(bytes(range(1, 9)) * 20 + b"some text")


def test_utf16_without_bom_is_read_not_called_binary() -> None:
    for text in ("Northmere Holdings paid Calder Ridge in 2021.", "Компания перевела рублей фирме «Восток»."):
        for name in ("utf-16-le", "utf-16-be"):
            decoded = decode_bytes(text.encode(name))
            assert (decoded.text, decoded.encoding) == (text, name)
    with pytest.raises(UnreadableDocument, match="NUL"):
        decode_bytes(bytes(range(256)) * 4)  # NULs and no prose in either byte order
