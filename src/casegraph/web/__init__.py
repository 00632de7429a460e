"""The web workbench's templates and static files (served from the package, nothing from a CDN).

Templates autoescape every value: document text, names and notes are hostile and reach the page only
as text. Scripts live in ``static/`` and are loaded by URL, since the CSP forbids inline script.
"""

from __future__ import annotations

from pathlib import Path

from fastapi.templating import Jinja2Templates
from jinja2 import ChainableUndefined, Environment, FileSystemLoader

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"
TEMPLATE_DIR = HERE / "templates"

environment = Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=True, undefined=ChainableUndefined,
                          trim_blocks=True, lstrip_blocks=True)


def http_url(value: str | None) -> str | None:
    """A link target only when it is plainly http(s): a document's ``javascript:`` or ``data:`` URL
    is shown as text, never made clickable."""
    text = (value or "").strip()
    return text if text.lower().startswith(("http://", "https://")) and not any(c in text for c in "\n\r\t") \
        else None


environment.filters["http_url"] = http_url
templates = Jinja2Templates(env=environment)

__all__ = ["STATIC_DIR", "TEMPLATE_DIR", "templates"]
