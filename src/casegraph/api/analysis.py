"""Analysis endpoints: thin wrappers over ``casegraph.services.analysis`` in its documented shapes
(docs/analysis.md). Handlers only parse the query and page the result; the analysis is the service's."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse, PlainTextResponse, Response

from casegraph.api.deps import get_case
from casegraph.api.models import (
    ChainStep,
    ContradictionOut,
    DesignationOut,
    Loose,
    NetworkOut,
    Page,
    PathsOut,
    TimelineItem,
)
from casegraph.api.security import CSP_DOSSIER
from casegraph.services import analysis
from casegraph.services.case import Case

router = APIRouter(prefix="/api", tags=["analysis"])
CaseDep = Annotated[Case, Depends(get_case)]
Name = Annotated[str, Query(min_length=1, max_length=300, description="a name (either script) or an id")]
OptName = Annotated[str | None, Query(max_length=300)]
Date = Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]


def page(items: list[Any], offset: int, limit: int) -> dict[str, Any]:
    return {"total": len(items), "offset": offset, "limit": limit, "items": items[offset:offset + limit]}


@router.get("/timeline", response_model=Page[TimelineItem])
def timeline(case: CaseDep, entity: OptName = None, date_from: Annotated[Date, Query(alias="from")] = None,
             date_to: Annotated[Date, Query(alias="to")] = None, offset: Annotated[int, Query(ge=0)] = 0,
             limit: Annotated[int, Query(ge=1, le=5000)] = 1000) -> dict[str, Any]:
    """Dated events, payments, designations, relations and quotes in order; partial dates stay partial."""
    return page(analysis.timeline(case, entity, date_from, date_to), offset, limit)


@router.get("/money", response_model=Loose)
def money(case: CaseDep, entity: OptName = None) -> dict[str, Any]:
    """Payer → beneficiary flows per currency (never summed across currencies), with sources."""
    return analysis.money(case, entity)


@router.get("/paths", response_model=PathsOut)
def paths(case: CaseDep, a: Name, b: Name, max_hops: Annotated[int, Query(ge=1, le=8)] = 4) -> dict[str, Any]:
    """The shortest connections between two parties, each edge with its source span."""
    return analysis.paths(case, a, b, max_hops)


@router.get("/network", response_model=NetworkOut)
def network(case: CaseDep, name: Name, hops: Annotated[int, Query(ge=0, le=4)] = 2) -> dict[str, Any]:
    """The ego network of a party (nodes within ``hops``, edges with sources)."""
    return analysis.network(case, name, hops)


@router.get("/contradictions", response_model=list[ContradictionOut])
def contradictions(case: CaseDep) -> list[dict[str, Any]]:
    return analysis.contradictions(case)


@router.get("/chain", response_model=list[ChainStep])
def chain(case: CaseDep, entity: Name) -> list[dict[str, Any]]:
    """How an entity came to be designated: the ordered acts with actor, target, date and source."""
    return analysis.chain(case, entity)


@router.get("/designations", response_model=list[DesignationOut])
def designations(case: CaseDep) -> list[dict[str, Any]]:
    return analysis.designations(case)


@router.get("/dossier", response_class=Response,
            responses={200: {"content": {"text/html": {}, "text/markdown": {}}}})
def dossier(case: CaseDep, name: Name, format: Literal["html", "md"] = "html") -> Response:
    """The sourced profile of a party as the analysis service renders it (no scripts may run in it)."""
    body = analysis.profile(case, name, format)
    if format == "md":
        return PlainTextResponse(body, media_type="text/markdown; charset=utf-8")
    return HTMLResponse(body, headers={"Content-Security-Policy": CSP_DOSSIER})
