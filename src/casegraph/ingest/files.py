"""Expand the user's file and folder arguments into the files to ingest."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from casegraph.errors import InputError
from casegraph.ingest.registry import supported


def _hidden(name: str) -> bool:
    return name.startswith(".")


def iter_files(paths: list[Path], include_unsupported: bool = False) -> Iterator[Path]:
    """Yield files to ingest, in a stable order.

    A file named explicitly is always yielded (the caller reports it if unsupported); inside folders
    only supported (or, with ``include_unsupported``, all) non-hidden files are yielded, recursing
    in sorted order and skipping hidden folders. A path that does not exist raises InputError.
    Each file is yielded once.
    """
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = _walk(path, include_unsupported)
        elif path.exists():
            found = iter([path])
        else:
            raise InputError(f"no such file or folder: {path}")
        for item in found:
            key = item.resolve()
            if key not in seen:
                seen.add(key)
                yield item


def _walk(folder: Path, include_unsupported: bool) -> Iterator[Path]:
    for child in sorted(folder.iterdir(), key=lambda p: p.name):
        if _hidden(child.name):
            continue
        if child.is_dir():
            yield from _walk(child, include_unsupported)
        elif child.is_file() and (include_unsupported or supported(child)):
            yield child
