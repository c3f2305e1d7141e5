"""The chain diagram (page and SVG) and the Word briefing of a cluster."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Path
from fastapi.responses import HTMLResponse, Response
from neo4j import Driver

from clusterkg.errors import NotFoundError
from clusterkg.queries.registry import QueryRegistry
from clusterkg.queries.run import run_named
from clusterkg.settings import Settings

from .chain_diagram import FLAG_COLOURS, ChainView, chain_view, render_chain_svg
from .deps import DriverDep, RegistryDep, SettingsDep
from .gaps_view import DEFAULT_WEAK_REVENUE_WAN, cluster_gap_report
from .map_embed import templates
from .pages import CSS, not_found
from .routes_gaps import WeakRevenue

router = APIRouter()

ClusterKey = Annotated[str, Path(min_length=1, max_length=200, description="the cluster's key, its Chinese name")]
SVG_MEDIA = "image/svg+xml; charset=utf-8"
DOCX_MEDIA = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#: local firms listed per segment when a segment of the page is clicked
PAGE_FIRMS = 20


def chain_data(
    driver: Driver,
    settings: Settings,
    registry: QueryRegistry,
    key: str,
    weak_revenue_wan: float = DEFAULT_WEAK_REVENUE_WAN,
    firm_limit: int = 0,
) -> tuple[dict[str, Any], ChainView]:
    """The gap report and its diagram: two named queries whatever the number of segments."""
    report = cluster_gap_report(driver, settings, registry, key, weak_revenue_wan, firm_limit)
    links = run_named(driver, settings, "chain_links", {"key": key, "limit": 1}, registry=registry)
    return report, chain_view(report, links[0] if links else None)


@router.get(
    "/api/clusters/{key}/chain.svg",
    tags=["gaps"],
    response_class=Response,
    responses={200: {"content": {"image/svg+xml": {}}}},
)
def cluster_chain_svg(
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    key: ClusterKey,
    weak_revenue_wan: WeakRevenue = DEFAULT_WEAK_REVENUE_WAN,
) -> Response:
    """The cluster's 上中下游 chain diagram as SVG: segments coloured 强链/弱链/缺链, FEEDS arrows, cross-chain feeds."""
    _, view = chain_data(driver, settings, registry, key, weak_revenue_wan)
    return Response(render_chain_svg(view), media_type=SVG_MEDIA)


@router.get(
    "/cluster/{key}/chain", tags=["pages"], response_class=Response, responses={200: {"content": {"text/html": {}}}}
)
def cluster_chain_page(
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    key: ClusterKey,
    weak_revenue_wan: WeakRevenue = DEFAULT_WEAK_REVENUE_WAN,
) -> HTMLResponse:
    """The chain diagram page: click a segment for its local firms and candidates elsewhere."""
    try:
        report, view = chain_data(driver, settings, registry, key, weak_revenue_wan, PAGE_FIRMS)
    except NotFoundError:
        return not_found(f"没有键为 {key} 的产业集群")
    firms = {
        s["segment"]["key"]: {
            "name": s["segment"]["name"],
            "stage": s["segment"]["stage"],
            "flag": s["flag"],
            "firm_count": s["firm_count"],
            "firms": [
                {"key": f["key"], "name": f["name"], "revenue_wan": f["revenue_wan"], "chain_leader": f["chain_leader"]}
                for f in s["firms"]
            ],
        }
        for s in report["segments"]
    }
    html = (
        templates()
        .get_template("chain.html.j2")
        .render(
            title=f"{view.cluster_name} 上中下游产业链图",
            css=CSS,
            svg=render_chain_svg(view, standalone=False),
            view=view,
            segments=firms,
            colours=FLAG_COLOURS,
            weak_revenue_wan=report["weak_revenue_wan"],
            quoted_key=quote(view.cluster_key, safe=""),
        )
    )
    return HTMLResponse(html)


@router.get(
    "/api/clusters/{key}/report.docx",
    tags=["gaps"],
    response_class=Response,
    responses={200: {"content": {DOCX_MEDIA: {}}}},
)
def cluster_report_docx(
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    key: ClusterKey,
    weak_revenue_wan: WeakRevenue = DEFAULT_WEAK_REVENUE_WAN,
) -> Response:
    """A Word briefing of the cluster: overview, places and zones, chain diagram, gaps, 引进指导目录, sources."""
    from .briefing import cluster_briefing

    body = cluster_briefing(driver, settings, registry, key, weak_revenue_wan=weak_revenue_wan)
    return Response(
        body,
        media_type=DOCX_MEDIA,
        headers={
            "Content-Disposition": "attachment; filename=\"report.docx\"; filename*=UTF-8''" + quote(f"{key}-简报.docx")
        },
    )
