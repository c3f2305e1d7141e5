"""A zone's page (``/zone/{key}``) and its firms page by page (``/api/zones/{key}/firms``).

A zone of a province-scale registry holds thousands of firms: the page shows the largest by default
and pages through the rest, sorted and filtered as the reader asks, so it never grows with the
registry.  Both routes read :func:`zone_firms`; the page adds :func:`zone_view`'s detail.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Path, Query, Response
from fastapi.responses import HTMLResponse
from neo4j import Driver
from pydantic import BaseModel, Field

from clusterkg.errors import NotFoundError
from clusterkg.graph.model import Label
from clusterkg.queries import QueryRegistry
from clusterkg.queries.run import run_named
from clusterkg.settings import Settings

from .deps import DriverDep, RegistryDep, SettingsDep
from .map_embed import templates
from .pages import CSS, HTML_PAGE, href
from .provenance import sources

router = APIRouter()

Sort = Literal["revenue", "name", "segment"]
SORT_ZH = {"revenue": "营业收入", "name": "名称", "segment": "产业链环节"}
PAGE_SIZE = 50
ZoneKey = Annotated[
    str, Path(min_length=1, max_length=200, description="the zone's key", examples=["荥阳市产业集聚区"])
]
SortQuery = Annotated[Sort, Query(description="revenue (largest first), name, or segment then revenue")]
SegmentQuery = Annotated[str, Query(max_length=200, description="only firms of this ChainSegment key; empty for all")]


class SegmentRef(BaseModel):
    key: str
    name: str


class ZoneFirm(BaseModel):
    key: str
    name: str
    href: str
    revenue_wan: float | None = Field(description="营业收入, 万元")
    chain_leader: bool
    segments: list[SegmentRef]


class ZoneFirms(BaseModel):
    zone: str
    sort: Sort
    segment: str
    page: int = Field(description="1 for the first page")
    size: int
    total: int = Field(description="firms that pass the filter, on every page")
    pages: int
    firms: list[ZoneFirm]


def zone_firms(
    driver: Driver,
    settings: Settings,
    registry: QueryRegistry,
    key: str,
    sort: Sort = "revenue",
    segment: str = "",
    page: int = 1,
    size: int = PAGE_SIZE,
) -> ZoneFirms:
    """One page of the zone's firms; the zone must exist (checked by the caller or by :func:`zone_view`)."""
    params = {"key": key, "sort": sort, "segment": segment, "skip": (page - 1) * size, "limit": size}
    rows = run_named(driver, settings, "zone_firms", params, registry=registry)
    total = int(rows[0]["total"]) if rows else 0
    if not rows and page > 1:
        # past the last page: say how many there are
        first = run_named(driver, settings, "zone_firms", {**params, "skip": 0, "limit": 1}, registry=registry)
        total = int(first[0]["total"]) if first else 0
    return ZoneFirms(
        zone=key,
        sort=sort,
        segment=segment,
        page=page,
        size=size,
        total=total,
        pages=max(1, -(-total // size)),
        firms=[
            ZoneFirm(
                key=r["key"],
                name=r["name"] or r["key"],
                href=href("Enterprise", r["key"]),
                revenue_wan=r["revenue_wan"],
                chain_leader=r["chain_leader"],
                segments=[SegmentRef(**s) for s in r["segments"]],
            )
            for r in rows
        ],
    )


def _zone_row(driver: Driver, settings: Settings, registry: QueryRegistry, key: str) -> dict[str, Any] | None:
    """The zone's detail without its firms (the firm list is :func:`zone_firms`'), or None."""
    rows = run_named(driver, settings, "zone_detail", {"key": key, "firm_limit": 0, "limit": 1}, registry=registry)
    return rows[0] if rows else None


def zone_view(
    driver: Driver, settings: Settings, registry: QueryRegistry, key: str, sort: Sort, segment: str, page: int
) -> tuple[dict[str, Any], ZoneFirms]:
    row = _zone_row(driver, settings, registry, key)
    if row is None:
        raise NotFoundError(f"没有键为 {key} 的产业集聚区")
    return row, zone_firms(driver, settings, registry, key, sort, segment, page)


@router.get("/api/zones/{key}/firms", response_model=ZoneFirms, tags=["zones"])
def zone_firms_json(
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    key: ZoneKey,
    sort: SortQuery = "revenue",
    segment: SegmentQuery = "",
    page: Annotated[int, Query(ge=1, le=20000, description="page number, from 1")] = 1,
    size: Annotated[int, Query(ge=1, le=200, description="firms per page")] = PAGE_SIZE,
) -> ZoneFirms:
    """The firms sited in a zone, a page at a time, sorted by revenue, name or segment, optionally of one segment."""
    if _zone_row(driver, settings, registry, key) is None:
        raise NotFoundError(f"no zone with key {key[:200]!r}")
    return zone_firms(driver, settings, registry, key, sort, segment, page, size)


@router.get("/zone/{key}", response_class=Response, responses=HTML_PAGE, tags=["pages"])
def zone_page(
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    key: ZoneKey,
    sort: SortQuery = "revenue",
    segment: SegmentQuery = "",
    page: Annotated[int, Query(ge=1, le=20000, description="page of the firm list, from 1")] = 1,
) -> HTMLResponse:
    """One zone: its places, the clusters it serves, its firms a page at a time (sortable, by segment), projects, graph."""
    z, firms = zone_view(driver, settings, registry, key, sort, segment, page)

    def url(**change: Any) -> str:
        q = {"sort": sort, "segment": segment, "page": page, **change}
        return href("Zone", key) + "?" + urlencode({k: v for k, v in q.items() if v not in ("", None)})

    html = (
        templates()
        .get_template("zone.html.j2")
        .render(
            title=z["name"],
            css=CSS,
            z=z,
            firms=firms,
            sorts=SORT_ZH,
            url=url,
            place_href=lambda p: href(p["label"], p["key"]),
            cluster_href=lambda c: href("Cluster", c["key"]),
            project_href=lambda p: href("Project", p["key"]),
            graph_src=f"/viz/Zone/{quote(key, safe='')}?hops=1",
            rows=sources(driver, settings, Label.ZONE, key),
            crumbs=[{"href": "/", "name": "首页"}]
            + [{"href": href(p["label"], p["key"]), "name": p["name"]} for p in z["places"][:1]],
        )
    )
    return HTMLResponse(html)
