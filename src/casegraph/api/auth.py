"""Signing in and out (the login form sets a signed session cookie) and ``/api/me``."""

from __future__ import annotations

import hmac
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from casegraph.api.deps import get_case
from casegraph.api.models import UserOut
from casegraph.api.security import SESSION_COOKIE, SESSION_SECONDS, check_csrf, current_user, security_of
from casegraph.services.case import Case
from casegraph.services.users import authenticate
from casegraph.web import templates

router = APIRouter(tags=["auth"])


def safe_next(target: str | None) -> str:
    """Only a path on this server: no ``//evil``, no scheme, no backslash tricks."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target or ":" in target:
        return "/"
    return target


@router.get("/login", response_class=HTMLResponse, include_in_schema=False)
def login_page(request: Request, next: str = "/", failed: bool = False) -> Response:
    return templates.TemplateResponse(request, "login.html", {
        "next": safe_next(next), "failed": failed, "csrf": security_of(request).login_csrf(), "user": None})


@router.post("/login", include_in_schema=False)
def login(request: Request, case: Annotated[Case, Depends(get_case)], name: Annotated[str, Form(max_length=64)],
          password: Annotated[str, Form(max_length=1024)], csrf_token: Annotated[str, Form()] = "",
          next: Annotated[str, Form()] = "/") -> Response:
    sec = security_of(request)
    if not hmac.compare_digest(csrf_token, sec.login_csrf()):
        return RedirectResponse("/login?failed=1", status_code=303)
    user = authenticate(case, name, password)
    if user is None:
        return RedirectResponse(f"/login?failed=1&next={quote(safe_next(next))}", status_code=303)
    response = RedirectResponse(safe_next(next), status_code=303)
    response.set_cookie(SESSION_COOKIE, sec.session_cookie(user), max_age=SESSION_SECONDS, httponly=True,
                        samesite="strict", secure=request.url.scheme == "https", path="/")
    return response


@router.post("/logout", include_in_schema=False)
async def logout(request: Request) -> Response:
    await check_csrf(request)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/api/me", response_model=UserOut, tags=["auth"])
def me(request: Request) -> dict[str, object]:
    """Who the server thinks you are, and the CSRF token a browser script must send with writes."""
    user = current_user(request)
    via = getattr(request.state, "via", "local")
    token = None if via == "token" else security_of(request).csrf_token(request)
    return {"name": user.name, "role": user.role, "via": via, "csrf_token": token}
