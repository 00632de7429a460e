"""Server-rendered pages over the case: overview, search, documents and the reader, entities, upload,
review queue. Each page calls the same views and services as its JSON endpoint; the page scripts in
``static/`` only add interaction (selection, review buttons, keyboard), and talk to the JSON API."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from casegraph.api.cache import ReadCache, changed
from casegraph.api.deps import get_cache, get_case
from casegraph.api.security import CSP_DOSSIER, editor, security_of
from casegraph.api.uploads import ingest_uploads
from casegraph.api.views import captions, document_detail, entity_detail, facts_by_property, overview, segments
from casegraph.services import analysis
from casegraph.services import search as search_service
from casegraph.services.annotate import RELATION_SCHEMATA
from casegraph.services.case import Case
from casegraph.services.queue import review_queue
from casegraph.services.users import User
from casegraph.web import templates

router = APIRouter(include_in_schema=False)
CaseDep = Annotated[Case, Depends(get_case)]
CacheDep = Annotated[ReadCache, Depends(get_cache)]
PAGE = 50
MAX_CHOICES = 1000  # suggestions in a name box; typing any other name or id still works


def party_choices(case: Case) -> list[tuple[str, str]]:
    """(caption, id) of the parties a reviewer may name in a form, for the browser's suggestions."""
    parties = sorted((e.caption, str(e.id)) for e in case.entities() if e.schema.is_a("LegalEntity"))
    return parties[:MAX_CHOICES]


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> Response:
    """A page with what every template needs: the user, the CSRF token for its scripts, the nav."""
    return templates.TemplateResponse(request, name, {
        "user": getattr(request.state, "user", None), "csrf": security_of(request).csrf_token(request),
        "require_auth": security_of(request).require_auth, **context}, status_code=status_code)


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request, case: CaseDep, cache: CacheDep) -> Response:
    def build() -> tuple[dict[str, Any], Any]:
        total, queue = review_queue(case, limit=8)
        return overview(case, total), queue

    view, queue = cache.get(("overview",), build)
    return render(request, "overview.html", view=view, queue=queue)


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, case: CaseDep, cache: CacheDep, q: Annotated[str, Query(max_length=300)] = "",
                schema: Annotated[str, Query(max_length=64)] = "",
                date_from: Annotated[str, Query(alias="from", pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?)?$")] = "",
                date_to: Annotated[str, Query(alias="to", pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?)?$")] = "",
                offset: Annotated[int, Query(ge=0)] = 0) -> Response:
    hits = search_service.search(case, q, schema=schema or None, date_from=date_from or None,
                                 date_to=date_to or None, limit=PAGE, offset=offset) if q.strip() else None
    schemata = cache.get(("schemata",), lambda: sorted({e.schema.name for e in case.entities()}))
    return render(request, "search.html", q=q, schema=schema, date_from=date_from, date_to=date_to, hits=hits,
                  schemata=schemata, offset=offset, page=PAGE)


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, case: CaseDep, offset: Annotated[int, Query(ge=0)] = 0) -> Response:
    documents = case.documents()
    return render(request, "documents.html", documents=documents[offset:offset + PAGE], total=len(documents),
                  offset=offset, page=PAGE)


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def reader_page(request: Request, case: CaseDep, cache: CacheDep, document_id: str,
                start: Annotated[int | None, Query(ge=0)] = None,
                end: Annotated[int | None, Query(ge=0)] = None) -> Response:
    """The text with every span highlighted; ``start``/``end`` mark the span a fact cites."""
    detail = cache.get(("document", document_id), lambda: document_detail(case, document_id))
    focus = (start, end) if start is not None and end is not None and start < end else None
    names = cache.get(("captions",), lambda: captions(case))
    entity_ids = sorted({h["entity"] for h in detail["highlights"] if h.get("entity") and h["kind"] == "mention"},
                        key=lambda e: names.get(e, e))
    article = cache.get(("article", detail["id"], focus), lambda: Markup(templates.get_template("_article.html").render(
        doc=detail, segments=segments(detail["text"], detail["highlights"], focus))))
    return render(request, "document.html", doc=detail, article=article,
                  entities=[(e, names.get(e, e)) for e in entity_ids], relation_schemata=RELATION_SCHEMATA)


@router.get("/entities/{name_or_id}", response_class=HTMLResponse)
def entity_page(request: Request, case: CaseDep, cache: CacheDep, name_or_id: str) -> Response:
    detail = cache.get(("entity", name_or_id), lambda: entity_detail(case, name_or_id))
    if detail["id"] != name_or_id:
        return RedirectResponse(f"/entities/{detail['id']}", status_code=303)
    return render(request, "entity.html", e=detail, groups=facts_by_property(detail),
                  names=cache.get(("captions",), lambda: captions(case)),
                  choices=cache.get(("parties",), lambda: party_choices(case)))


@router.get("/entities/{name_or_id}/dossier", response_class=HTMLResponse)
def dossier_page(case: CaseDep, name_or_id: str) -> Response:
    """The analysis service's sourced profile, as exported (its own styles; scripts cannot run)."""
    return HTMLResponse(analysis.profile(case, name_or_id, "html"), headers={"Content-Security-Policy": CSP_DOSSIER})


@router.get("/review", response_class=HTMLResponse)
def review_page(request: Request, case: CaseDep, cache: CacheDep, offset: Annotated[int, Query(ge=0)] = 0
                ) -> Response:
    total, entries = cache.get(("queue", PAGE, offset), lambda: review_queue(case, limit=PAGE, offset=offset))
    return render(request, "review.html", entries=entries, total=total, offset=offset, page=PAGE)


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request) -> Response:
    return render(request, "upload.html", results=None)


@router.post("/upload", response_class=HTMLResponse)
async def upload_form(request: Request, user: Annotated[User, Depends(editor)], files: list[UploadFile]) -> Response:
    """The form version of ``POST /api/documents`` (same checks, same service)."""
    from starlette.concurrency import run_in_threadpool

    from casegraph.api.documents import read_upload

    limit = request.app.state.max_upload
    payload = [(f.filename, await read_upload(f, limit)) for f in files]
    results = await run_in_threadpool(ingest_uploads, request.app.state.case, payload)
    changed(request)
    return render(request, "upload.html", results=results)
