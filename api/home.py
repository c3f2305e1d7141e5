"""The province at a glance (``/``) and its data (``/api/overview``), from one read model.

:func:`overview` runs the named queries and returns an :class:`Overview`; the page renders it with
``home.html.j2`` and the API returns it as JSON, so the two never disagree.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response
from fastapi.responses import HTMLResponse
from neo4j import Driver
from pydantic import BaseModel, Field

from clusterkg.graph.analytics import bridging, cached_projection
from clusterkg.queries import QueryRegistry
from clusterkg.settings import Settings

from .deps import DriverDep, RegistryDep, SettingsDep
from .map_embed import templates
from .models import LinkedRef
from .pages import CSS, HTML_PAGE, all_rows, href, level_size, plan_year

router = APIRouter()


class SectorRow(BaseModel):
    sector: LinkedRef
    goal_yi: float | None = Field(description="the sector's stated goal, 亿元; None when the plan states none")
    goal_year: int | None
    cluster_count: int
    target_sum_yi: float = Field(description="the sum of its clusters' targets for the overview's year, 亿元")


class LevelGroup(BaseModel):
    level: str = Field(description="the level as the plan writes it, or 未定级")
    clusters: list[LinkedRef]


class CityRow(BaseModel):
    city: LinkedRef
    cluster_count: int = Field(
        description="clusters located in the city or its counties (a cluster spanning cities counts in each)"
    )
    zone_count: int
    target_sum_yi: float


class Bridge(BaseModel):
    node: LinkedRef
    degree: int
    betweenness: float


class Overview(BaseModel):
    title: str = Field(description="from the loaded documents: their provinces, then 产业集群一览")
    documents: list[str] = Field(description="titles of the loaded documents")
    year: int = Field(description="the target year most clusters state; targets below are summed for it")
    sector_count: int
    cluster_count: int
    sectors: list[SectorRow]
    levels: list[LevelGroup] = Field(description="clusters by level, largest level first")
    cities: list[CityRow]
    bridging_zones: list[Bridge]
    hub_cities: list[Bridge]


def _ref(label: str, row: dict[str, Any]) -> LinkedRef:
    return LinkedRef(key=str(row["key"]), name=str(row.get("name") or row["key"]), href=href(label, str(row["key"])))


def overview(driver: Driver, settings: Settings, registry: QueryRegistry) -> Overview:
    """What the home page shows: sectors, clusters by level, cities, and the zones and cities tying clusters."""
    documents = all_rows(driver, settings, registry, "documents_list", paged=False)
    clusters = all_rows(driver, settings, registry, "clusters_list", level="")
    year = plan_year(clusters)
    sectors = all_rows(driver, settings, registry, "sector_rollup", year=year)
    cities = all_rows(driver, settings, registry, "city_rollup", year=year)
    provinces = sorted({str(d["province"]) for d in documents if d.get("province")})
    title = "、".join(provinces) + "产业集群一览"
    levels = sorted({c.get("level") or "" for c in clusters}, key=lambda lv: (-level_size(lv), lv))
    G = cached_projection(driver, settings)
    return Overview(
        title=title,
        documents=[str(d.get("title") or d["key"]) for d in documents],
        year=year,
        sector_count=len(sectors),
        cluster_count=len(clusters),
        sectors=[
            SectorRow(
                sector=_ref("Sector", s),
                goal_yi=s.get("goal_yi"),
                goal_year=s.get("goal_year"),
                cluster_count=s["cluster_count"],
                target_sum_yi=s["target_sum_yi"] or 0.0,
            )
            for s in sectors
        ],
        levels=[
            LevelGroup(
                level=lv or "未定级",
                clusters=[_ref("Cluster", c) for c in clusters if (c.get("level") or "") == lv],
            )
            for lv in levels
        ],
        cities=[
            CityRow(
                city=_ref("City", c),
                cluster_count=c["cluster_count"],
                zone_count=c["zone_count"],
                target_sum_yi=c["target_sum_yi"] or 0.0,
            )
            for c in cities
            if c["cluster_count"]
        ],
        bridging_zones=[
            Bridge(node=_ref("Zone", b), degree=b["degree"], betweenness=b["betweenness"])
            for b in bridging(G, label="Zone", k=10)
            if b["betweenness"] > 0
        ],
        hub_cities=[
            Bridge(node=_ref("City", b), degree=b["degree"], betweenness=b["betweenness"])
            for b in bridging(G, label="City", k=5)
        ],
    )


@router.get("/api/overview", response_model=Overview, tags=["overview"])
def overview_json(driver: DriverDep, settings: SettingsDep, registry: RegistryDep) -> Overview:
    """The data of the home page: sectors with goals, clusters by level, cities and bridging zones."""
    return overview(driver, settings, registry)


@router.get("/", response_class=Response, responses=HTML_PAGE, tags=["pages"])
def home(driver: DriverDep, settings: SettingsDep, registry: RegistryDep) -> HTMLResponse:
    """The province at a glance: sectors with goals, clusters by level and by city, and a search box."""
    view = overview(driver, settings, registry)
    return HTMLResponse(templates().get_template("home.html.j2").render(title=view.title, css=CSS, v=view))
