"""Graph pages: a node's neighbourhood drawn by vis-network, loading nothing from outside."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Response
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse

from clusterkg.graph.model import LABEL_PATTERN, parse_label
from clusterkg.graph.render import render_html
from clusterkg.graph.subgraph import neighbourhood, overlap_network

from .deps import DriverDep, SettingsDep

router = APIRouter()


@router.get("/viz/overlaps", tags=["pages"], response_class=Response, responses={200: {"content": {"text/html": {}}}})
def viz_overlaps(
    driver: DriverDep,
    settings: SettingsDep,
    min_clusters: Annotated[
        int,
        Query(
            ge=1,
            le=100,
            description="show zones serving at least this many clusters; 2 by default, the shared zones "
            "(1 draws every zone: a province's plan then opens as a hairball)",
        ),
    ] = 2,
) -> HTMLResponse:
    """The zone–cluster overlap network: by default the zones serving two or more clusters, and those clusters."""
    G = overlap_network(driver, settings, min_clusters=min_clusters)
    heading = "服务多个集群的产业集聚区" if min_clusters >= 2 else "产业集聚区与其承载的产业集群"
    return HTMLResponse(render_html(G, heading=f"{heading}（至少 {min_clusters} 个集群）", link_hops=1))


@router.get(
    "/viz/{label}/{key}", tags=["pages"], response_class=Response, responses={200: {"content": {"text/html": {}}}}
)
def viz(
    driver: DriverDep,
    settings: SettingsDep,
    label: Annotated[
        str, Path(max_length=40, pattern=LABEL_PATTERN, description="a model label, any case, e.g. cluster")
    ],
    key: Annotated[str, Path(max_length=200, description="the node's key")],
    hops: Annotated[int, Query(ge=1, le=3, description="how far to walk, 1 to 3")] = 1,
    cap: Annotated[int, Query(ge=1, le=2000, description="most nodes to draw, nearest first, up to 2000")] = 300,
) -> HTMLResponse:
    """An interactive page of the nodes within `hops` of (label, key); double-click a node to re-centre."""
    G = neighbourhood(driver, settings, parse_label(label), key, hops=hops, cap=cap)
    return HTMLResponse(render_html(G, link_hops=hops))


@router.get(
    "/api/neighbourhood/{label}/{key}",
    tags=["paths"],
    responses={200: {"content": {"application/json": {}, "application/graphml+xml": {}}}},
)
def neighbourhood_data(
    driver: DriverDep,
    settings: SettingsDep,
    label: Annotated[str, Path(max_length=40, pattern=LABEL_PATTERN, examples=["Cluster"])],
    key: Annotated[str, Path(max_length=200, examples=["漯河食品产业集群"])],
    hops: Annotated[int, Query(ge=1, le=3)] = 1,
    cap: Annotated[int, Query(ge=1, le=2000, description="most nodes, nearest first")] = 300,
    format: Annotated[Literal["json", "graphml"], Query()] = "json",
) -> Response:
    """The k-hop neighbourhood of an entity (node cap, nearest first) as JSON or GraphML for Gephi."""
    G = neighbourhood(driver, settings, parse_label(label), key, hops=hops, cap=cap)
    if format == "graphml":
        import networkx as nx

        return Response(
            "\n".join(nx.generate_graphml(G, encoding="utf-8")), media_type="application/graphml+xml; charset=utf-8"
        )
    nodes = [{"id": n, **attrs} for n, attrs in G.nodes(data=True)]
    edges = [{"from": a, "to": b, **attrs} for a, b, attrs in G.edges(data=True)]
    return JSONResponse(
        jsonable_encoder(
            {
                "root": G.graph.get("root"),
                "reachable": G.graph.get("reachable"),
                "complete": G.graph.get("complete"),
                "nodes": nodes,
                "relationships": edges,
            }
        )
    )
