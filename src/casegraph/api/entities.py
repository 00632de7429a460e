"""Entities (canonical, with every fact and its source span) and full-text search."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from casegraph.api.cache import ReadCache
from casegraph.api.deps import get_cache, get_case
from casegraph.api.models import EntityDetail, EntitySummary, Page, SearchOut
from casegraph.api.views import entity_detail, entity_summary
from casegraph.services import search as search_service
from casegraph.services.case import Case

router = APIRouter(prefix="/api", tags=["entities"])
CaseDep = Annotated[Case, Depends(get_case)]
CacheDep = Annotated[ReadCache, Depends(get_cache)]
Offset = Annotated[int, Query(ge=0)]
Limit = Annotated[int, Query(ge=1, le=500)]


@router.get("/entities", response_model=Page[EntitySummary])
def list_entities(case: CaseDep, cache: CacheDep, schema: Annotated[str | None, Query(max_length=64)] = None,
                  offset: Offset = 0, limit: Limit = 50) -> dict[str, object]:
    """Canonical entities, optionally of one FtM schema (descendants included)."""
    entities = cache.get(("entities", schema), lambda: [entity_summary(e) for e in case.entities(schema)])
    return {"total": len(entities), "offset": offset, "limit": limit, "items": entities[offset:offset + limit]}


@router.get("/entities/{name_or_id}", response_model=EntityDetail)
def get_entity(case: CaseDep, cache: CacheDep, name_or_id: str) -> dict[str, object]:
    """One entity by id, id prefix or name (either script); each fact with its source sentence."""
    return cache.get(("entity", name_or_id), lambda: entity_detail(case, name_or_id))


@router.get("/search", response_model=SearchOut)
def search(case: CaseDep, q: Annotated[str, Query(min_length=1, max_length=300)],
           schema: Annotated[str | None, Query(max_length=64)] = None,
           date_from: Annotated[str | None, Query(alias="from", pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
           date_to: Annotated[str | None, Query(alias="to", pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
           offset: Offset = 0, limit: Annotated[int, Query(ge=1, le=100)] = 20) -> dict[str, object]:
    """Documents and entities matching every word, in either script ("Ionov" finds "Ионов")."""
    hits = search_service.search(case, q, schema=schema, date_from=date_from, date_to=date_to,
                                 limit=limit, offset=offset)
    return {"query": hits.query,
            "documents": {"total": hits.documents_total, "items": hits.documents},
            "entities": {"total": hits.entities_total, "items": hits.entities}}
