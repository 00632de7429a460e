"""``casegraph serve`` refuses to listen beyond loopback without a user; ``casegraph user`` manages them."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from casegraph.cli.app import app
from casegraph.cli.serve import is_loopback
from casegraph.services import Case
from casegraph.services.users import authenticate, user_for_token


def test_serve_refuses_an_exposed_address_without_a_user(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--case", str(tmp_path / "c.db"), "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "refusing to listen on 0.0.0.0 without a user" in " ".join(result.output.split())


def test_user_add_hashes_the_password_and_prints_a_working_token(tmp_path: Path) -> None:
    case_path = tmp_path / "c.db"
    result = CliRunner().invoke(app, ["user", "add", "maria", "--role", "editor", "--token", "--case", str(case_path)],
                                env={"CASEGRAPH_PASSWORD": "a long passphrase"})
    assert result.exit_code == 0, result.output
    token = result.output.split("shown once):")[1].split()[0]
    case = Case.open(case_path)
    try:
        user = authenticate(case, "maria", "a long passphrase")
        assert user is not None and user.role == "editor"
        assert authenticate(case, "maria", "wrong") is None
        found = user_for_token(case, token)
        assert found is not None and found.name == "maria"
        from sqlalchemy import text

        with case.store.engine.connect() as conn:  # type: ignore[attr-defined]
            stored = conn.execute(text("SELECT password_hash FROM users")).scalar_one()
        assert stored.startswith("$argon2") and "a long passphrase" not in stored
    finally:
        case.close()
    listed = CliRunner().invoke(app, ["user", "list", "--case", str(case_path)])
    assert "maria editor" in listed.output
    bad = CliRunner().invoke(app, ["user", "add", "x", "--role", "admin", "--case", str(case_path)],
                             env={"CASEGRAPH_PASSWORD": "another passphrase"})
    assert bad.exit_code == 2 and "role must be one of" in bad.output


def test_loopback_addresses() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1") and is_loopback("127.0.0.2")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5") and not is_loopback("example.org")
