"""Uploaded files are hostile: a size limit, a type check, and no say over where they land.

The client's file name is reduced to a bare, safe base name (no folders, no ``..``, no control
characters) and used only to pick the reader by extension and to title the document; the bytes are
written into a fresh temporary folder we own, ingested through the same service as the CLI, and the
folder is removed. The contents must look like the type the extension claims.
"""

from __future__ import annotations

import re
import tempfile
import unicodedata
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from casegraph.errors import InputError, UnreadableDocument
from casegraph.ingest.registry import READERS
from casegraph.services.case import Case

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_FORM_BYTES = 1024 * 1024  # every request that is not an upload
MAX_FILES = 20
_UNSAFE = re.compile(r"[^\w.\- ()]+", re.UNICODE)
MAGIC = {".pdf": (b"%PDF-",), ".docx": (b"PK\x03\x04",)}


class TooLarge(InputError):
    """The request body is over the limit; nothing of it was stored."""

    http_status = 413


def safe_name(filename: str | None) -> str:
    """A base name we can write into our own folder, or InputError."""
    raw = unicodedata.normalize("NFC", filename or "")
    if any(ord(c) < 32 or c == "\x7f" for c in raw):
        raise InputError("file name has control characters")
    base = PureWindowsPath(PurePosixPath(raw).name).name  # strips a/b/../c and C:\\x\\y alike
    base = _UNSAFE.sub("_", base).strip(" .")
    if not base or base in (".", "..") or base.startswith("."):
        raise InputError(f"unusable file name {filename!r}")
    suffix = Path(base).suffix.lower()
    if suffix not in READERS:
        raise UnreadableDocument(f"unsupported file type {suffix or '(none)'!r}; "
                                 f"accepted: {', '.join(sorted(READERS))}")
    return base[-120:]


def check_type(name: str, data: bytes) -> None:
    """The bytes must fit the extension: PDF and DOCX by their magic numbers, text formats by having
    no NUL bytes (a binary renamed .txt is refused rather than stored as garbage)."""
    suffix = Path(name).suffix.lower()
    magic = MAGIC.get(suffix)
    if magic is not None:
        if not data.startswith(magic):
            raise UnreadableDocument(f"{name}: the contents are not a {suffix[1:].upper()} file")
    elif b"\x00" in data[:65536]:
        raise UnreadableDocument(f"{name}: binary contents in a text file")


@dataclass
class Uploaded:
    name: str
    status: str
    document: str | None
    reason: str | None
    notes: list[str]


def ingest_uploads(case: Case, files: list[tuple[str | None, bytes]]) -> list[Uploaded]:
    """Check and ingest uploaded files; each is reported on its own, as the CLI's batch is."""
    if len(files) > MAX_FILES:
        raise InputError(f"at most {MAX_FILES} files at once")
    results: list[Uploaded] = []
    with tempfile.TemporaryDirectory(prefix="casegraph-upload-") as folder:
        paths: dict[Path, str] = {}
        for original, data in files:
            try:
                name = safe_name(original)
                check_type(name, data)
            except (InputError, UnreadableDocument) as exc:
                results.append(Uploaded(original or "", "failed", None, str(exc), []))
                continue
            target = Path(folder) / f"{len(paths):02d}" / name
            target.parent.mkdir()
            target.write_bytes(data)
            paths[target] = name
        if paths:
            report = case.ingest(list(paths))
            for item in report.items:
                results.append(Uploaded(paths.get(Path(item.path), Path(item.path).name), item.status,
                                        item.document_id, item.reason, item.notes))
    return results


Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]]


class BodyLimit:
    """ASGI middleware: refuse a body over the limit while it streams in (Content-Length or not),
    before any multipart parser spools it to disk."""

    def __init__(self, app: ASGIApp, upload_paths: tuple[str, ...], upload_limit: int = MAX_UPLOAD_BYTES,
                 form_limit: int = MAX_FORM_BYTES) -> None:
        self.app, self.upload_paths = app, upload_paths
        self.upload_limit, self.form_limit = upload_limit, form_limit

    async def __call__(self, scope: Scope, receive: Callable[[], Awaitable[Message]],
                       send: Callable[[Message], Awaitable[None]]) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.upload_limit + 65536 if scope["path"] in self.upload_paths else self.form_limit
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _refuse(send, limit)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise TooLarge(f"request body over {limit // 1024} KiB")
            return message

        await self.app(scope, limited, send)


async def _refuse(send: Callable[[Message], Awaitable[None]], limit: int) -> None:
    body = f'{{"detail": "request body over the limit of {limit // 1024} KiB", "error": "TooLarge"}}'.encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
