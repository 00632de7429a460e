"""Choosing files: extensions, folder recursion, hidden files, the size cap, the example case."""

from __future__ import annotations

from pathlib import Path

import pytest

from casegraph.errors import InputError, UnreadableDocument
from casegraph.ingest import iter_files, read_path, registry, supported
from casegraph.ingest.limits import Limits

EXAMPLES = Path(__file__).parents[2] / "examples" / "meduza-case"


@pytest.mark.parametrize("name", ["a.txt", "a.TEXT", "a.md", "a.Markdown", "a.html", "a.HTM", "a.pdf", "a.docx"])
def test_supported(name: str) -> None:
    assert supported(Path(name))


@pytest.mark.parametrize("name", ["a.doc", "a.rtf", "a.xlsx", "README", "a.txt.bak", "a.png"])
def test_not_supported(name: str) -> None:
    assert not supported(Path(name))


def test_unknown_extension_refused(tmp_path: Path) -> None:
    path = tmp_path / "data.xyz"
    path.write_text("text")
    with pytest.raises(UnreadableDocument, match="unsupported"):
        read_path(path)


def test_folder_recursion(tmp_path: Path) -> None:
    for rel in ["b.txt", "a.md", "sub/c.pdf", "sub/deeper/d.html", "sub/skip.xyz", ".hidden.txt",
                ".git/config.txt", "sub/.cache/e.txt"]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    single = tmp_path / "sub" / "skip.xyz"
    found = list(iter_files([tmp_path, single, tmp_path / "b.txt"]))
    names = [p.relative_to(tmp_path).as_posix() for p in found]
    assert names == ["a.md", "b.txt", "sub/c.pdf", "sub/deeper/d.html", "sub/skip.xyz"]


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        list(iter_files([tmp_path / "nope"]))


def test_size_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 50)
    with pytest.raises(UnreadableDocument, match=r"too large \(0.0 MB; limit 0.0 MB\)"):
        read_path(path, Limits(file_bytes=100))
    monkeypatch.setenv("CASEGRAPH_MAX_FILE_MB", "0.0001")  # the one place an operator sets it
    with pytest.raises(UnreadableDocument, match="too large"):
        read_path(path)
    with pytest.raises(UnreadableDocument, match="too large"):
        registry.read_bytes(path.read_bytes(), ".txt")


def test_example_case_reads() -> None:
    if not EXAMPLES.exists():
        pytest.skip("example case folder not present")
    files = list(iter_files([EXAMPLES]))
    formats = {read_path(p).format for p in files}
    assert formats == {"md", "txt", "html", "pdf"}
    russian = read_path(EXAMPLES / "press-summary-ru.txt")
    assert "Роскомнадзор" in russian.text
