"""Documents: list, read (text with every highlighted span), upload-and-ingest, export the case."""

from __future__ import annotations

import json
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request, UploadFile
from fastapi.responses import Response

from casegraph.api.cache import ReadCache, changed
from casegraph.api.deps import get_cache, get_case
from casegraph.api.models import DocumentDetail, DocumentSummary, IngestItemOut, Page
from casegraph.api.security import editor
from casegraph.api.uploads import MAX_UPLOAD_BYTES, TooLarge, ingest_uploads
from casegraph.api.views import document_detail
from casegraph.services.case import Case
from casegraph.services.users import User

router = APIRouter(prefix="/api", tags=["documents"])
CaseDep = Annotated[Case, Depends(get_case)]
CacheDep = Annotated[ReadCache, Depends(get_cache)]
Offset = Annotated[int, Query(ge=0)]
Limit = Annotated[int, Query(ge=1, le=500)]


@router.get("/documents", response_model=Page[DocumentSummary])
def list_documents(case: CaseDep, offset: Offset = 0, limit: Limit = 50) -> dict[str, object]:
    documents = case.documents()
    return {"total": len(documents), "offset": offset, "limit": limit,
            "items": [d.to_dict() for d in documents[offset:offset + limit]]}


@router.get("/documents/{document_id}", response_model=DocumentDetail)
def get_document(case: CaseDep, cache: CacheDep, document_id: str) -> dict[str, object]:
    """The stored text exactly as every offset refers to it, and every span found in it."""
    return cache.get(("document", document_id), lambda: document_detail(case, document_id))


async def read_upload(upload: UploadFile, limit: int) -> bytes:
    data = await upload.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(f"{upload.filename}: over the upload limit of {limit // 2**20} MB")
    return data


@router.post("/documents", response_model=list[IngestItemOut], status_code=201)
async def upload_documents(request: Request, files: list[UploadFile],
                           user: Annotated[User, Depends(editor)]) -> list[dict[str, object]]:
    """Upload files (multipart ``files``); each is type-checked, ingested and extracted like the CLI's."""
    from starlette.concurrency import run_in_threadpool

    limit = getattr(request.app.state, "max_upload", MAX_UPLOAD_BYTES)
    payload = [(f.filename, await read_upload(f, limit)) for f in files]
    case: Case = request.app.state.case
    results = await run_in_threadpool(ingest_uploads, case, payload)
    changed(request)
    return [{"name": r.name, "status": r.status, "document": r.document, "reason": r.reason, "notes": r.notes}
            for r in results]


@router.get("/export", responses={200: {"content": {"application/json": {}, "application/x-ndjson": {}}}})
def export(case: CaseDep, format: Literal["json", "ftm"] = "json") -> Response:
    """The case bundle (``json``, docs/case-bundle.md) or FtM entities as JSON lines (``ftm``)."""
    from casegraph.export.ftm import ftm_lines

    if format == "ftm":
        body = "".join(line + "\n" for line in ftm_lines(case.entities()))
        return Response(body, media_type="application/x-ndjson",
                        headers={"Content-Disposition": 'attachment; filename="case.ftm.json"'})
    return Response(json.dumps(case.bundle(), ensure_ascii=False), media_type="application/json",
                    headers={"Content-Disposition": 'attachment; filename="case-bundle.json"'})
