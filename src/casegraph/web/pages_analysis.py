"""Analysis pages: graph explorer and timeline (drawn by their scripts from the JSON API), money,
contradictions and designations (rendered here from ``casegraph.services.analysis``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from casegraph.api.deps import get_case
from casegraph.api.views import captions
from casegraph.services import analysis
from casegraph.services.case import Case
from casegraph.web.pages import CacheDep, party_choices, render

router = APIRouter(include_in_schema=False)
CaseDep = Annotated[Case, Depends(get_case)]
Name = Annotated[str, Query(max_length=300)]


@router.get("/graph", response_class=HTMLResponse)
def graph_page(request: Request, case: CaseDep, cache: CacheDep, center: Name = "", a: Name = "",
               b: Name = "") -> Response:
    """Expand a node, find a path between two parties, filter by edge type, click an edge for its source."""
    parties = cache.get(("parties",), lambda: party_choices(case))
    return render(request, "graph.html", center=center, a=a, b=b, parties=parties)


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, entity: Name = "") -> Response:
    return render(request, "timeline.html", entity=entity)


@router.get("/money", response_class=HTMLResponse)
def money_page(request: Request, case: CaseDep, entity: Name = "") -> Response:
    return render(request, "money.html", money=analysis.money(case, entity or None), entity=entity)


@router.get("/contradictions", response_class=HTMLResponse)
def contradictions_page(request: Request, case: CaseDep) -> Response:
    return render(request, "contradictions.html", items=analysis.contradictions(case), names=captions(case))


@router.get("/chain", response_class=HTMLResponse)
def chain_page(request: Request, case: CaseDep, entity: Name) -> Response:
    """How an entity came to be designated: the acts in date order, each with its source."""
    target = case.find_entity_id(entity)
    return render(request, "chain.html", steps=analysis.chain(case, target), entity=target, names=captions(case))


@router.get("/designations", response_class=HTMLResponse)
def designations_page(request: Request, case: CaseDep) -> Response:
    return render(request, "designations.html", items=analysis.designations(case), names=captions(case))
