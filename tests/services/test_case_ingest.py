"""The case service: ingest with provenance, idempotency by content hash, bad input in a batch."""

from __future__ import annotations

from pathlib import Path

import pytest

from casegraph.errors import InputError
from casegraph.model.ids import content_hash
from casegraph.services import Case


@pytest.fixture
def case(tmp_path: Path):
    c = Case.open(tmp_path / "case.db")
    yield c
    c.close()


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding)
    return path


def test_ingest_records_provenance(case: Case, tmp_path: Path) -> None:
    path = write(tmp_path / "memo.txt", "A short memo about Example Trust, written for the test.\n")
    report = case.ingest([path], url="https://example.org/memo", published="2024-02-03", title="Memo",
                         extract=False)
    assert [i.status for i in report.items] == ["added"]
    doc = case.document(report.items[0].document_id or "")
    assert doc.id == content_hash(path.read_bytes())
    assert (doc.url, doc.published, doc.title, doc.format) == ("https://example.org/memo", "2024-02-03", "Memo",
                                                                "txt")
    assert doc.source == str(path) and doc.size == path.stat().st_size
    assert doc.language == "en"


def test_same_bytes_twice_is_a_no_op(case: Case, tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", "The same content in two files.\n")
    b = write(tmp_path / "b.txt", "The same content in two files.\n")
    first = case.ingest([a], extract=False)
    second = case.ingest([a, b], extract=False)
    assert first.count("added") == 1
    assert [i.status for i in second.items] == ["exists", "exists"]
    assert len(case.documents()) == 1


def test_one_bad_file_never_stops_the_batch(case: Case, tmp_path: Path) -> None:
    folder = tmp_path / "pile"
    folder.mkdir()
    write(folder / "good.txt", "A perfectly readable note.\n")
    (folder / "junk.txt").write_bytes(b"\x00\x01\x02\xff\xfe" * 200)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    write(folder / "ru.txt", "Министерство юстиции внесло издание в реестр.\n", encoding="cp1251")
    report = case.ingest([folder], extract=False)
    statuses = {Path(i.path).name: i.status for i in report.items}
    assert statuses == {"good.txt": "added", "junk.txt": "failed", "broken.pdf": "failed", "ru.txt": "added"}
    assert all(i.reason for i in report.failed)
    texts = {d.title: d for d in case.documents()}
    assert "Министерство" in case.document(texts["ru"].id).text
    assert len(case.documents()) == 2


def test_bad_published_date_is_an_input_error(case: Case, tmp_path: Path) -> None:
    with pytest.raises(InputError):
        case.ingest([write(tmp_path / "x.txt", "x\n")], published="yesterday")
