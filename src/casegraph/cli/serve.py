"""CLI commands for the web workbench: ``serve`` and ``user add|token|list``.

``serve`` listens on 127.0.0.1 by default. Bound to any other address it requires a login on every
route and refuses to start until the case has a user (``casegraph user add``), because the case's
documents and facts would otherwise be open to the whole network.
"""

from __future__ import annotations

import getpass
import ipaddress
import json
import os
import secrets
import sys
from typing import Annotated

import typer

from casegraph.cli.common import DEFAULT_CASE, CaseOption, app, fail, open_case, say

user_app = typer.Typer(help="People who may use the web workbench (argon2 password hashes, API tokens).",
                       no_args_is_help=True)
app.add_typer(user_app, name="user")


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@app.command()
def serve(
    case: CaseOption = DEFAULT_CASE,
    host: Annotated[str, typer.Option(help="Address to listen on; anything but loopback needs a user.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    max_upload_mb: Annotated[int, typer.Option(min=1, max=50, help="Largest file an upload may be.")] = 20,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Server processes (one per core for a team).")] = 1,
) -> None:
    """Open the case in the web workbench (and the JSON API, documented at /openapi.json)."""
    import uvicorn

    from casegraph.api.app import SETTINGS_ENV, app_from_settings
    from casegraph.api.security import LOOPBACK_HOSTS
    from casegraph.services.users import has_users

    exposed = not is_loopback(host)
    with open_case(case) as c:
        users = has_users(c)
    if exposed and not users:
        raise fail(f"refusing to listen on {host} without a user: anyone who can reach it would read and change "
                   "the case. Add one first: casegraph user add NAME --role editor", 2)
    reviewer = os.environ.get("CASEGRAPH_REVIEWER") or getpass.getuser() or "local"
    # exposed: any Host (a name the admin chose); loopback: only loopback names (no DNS rebinding)
    allowed = None if exposed else LOOPBACK_HOSTS | {host.lower()}
    settings = {"case": str(case), "require_auth": exposed or users, "local_reviewer": reviewer,
                "allowed_hosts": sorted(allowed) if allowed is not None else None,
                "max_upload": max_upload_mb * 2**20, "secret": secrets.token_hex(32)}
    mode = "login required" if exposed or users else f"no login (loopback only; reviewer {reviewer})"
    say("casegraph workbench on [bold]http://{}:{}/[/bold] — {}", host, port, mode)
    if workers == 1:
        uvicorn.run(app_from_settings(settings), host=host, port=port, log_level="warning", server_header=False)
        return
    # each worker process builds its own app from the same settings (one secret, so sessions hold)
    os.environ[SETTINGS_ENV] = json.dumps(settings)
    uvicorn.run("casegraph.api.app:app_from_env", factory=True, workers=workers, host=host, port=port,
                log_level="warning", server_header=False)


def _password(prompt: bool) -> str:
    """From CASEGRAPH_PASSWORD, from stdin when piped, else asked twice without echo."""
    if os.environ.get("CASEGRAPH_PASSWORD"):
        return os.environ["CASEGRAPH_PASSWORD"]
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    if not prompt:
        raise fail("no password given (set CASEGRAPH_PASSWORD or pipe it on stdin)")
    return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))


@user_app.command("add")
def user_add(
    name: Annotated[str, typer.Argument(help="Login name; also the reviewer name on facts they create.")],
    role: Annotated[str, typer.Option(help="viewer (read) | editor (review, upload)")] = "viewer",
    token: Annotated[bool, typer.Option("--token", help="Also create an API token and print it once.")] = False,
    case: CaseOption = DEFAULT_CASE,
) -> None:
    """Add a user of the web workbench (the password is read without echo, or from stdin)."""
    from casegraph.services.users import add_user, create_token

    password = _password(prompt=True)
    with open_case(case) as c:
        user = add_user(c, name, role, password)
        say("added user {} ({})", user.name, user.role)
        if token:
            say("API token (shown once): {}", create_token(c, user.name, "created with the user"))


@user_app.command("token")
def user_token(
    name: Annotated[str, typer.Argument()],
    label: Annotated[str | None, typer.Option(help="What the token is for.")] = None,
    case: CaseOption = DEFAULT_CASE,
) -> None:
    """Create an API token for a user (send it as ``Authorization: Bearer TOKEN``); shown once."""
    from casegraph.services.users import create_token

    with open_case(case) as c:
        say("{}", create_token(c, name, label))


@user_app.command("list")
def user_list(case: CaseOption = DEFAULT_CASE) -> None:
    """The users of this case and their roles."""
    from casegraph.services.users import list_users

    with open_case(case) as c:
        for user in list_users(c):
            say("{} {}", user.name, user.role)


__all__ = ["is_loopback", "serve", "user_app"]
