"""A case built once from examples/meduza-case (our own summaries of public facts); every test gets
a fresh copy of the file, so writes in one test never leak into another."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from casegraph.api.app import create_app
from casegraph.services import Case

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "meduza-case"


@pytest.fixture(scope="session")
def demo_case_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    case = Case.open(path)
    report = case.ingest([EXAMPLES])
    case.close()
    assert not report.failed
    return path


@pytest.fixture
def case_file(demo_case_file: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "case.db"
    shutil.copy(demo_case_file, copy)
    return copy


@pytest.fixture
def client(case_file: Path) -> TestClient:
    """The loopback, login-free workbench (a reporter's laptop) acting as reviewer "tester"."""
    app = create_app(case_file, local_reviewer="tester")
    with TestClient(app, base_url="http://127.0.0.1") as test_client:
        yield test_client


def csrf(client: TestClient) -> dict[str, str]:
    return {"X-CSRF-Token": client.get("/api/me").json()["csrf_token"]}
