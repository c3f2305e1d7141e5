"""Map routes: /map (interactive), /map.svg (printable) and /api/map/features (GeoJSON), one view behind all three."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Response
from fastapi.responses import HTMLResponse, JSONResponse
from neo4j import Driver

from clusterkg.loaders.boundaries import province_map
from clusterkg.queries import QueryRegistry
from clusterkg.queries.run import run_named
from clusterkg.settings import Settings

from .deps import DriverDep, RegistryDep, SettingsDep
from .map_embed import templates
from .maps import (
    EMPTY,
    LEVEL_ZH,
    METRICS,
    MapView,
    build_map,
    feature_collection,
    map_provinces,
    zone_points,
)
from .pages import CSS, level_size

router = APIRouter()

LevelParam = Annotated[
    Literal["city", "county"], Query(description="areas drawn: prefecture level (city) or county level (county)")
]
MetricParam = Annotated[
    Literal["clusters", "zones", "targets", "firms", "segment", "cluster"],
    Query(
        description="the figure per area: clusters, zones, targets (sum of cluster targets, 亿元), firms "
        "(registry firms located there), segment (firms of `segment`; outside `cluster` if given), "
        "cluster (where `cluster` is)"
    ),
]
ProvinceParam = Annotated[
    str | None,
    Query(
        pattern=r"^[0-9]{6}$",
        description="a province code; default: the province of most loaded places",
        examples=["410000"],
    ),
]
ClusterLevelParam = Annotated[
    str, Query(max_length=20, description="with metric=clusters: only clusters of this level, e.g. 千亿级")
]
SegmentParam = Annotated[
    str,
    Query(
        max_length=200,
        pattern=r"^$|^[a-z0-9-]+/[a-z0-9-]+$",
        description="a ChainSegment key, chain/segment (metric=segment)",
    ),
]
SectorParam = Annotated[
    str,
    Query(max_length=40, description="with metric=clusters or targets: only clusters of this sector, e.g. 装备制造"),
]
ClusterParam = Annotated[
    str, Query(max_length=200, description="a cluster key (metric=cluster, or segment candidates outside it)")
]

SVG_MEDIA = "image/svg+xml; charset=utf-8"


def render_svg(view: MapView, *, standalone: bool = True, links: bool = True, uid: str = "m") -> str:
    """The view as SVG: with the namespace for a file of its own, without it inline in HTML."""
    return (
        templates().get_template("map.svg.j2").render(v=view, standalone=standalone, links=links, uid=uid, empty=EMPTY)
    )


@dataclass(frozen=True, slots=True)
class MapQuery:
    province: str | None
    level: Literal["city", "county"]
    metric: str
    cluster_level: str
    segment: str
    cluster: str
    sector: str = ""

    def view(self, driver: Driver, settings: Settings, registry: QueryRegistry) -> MapView:
        return build_map(
            driver,
            settings,
            registry,
            province=self.province,
            level=self.level,
            metric=self.metric,
            cluster_level=self.cluster_level,
            segment=self.segment,
            cluster=self.cluster,
            sector=self.sector,
        )

    def params(self, **override: str) -> str:
        raw = {
            "province": self.province or "",
            "level": self.level,
            "metric": self.metric,
            "cluster_level": self.cluster_level,
            "segment": self.segment,
            "cluster": self.cluster,
            "sector": self.sector,
            **override,
        }
        return urlencode({k: v for k, v in raw.items() if v})


def map_query(
    province: ProvinceParam = None,
    level: LevelParam = "county",
    metric: MetricParam = "clusters",
    cluster_level: ClusterLevelParam = "",
    segment: SegmentParam = "",
    cluster: ClusterParam = "",
    sector: SectorParam = "",
) -> MapQuery:
    """The query parameters every map route takes, as one value."""
    return MapQuery(province, level, metric, cluster_level, segment, cluster, sector)


MapQueryDep = Annotated[MapQuery, Depends(map_query)]


@router.get("/map.svg", tags=["maps"], response_class=Response, responses={200: {"content": {"image/svg+xml": {}}}})
def map_svg(
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    q: MapQueryDep,
) -> Response:
    """A printable map of the province (示意图): each area a path with data-code, legend and data source."""
    view = q.view(driver, settings, registry)
    return Response(render_svg(view), media_type=SVG_MEDIA)


@router.get("/api/map/features", tags=["maps"], responses={200: {"content": {"application/geo+json": {}}}})
def map_features(
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    q: MapQueryDep,
) -> JSONResponse:
    """The map's areas as GeoJSON (lon/lat): properties code, name, metric (the figure), fill and page."""
    view = q.view(driver, settings, registry)
    return JSONResponse(feature_collection(view), media_type="application/geo+json")


@router.get("/map", tags=["pages"], response_class=Response, responses={200: {"content": {"text/html": {}}}})
def map_page(
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    q: MapQueryDep,
) -> HTMLResponse:
    """The province on a map: city or county areas shaded by a metric; hover for the figure, click for the page."""
    view = q.view(driver, settings, registry)
    segments = run_named(driver, settings, "chain_segments", {"limit": 2000}, registry=registry)
    clusters = run_named(driver, settings, "clusters_list", {"level": "", "limit": 1000}, registry=registry)
    levels = {c["level"] for c in clusters if c.get("level")}
    sectors = sorted({c["sector"] for c in clusters if c.get("sector")})
    provinces = [{"code": c, "name": province_map(c).name} for c in map_provinces(driver, settings, registry)]
    html = (
        templates()
        .get_template("map.html.j2")
        .render(
            title=view.title,
            css=CSS,
            v=view,
            empty=EMPTY,
            levels=LEVEL_ZH,
            metrics=METRICS,
            provinces=provinces,
            cluster_levels=sorted(levels, key=lambda lv: (-level_size(lv), lv)),
            cluster_level=q.cluster_level,
            segments=segments,
            segment=q.segment,
            sectors=sectors,
            sector=q.sector,
            svg_href="/map.svg?" + q.params(),
            geojson_href="/api/map/features?" + q.params(),
            data={"features": feature_collection(view), "zones": zone_points(view)},
        )
    )
    return HTMLResponse(html)
