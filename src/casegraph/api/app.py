"""The app factory: one FastAPI app over one case, assembled from one router per area.

Everything cross-cutting happens here once: who is asking (``security.py``), the security headers on
every response, the body-size limit, and the mapping of casegraph's exception hierarchy to HTTP
statuses (``errors.py`` names each class's status; no handler picks one). No traceback ever reaches a
client: an unexpected error is logged and answered with one line.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from casegraph.api import analysis, auth, documents, entities, review
from casegraph.api.cache import ReadCache
from casegraph.api.security import CSP, HEADERS, LOOPBACK_HOSTS, SESSION_COOKIE, Security
from casegraph.api.uploads import MAX_UPLOAD_BYTES, BodyLimit
from casegraph.errors import AmbiguousName, CasegraphError
from casegraph.services.case import Case
from casegraph.services.users import User, get_user, user_for_token
from casegraph.web import STATIC_DIR, templates

log = logging.getLogger("casegraph.api")
WORKER_THREADS = 12  # SQLAlchemy's default pool: 5 connections + 10 overflow
PUBLIC_PATHS = ("/login", "/static/")  # the login form and its stylesheet; no case data
UPLOAD_PATHS = ("/api/documents", "/upload")


def create_app(case: Case | str | Path, *, require_auth: bool = False, secret: bytes | None = None,
               allowed_hosts: frozenset[str] | None = LOOPBACK_HOSTS, local_reviewer: str = "local",
               max_upload: int = MAX_UPLOAD_BYTES) -> FastAPI:
    """A workbench app over ``case`` (a Case or a case path). ``require_auth`` is on whenever the
    server listens beyond loopback; ``allowed_hosts`` (None: any) guards against DNS rebinding."""
    from casegraph.web import pages, pages_analysis

    owned = not isinstance(case, Case)
    the_case = Case.open(case) if not isinstance(case, Case) else case

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # fewer worker threads than pooled database connections, so a burst of requests queues for
        # a thread instead of timing out waiting for a connection
        anyio.to_thread.current_default_thread_limiter().total_tokens = WORKER_THREADS
        yield
        if owned:
            the_case.close()

    app = FastAPI(title="casegraph", version="0.1.0", lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="A sourced case graph: documents, canonical entities with every fact's source, "
                              "search, analysis and review. See docs/web.md.")
    app.state.case = the_case
    app.state.max_upload = max_upload
    app.state.cache = ReadCache(the_case)
    app.state.security = Security(secret or secrets.token_bytes(32), require_auth, local_reviewer, allowed_hosts)
    for router in (documents.router, entities.router, analysis.router, review.router, auth.router,
                   pages.router, pages_analysis.router):
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    _install_errors(app)
    app.middleware("http")(_guard)
    app.add_middleware(BodyLimit, upload_paths=UPLOAD_PATHS, upload_limit=max_upload)
    return app


SETTINGS_ENV = "CASEGRAPH_WEB_SETTINGS"


def app_from_settings(settings: dict[str, Any]) -> FastAPI:
    """The app ``casegraph serve`` describes in plain settings (so worker processes can rebuild it)."""
    hosts = settings.get("allowed_hosts")
    return create_app(settings["case"], require_auth=bool(settings["require_auth"]),
                      secret=bytes.fromhex(settings["secret"]), local_reviewer=settings["local_reviewer"],
                      allowed_hosts=frozenset(hosts) if hosts is not None else None,
                      max_upload=int(settings["max_upload"]))


def app_from_env() -> FastAPI:
    """Factory for uvicorn's worker processes: the settings come from ``CASEGRAPH_WEB_SETTINGS``."""
    return app_from_settings(json.loads(os.environ[SETTINGS_ENV]))


def _principal(request: Request) -> tuple[User | None, str | None]:
    """(user, how they proved it): an API token, a session cookie, or the loopback local reviewer."""
    sec: Security = request.app.state.security
    case: Case = request.app.state.case
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        user = user_for_token(case, header[7:].strip())
        return (user, "token") if user else (None, "bad-token")
    name = sec.session_user(request.cookies.get(SESSION_COOKIE))
    if name:
        try:
            return get_user(case, name), "session"
        except CasegraphError:
            return None, None
    if not sec.require_auth:
        return User(sec.local_reviewer, "editor"), "local"
    return None, None


async def _guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    sec: Security = request.app.state.security
    path = request.url.path
    if not sec.host_allowed(request.headers.get("host")):
        return _secure(JSONResponse({"detail": "unexpected Host header", "error": "BadHost"}, status_code=400))
    if sec.require_auth or "authorization" in request.headers or SESSION_COOKIE in request.cookies:
        user, via = await run_in_threadpool(_principal, request)  # a database lookup
    else:
        user, via = User(sec.local_reviewer, "editor"), "local"
    request.state.user, request.state.via = user, via
    if user is None and not path.startswith(PUBLIC_PATHS):
        if via == "bad-token" or _wants_json(request):
            return _secure(JSONResponse({"detail": "authentication required", "error": "Unauthorized"},
                                        status_code=401, headers={"WWW-Authenticate": "Bearer"}))
        return _secure(RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303))
    return _secure(await call_next(request))


def _secure(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", CSP)
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if response.media_type is None or "html" in (response.media_type or "") or response.status_code >= 400:
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path == "/openapi.json"


def _error(request: Request, status: int, message: str, kind: str, extra: dict[str, Any] | None = None) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": message, "error": kind, **(extra or {})}, status_code=status)
    return templates.TemplateResponse(request, "error.html", {"status": status, "message": message,
                                                               "user": getattr(request.state, "user", None),
                                                               "csrf": ""}, status_code=status)


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(CasegraphError)
    async def casegraph_error(request: Request, exc: CasegraphError) -> Response:
        extra = None
        if isinstance(exc, AmbiguousName):
            extra = {"candidates": [{"id": i, "caption": c, "schema": s} for i, c, s in exc.candidates[:20]]}
        return _error(request, exc.http_status, str(exc), type(exc).__name__, extra)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail), "HTTPError")

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors())
        return _error(request, 422, problems[:500] or "invalid request", "ValidationError")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return _error(request, 500, "internal error (logged on the server)", "InternalError")


__all__ = ["create_app"]
