"""A zone's page (``/zone/{key}``) and its firms page by page (``/api/zones/{key}/firms``).

A zone of a province-scale registry holds thousands of firms: the page shows the largest by default
and pages through the rest, sorted and filtered as the reader asks, so it never grows with the
registry.  Both routes read :func:`zone_firms`; the page adds :func:`zone_view`'s detail.
"""

from __future__ import annotations

from collections.abc import Mapping
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


# Two ways to a page of a zone's firms by revenue: sort all T firms of the zone (zone_firms,
# about 5.5 µs a firm at 1,000,000 firms on 2 cores), or walk the registry's N firms in revenue
# index order keeping the zone's until the page ends (zone_firms_ranked, about 9 µs per firm
# walked, and (skip + size) · N / T firms walked).  The walk is cheaper while
# (skip + size) · N / T · 9 < T · 5.5, taken as (skip + size) · 2N ≤ T²: the first pages of a
# zone holding a large share of the registry.


def walk_is_cheaper(skip: int, size: int, zone_firms: int, all_firms: int) -> bool:
    """Whether the revenue-index walk beats sorting the zone for this page.

    >>> walk_is_cheaper(0, 50, 236_000, 1_000_000), walk_is_cheaper(200_000, 50, 236_000, 1_000_000)
    (True, False)
    >>> walk_is_cheaper(0, 50, 3_000, 1_000_000)
    False
    """
    return (skip + size) * 2 * all_firms <= zone_firms * zone_firms


def zone_firms(
    driver: Driver,
    settings: Settings,
    registry: QueryRegistry,
    zone: Mapping[str, Any],
    sort: Sort = "revenue",
    segment: str = "",
    page: int = 1,
    size: int = PAGE_SIZE,
) -> ZoneFirms:
    """One page of the firms of ``zone`` (a zone_detail row: key, firm_count, all_firms).

    One query in the usual case: the sort (zone_firms), or, for the first pages by revenue of a
    zone holding a large share of the registry, the revenue index's order (zone_firms_ranked).  Past the last
    firm with a revenue the index has no more rows, and the page is asked of the sort instead.
    """
    key = str(zone["key"])
    skip = (page - 1) * size
    params: dict[str, Any] = {"key": key, "sort": sort, "segment": segment, "skip": skip, "limit": size}
    rows: list[dict[str, Any]] = []
    total = int(zone["firm_count"])
    ranked = not segment and sort == "revenue" and walk_is_cheaper(skip, size, total, int(zone["all_firms"]))
    if ranked:
        only = {"key": key, "skip": skip, "limit": size}
        rows = run_named(driver, settings, "zone_firms_ranked", only, registry=registry)
    if not ranked or (len(rows) < size and skip + len(rows) < total):
        rows = run_named(driver, settings, "zone_firms", params, registry=registry)
        if rows:
            total = int(rows[0]["total"])
        elif segment:
            # an empty page of a segment: its count, from the first page
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


def zone_row(driver: Driver, settings: Settings, registry: QueryRegistry, key: str) -> dict[str, Any] | None:
    """The zone's detail without its firms (the firm list is :func:`zone_firms`'), or None."""
    rows = run_named(driver, settings, "zone_detail", {"key": key, "firm_limit": 0, "limit": 1}, registry=registry)
    return rows[0] if rows else None


def zone_view(
    driver: Driver, settings: Settings, registry: QueryRegistry, key: str, sort: Sort, segment: str, page: int
) -> tuple[dict[str, Any], ZoneFirms]:
    row = zone_row(driver, settings, registry, key)
    if row is None:
        raise NotFoundError(f"没有键为 {key} 的产业集聚区")
    return row, zone_firms(driver, settings, registry, row, sort, segment, page)


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
    row = zone_row(driver, settings, registry, key)
    if row is None:
        raise NotFoundError(f"no zone with key {key[:200]!r}")
    return zone_firms(driver, settings, registry, row, sort, segment, page, size)


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
