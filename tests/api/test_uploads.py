"""Uploads: the size limit, the type check, and no way to choose where the bytes land."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from casegraph.api.app import create_app
from casegraph.api.uploads import check_type, safe_name
from casegraph.errors import InputError, UnreadableDocument

from .conftest import csrf

NOTE = "On 3 March 2020 Pavel Orlov, director of Nordlicht GmbH, paid 5,000 euros to Riga Media SIA.\n"


def test_an_uploaded_note_is_ingested_and_searchable(client: TestClient) -> None:
    response = client.post("/api/documents", files=[("files", ("field-note.txt", NOTE.encode(), "text/plain"))],
                           headers=csrf(client))
    assert response.status_code == 201, response.text
    [item] = response.json()
    assert item["status"] == "added" and item["name"] == "field-note.txt"
    assert client.get(f"/api/documents/{item['document']}").json()["text"].strip() == NOTE.strip()
    assert client.get("/api/search", params={"q": "Nordlicht"}).json()["documents"]["total"] == 1
    again = client.post("/api/documents", files=[("files", ("copy.txt", NOTE.encode(), "text/plain"))],
                        headers=csrf(client)).json()
    assert again[0]["status"] == "exists"


def test_an_upload_over_the_limit_is_refused_before_it_is_stored(case_file: Path) -> None:
    app = create_app(case_file, max_upload=1024)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        before = client.get("/api/documents").json()["total"]
        big = ("x " * 4000).encode()
        response = client.post("/api/documents", files=[("files", ("big.txt", big, "text/plain"))],
                               headers=csrf(client))
        assert response.status_code == 413
        medium = ("y " * 700).encode()  # over 1 KiB, under the body limit's multipart slack
        response = client.post("/api/documents", files=[("files", ("medium.txt", medium, "text/plain"))],
                               headers=csrf(client))
        assert response.status_code == 413
        assert client.get("/api/documents").json()["total"] == before
        assert client.post("/api/facts/x/decision", content=b"{" + b" " * 2_000_000 + b"}",
                           headers={**csrf(client), "Content-Type": "application/json"}).status_code == 413


def test_wrong_types_and_disguised_files_are_refused(client: TestClient) -> None:
    files = [("files", ("tool.exe", b"MZ\x90\x00", "application/octet-stream")),
             ("files", ("report.pdf", b"just text pretending", "application/pdf")),
             ("files", ("notes.txt", b"text\x00with\x00nul", "text/plain"))]
    results = client.post("/api/documents", files=files, headers=csrf(client)).json()
    assert [r["status"] for r in results] == ["failed", "failed", "failed"]
    assert "unsupported" in results[0]["reason"] and "not a PDF" in results[1]["reason"]


def test_a_traversal_name_lands_only_in_our_folder(client: TestClient, tmp_path: Path) -> None:
    target = tmp_path.parent / "escaped.txt"
    name = "../" * 12 + str(target).lstrip("/")
    response = client.post("/api/documents", files=[("files", (name, NOTE.encode() + b"x", "text/plain"))],
                           headers=csrf(client))
    assert response.status_code == 201
    assert response.json()[0]["status"] == "added" and response.json()[0]["name"] == "escaped.txt"
    assert not target.exists()


def test_uploads_need_an_editor_and_the_csrf_token(client: TestClient) -> None:
    assert client.post("/api/documents", files=[("files", ("a.txt", b"hello", "text/plain"))]).status_code == 403


@pytest.mark.parametrize("raw, expected", [
    ("../../etc/passwd.txt", "passwd.txt"), ("C:\\Users\\x\\..\\secret.md", "secret.md"),
    ("rep<o>rt;rm -rf.txt", "rep_o_rt_rm -rf.txt"), ("Отчёт 2021.pdf", "Отчёт 2021.pdf"), (".hidden.txt", "hidden.txt"),
])
def test_safe_names(raw: str, expected: str) -> None:
    assert safe_name(raw) == expected


@pytest.mark.parametrize("raw", ["", "..", "...", "a\x00b.txt", "line\nbreak.txt", "/"])
def test_unusable_names(raw: str) -> None:
    with pytest.raises((InputError, UnreadableDocument)):
        safe_name(raw)


def test_type_check_by_magic_numbers() -> None:
    check_type("a.pdf", b"%PDF-1.7 ...")
    check_type("a.docx", b"PK\x03\x04...")
    with pytest.raises(UnreadableDocument):
        check_type("a.docx", b"<html>")
