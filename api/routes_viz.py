"""Graph pages: a node's neighbourhood drawn by vis-network, loading nothing from outside."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import HTMLResponse

from clusterkg.graph.render import render_html
from clusterkg.graph.model import parse_label
from clusterkg.graph.subgraph import neighbourhood

from .deps import DriverDep, SettingsDep

router = APIRouter()


@router.get("/viz/{label}/{key}", response_class=HTMLResponse, tags=["pages"])
def viz(
    driver: DriverDep,
    settings: SettingsDep,
    label: Annotated[str, Path(max_length=40, description="a model label, any case, e.g. cluster")],
    key: Annotated[str, Path(max_length=200, description="the node's key")],
    hops: Annotated[int, Query(description="how far to walk, 1 to 3")] = 1,
    cap: Annotated[int, Query(description="most nodes to draw, nearest first, up to 2000")] = 300,
) -> HTMLResponse:
    """An interactive page of the nodes within `hops` of (label, key); double-click a node to re-centre."""
    G = neighbourhood(driver, settings, parse_label(label), key, hops=hops, cap=cap)
    return HTMLResponse(render_html(G, link_hops=hops))
