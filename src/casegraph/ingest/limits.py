"""Every cap a reader runs under, in one place.

Documents are hostile: a 647 KB .docx can unzip to 200 MB of XML, a PDF can declare a million pages, and
a parser can run for minutes or take gigabytes. Each reader checks the size caps itself (cheaply, before
the expensive work), and ``casegraph.ingest.isolation`` enforces time and memory by running the reader in
a worker process it can kill. Each cap can be set by an environment variable (named beside it), so an
operator with unusual files changes one number, not the code.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Caps for reading one file. A reader that hits one fails with a reason naming it."""

    file_bytes: int = 50 * MB  # CASEGRAPH_MAX_FILE_MB: the file as stored on disk
    expanded_bytes: int = 64 * MB  # CASEGRAPH_MAX_EXPANDED_MB: unzipped DOCX XML, decoded PDF text, HTML
    text_chars: int = 20_000_000  # CASEGRAPH_MAX_TEXT_CHARS: the text a reader may produce
    pdf_pages: int = 5_000  # CASEGRAPH_MAX_PDF_PAGES
    seconds: float = 60.0  # CASEGRAPH_READ_SECONDS: wall-clock time per file
    memory_bytes: int = 2048 * MB  # CASEGRAPH_READ_MEMORY_MB: extra address space the reader may take
    isolate: bool = True  # CASEGRAPH_READ_ISOLATION=0 reads in-process (no time or memory cap)


_ENV: dict[str, tuple[str, float]] = {
    "file_bytes": ("CASEGRAPH_MAX_FILE_MB", MB),
    "expanded_bytes": ("CASEGRAPH_MAX_EXPANDED_MB", MB),
    "text_chars": ("CASEGRAPH_MAX_TEXT_CHARS", 1),
    "pdf_pages": ("CASEGRAPH_MAX_PDF_PAGES", 1),
    "seconds": ("CASEGRAPH_READ_SECONDS", 1),
    "memory_bytes": ("CASEGRAPH_READ_MEMORY_MB", MB),
}


def from_environment(environ: dict[str, str] | None = None) -> Limits:
    """The defaults, overridden by any of the environment variables above that hold a number."""
    env = os.environ if environ is None else environ
    limits = Limits()
    changes: dict[str, object] = {}
    for name, (var, unit) in _ENV.items():
        raw = env.get(var)
        if raw is None:
            continue
        try:
            value = float(raw) * unit
        except ValueError:
            continue
        if value > 0:
            changes[name] = value if name == "seconds" else int(value)
    if env.get("CASEGRAPH_READ_ISOLATION", "").strip().lower() in {"0", "off", "no", "false"}:
        changes["isolate"] = False
    return replace(limits, **changes)  # type: ignore[arg-type]


def megabytes(n: int) -> str:
    """``n`` bytes as a short figure for a failure reason ("210 MB", "0.4 MB")."""
    value = n / MB
    return f"{value:.0f} MB" if value >= 10 else f"{value:.1f} MB"


def seconds(value: float) -> str:
    return f"{value:g} s"
