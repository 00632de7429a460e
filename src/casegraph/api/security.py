"""Who is asking, and may they write: sessions, API tokens, CSRF, host checks, security headers.

Three ways in, resolved once per request by :func:`resolve_principal`:

* ``Authorization: Bearer cgt_…`` — an API token (``casegraph user token``); a script, so no CSRF.
* the ``cg_session`` cookie — a signed, expiring session from the login form.
* nobody — allowed only while the server listens on loopback and has no users (a reporter's laptop);
  the request then acts as the local reviewer.

Every state-changing request made by a browser (session or local) must carry the CSRF token of its
page (``X-CSRF-Token`` header or ``csrf_token`` form field): a hostile web page can make the browser
POST to ``localhost:8000`` but cannot read the token. The Host header is checked on loopback, so a
DNS-rebinding page cannot talk to the server under its own name either.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from dataclasses import dataclass, field

from fastapi import HTTPException, Request

from casegraph.services.users import User

SESSION_COOKIE = "cg_session"
SESSION_SECONDS = 12 * 3600
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})

# No inline script or style, nothing from another origin, no plugins, no framing, no <base> tricks.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'")
# The dossier is a self-contained HTML file from the analysis service (inline SVG and styles), shown
# as it is exported: styles allowed, scripts still not.
CSP_DOSSIER = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; "
               "base-uri 'none'; form-action 'none'")
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


@dataclass
class Security:
    """The server's security settings, fixed when the app is built."""

    secret: bytes
    require_auth: bool
    local_reviewer: str = "local"
    allowed_hosts: frozenset[str] | None = field(default=LOOPBACK_HOSTS)

    def sign(self, purpose: str, value: str) -> str:
        return hmac.new(self.secret, f"{purpose}\x1f{value}".encode(), hashlib.sha256).hexdigest()

    # -- sessions ------------------------------------------------------------------------------
    def session_cookie(self, user: User, now: float | None = None) -> str:
        expires = int((now or time.time()) + SESSION_SECONDS)
        payload = base64.urlsafe_b64encode(json.dumps([user.name, expires]).encode()).decode().rstrip("=")
        return f"{payload}.{self.sign('session', payload)}"

    def session_user(self, cookie: str | None) -> str | None:
        """The user name a session cookie vouches for, or None when forged, garbled or expired."""
        if not cookie or "." not in cookie:
            return None
        payload, sig = cookie.rsplit(".", 1)
        if not hmac.compare_digest(sig, self.sign("session", payload)):
            return None
        try:
            name, expires = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        except (ValueError, TypeError):
            return None
        if not isinstance(name, str) or not isinstance(expires, int) or expires < time.time():
            return None
        return name

    # -- CSRF ----------------------------------------------------------------------------------
    def csrf_token(self, request: Request) -> str:
        """Bound to the session (or to the local, login-free mode), so it cannot be reused by another."""
        basis = request.cookies.get(SESSION_COOKIE) or "local"
        return self.sign("csrf", basis)

    def login_csrf(self) -> str:
        return self.sign("csrf", "login")

    def host_allowed(self, host_header: str | None) -> bool:
        if self.allowed_hosts is None:
            return True
        host = (host_header or "").strip().lower()
        if host.startswith("["):
            host = host.split("]")[0] + "]"
        elif ":" in host:
            host = host.rsplit(":", 1)[0]
        return host in self.allowed_hosts


def security_of(request: Request) -> Security:
    sec: Security = request.app.state.security
    return sec


def current_user(request: Request) -> User:
    """The principal the middleware resolved (every route behind it has one)."""
    user: User | None = getattr(request.state, "user", None)
    if user is None:
        raise HTTPException(status_code=401, detail="log in first")
    return user


async def check_csrf(request: Request) -> None:
    """Browsers must echo their page's CSRF token on every write; API tokens need not."""
    if getattr(request.state, "via", None) == "token":
        return
    expected = security_of(request).csrf_token(request)
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and request.headers.get("content-type", "").startswith(
            ("application/x-www-form-urlencoded", "multipart/form-data")):
        form = await request.form()
        value = form.get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    if not sent or not hmac.compare_digest(sent, expected):
        raise HTTPException(status_code=403, detail="missing or wrong CSRF token; reload the page")


async def editor(request: Request) -> User:
    """Dependency of every state-changing route: an editor, with a valid CSRF token."""
    user = current_user(request)
    if not user.can_write:
        raise HTTPException(status_code=403, detail=f"{user.name} is a viewer; writing needs the editor role")
    await check_csrf(request)
    return user
