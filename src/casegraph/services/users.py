"""People who use a shared workbench: users with argon2 password hashes, roles and API tokens.

The web server refuses to listen beyond loopback without a user, so these are the only way in; the
CLI (``casegraph user add``) and the server share this module so a password is hashed one way only.
API tokens are long random strings, so storing their SHA-256 is enough (a slow hash buys nothing for
256 bits of entropy); passwords are chosen by people and get argon2.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, delete, func, insert, select

from casegraph.errors import InputError, NotFound
from casegraph.services.case import Case
from casegraph.store import tables as t

ROLES = ("viewer", "editor")
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
TOKEN_PREFIX = "cgt_"
_hasher = PasswordHasher()


@dataclass(frozen=True)
class User:
    name: str
    role: str  # viewer | editor

    @property
    def can_write(self) -> bool:
        return self.role == "editor"


def engine_of(case: Case) -> Engine:
    """The SQL engine behind a case: users, tokens and the search index live in the same database
    as the facts, so one file (or one PostgreSQL database) is the whole case."""
    engine = getattr(case.store, "engine", None)
    if not isinstance(engine, Engine):
        raise InputError("this case store has no SQL engine (users and search need one)")
    return engine


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def add_user(case: Case, name: str, role: str, password: str) -> User:
    """Create a user; the name is a reviewer name too (it becomes ``review:<name>`` on facts)."""
    if not NAME.match(name):
        raise InputError("a user name is 1-64 letters, digits or . _ @ - (starting with a letter or digit)")
    if role not in ROLES:
        raise InputError(f"role must be one of {', '.join(ROLES)}")
    if len(password) < 8:
        raise InputError("a password needs at least 8 characters")
    engine = engine_of(case)
    with engine.begin() as conn:
        if conn.execute(select(t.users.c.name).where(t.users.c.name == name)).first():
            raise InputError(f"user {name!r} already exists")
        conn.execute(insert(t.users).values(name=name, password_hash=_hasher.hash(password), role=role,
                                            created_at=_now()))
    return User(name, role)


def has_users(case: Case) -> bool:
    with engine_of(case).connect() as conn:
        return bool(conn.execute(select(func.count()).select_from(t.users)).scalar_one())


def list_users(case: Case) -> list[User]:
    with engine_of(case).connect() as conn:
        return [User(r.name, r.role) for r in conn.execute(select(t.users).order_by(t.users.c.name))]


def get_user(case: Case, name: str) -> User:
    with engine_of(case).connect() as conn:
        row = conn.execute(select(t.users).where(t.users.c.name == name)).first()
    if row is None:
        raise NotFound(f"no user {name!r}")
    return User(row.name, row.role)


def authenticate(case: Case, name: str, password: str) -> User | None:
    """The user when the password fits, else None (the same None for an unknown name, so a login
    form does not tell which names exist)."""
    with engine_of(case).connect() as conn:
        row = conn.execute(select(t.users).where(t.users.c.name == name)).first()
    if row is None:
        _hasher.hash(password)  # spend the same time as a real check
        return None
    try:
        _hasher.verify(row.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    return User(row.name, row.role)


def create_token(case: Case, name: str, label: str | None = None) -> str:
    """A new API token for a user, shown once; only its hash is stored."""
    get_user(case, name)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with engine_of(case).begin() as conn:
        conn.execute(insert(t.api_tokens).values(token_hash=_token_hash(token), user=name, label=label,
                                                 created_at=_now()))
    return token


def user_for_token(case: Case, token: str) -> User | None:
    if not token.startswith(TOKEN_PREFIX):
        return None
    query = (select(t.users.c.name, t.users.c.role)
             .join(t.api_tokens, t.api_tokens.c.user == t.users.c.name)
             .where(t.api_tokens.c.token_hash == _token_hash(token)))
    with engine_of(case).connect() as conn:
        row = conn.execute(query).first()
    return User(row.name, row.role) if row else None


def revoke_tokens(case: Case, name: str) -> int:
    with engine_of(case).begin() as conn:
        return conn.execute(delete(t.api_tokens).where(t.api_tokens.c.user == name)).rowcount or 0
