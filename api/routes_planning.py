"""Planning routes: overlaps between clusters, roll-ups per sector and city, and one-entity details."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, Field

from clusterkg.errors import NotFoundError
from clusterkg.queries.run import run_named

from .deps import DriverDep, RegistryDep, SettingsDep
from .models import Page, Ref
from .routes import Limit, page
from .zones import zone_firms, zone_row

router = APIRouter()

Year = Annotated[int, Query(ge=1990, le=2100, description="target year whose cluster targets are summed")]
CityCode = Annotated[
    str, Query(max_length=6, pattern=r"^(\d{6})?$", description="a 6-digit city code to continue after")
]
EntityKey = Annotated[str, Path(min_length=1, max_length=200, description="the node's key, e.g. its Chinese name")]


class PlaceRef(Ref):
    label: str = Field(description="City or County")
    city: str | None = Field(None, description="a county's city code; null for a city")


class ClusterBrief(Ref):
    sector: str | None = None


class ClusterInSector(ClusterBrief):
    level: str | None = None
    target_yi: float | None = Field(None, description="target in 亿元")


class ClusterOverlap(BaseModel):
    key: str = Field(description="the pair, `a|b` with a's key before b's")
    a: ClusterBrief
    b: ClusterBrief
    shared_zones: list[Ref]
    shared_cities: list[Ref]
    shared_firms: list[Ref]
    shared_projects: list[Ref]
    shared_count: int
    union_count: int = Field(description="neighbours of either cluster (zones, cities, firms, projects)")
    jaccard: float = Field(description="shared_count / union_count")


class ClusterTarget(Ref):
    level: str | None = None
    target_yi: float | None = Field(None, description="target in 亿元")


class SectorClusters(Ref):
    clusters: list[ClusterTarget]


class CitySectors(Ref):
    sector_count: int
    cluster_count: int
    sectors: list[SectorClusters]


class LevelCount(BaseModel):
    level: str | None
    clusters: int


class SectorRollup(Ref):
    goal_yi: float | None = Field(None, description="the sector's stated goal in 亿元")
    goal_year: int | None = None
    cluster_count: int
    levels: list[LevelCount]
    target_sum_yi: float = Field(description="sum of the clusters' targets for the year asked, 亿元")
    attainment: float | None = Field(None, description="target_sum_yi / goal_yi; null without a goal")
    zone_count: int
    firm_count: int
    project_count: int


class CityRollup(Ref):
    cluster_count: int
    levels: list[LevelCount]
    target_sum_yi: float = Field(description="sum of the clusters' targets for the year asked, 亿元")
    sectors: list[str]
    zone_count: int = Field(description="zones located in the city or its counties")
    firm_count: int
    project_count: int


class SectorRef(Ref):
    goal_yi: float | None = None


class ClusterDetail(Ref):
    level: str | None = None
    target_yi: float | None = Field(None, description="target in 亿元")
    target_year: int | None = None
    appendix_no: int | None = None
    sector: SectorRef | None = None
    places: list[PlaceRef]
    zones: list[Ref]
    firms: list[Ref]
    projects: list[Ref]
    linked: list[Ref]


class ZoneDetail(Ref):
    places: list[PlaceRef]
    clusters: list[ClusterInSector]
    firm_count: int = Field(description="every firm sited in the zone")
    firms: list[Ref] = Field(description="the 20 largest by revenue; /api/zones/{key}/firms pages through all")
    projects: list[Ref]


class EnterpriseDetail(Ref):
    # The registry's columns; null for a firm only a plan names, or a registry without the column.
    uscc: str | None = Field(None, description="统一社会信用代码")
    industry_code: str | None = Field(None, description="GB/T 4754 class, 4 digits")
    products: str | None = Field(None, description="主营产品")
    revenue_wan: float | None = Field(None, description="营业收入, 万元")
    chain_leader: bool | None = Field(None, description="是否链主")
    address: str | None = Field(None, description="地址")
    contact: str | None = Field(None, description="联系人")
    phone: str | None = Field(None, description="联系电话: 13812345678, 0371-67891234[-分机], several joined by 、")
    legal_rep: str | None = Field(None, description="法定代表人")
    employees: int | None = Field(None, description="从业人员, people")
    founded: str | None = Field(None, description="成立日期, YYYY-MM-DD")
    sample: bool = Field(False, description="a generated sample firm (name marked 【样例】), not a real one")
    clusters: list[ClusterInSector]
    projects: list[Ref]
    zones: list[Ref]
    places: list[PlaceRef]


@router.get("/api/clusters/overlaps", response_model=Page[ClusterOverlap], tags=["overlaps"])
def cluster_overlaps(
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    sector: Annotated[str, Query(max_length=50, description="only pairs with a cluster of this sector")] = "",
    city: Annotated[
        str,
        Query(
            max_length=6, pattern=r"^(\d{6})?$", description="only pairs with a cluster in this 6-digit city or county"
        ),
    ] = "",
    min_shared: Annotated[int, Query(ge=1, le=1000, description="fewest shared neighbours")] = 1,
    after: Annotated[str, Query(max_length=401, description="the previous page's `next` token")] = "",
    limit: Limit = 100,
) -> dict[str, Any]:
    """Pairs of clusters sharing zones, cities, anchor firms or projects, with a Jaccard score."""
    rows = run_named(
        driver,
        settings,
        "cluster_overlaps",
        {"sector": sector, "city": city, "min_shared": min_shared, "after": after, "limit": limit},
        registry=registry,
    )
    return page(rows, limit)


@router.get("/api/cities/multi-sector", response_model=Page[CitySectors], tags=["places"])
def cities_multi_sector(
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    min_sectors: Annotated[int, Query(ge=1, le=100, description="fewest sectors a city's clusters span")] = 2,
    after: CityCode = "",
    limit: Limit = 100,
) -> dict[str, Any]:
    """Cities hosting clusters of at least `min_sectors` sectors, with those sectors and clusters."""
    rows = run_named(
        driver,
        settings,
        "cities_multi_sector",
        {"min_sectors": min_sectors, "after": after, "limit": limit},
        registry=registry,
    )
    return page(rows, limit)


@router.get("/api/cities/rollup", response_model=Page[CityRollup], tags=["places"])
def city_rollup(
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    year: Year = 2017,
    after: CityCode = "",
    limit: Limit = 100,
) -> dict[str, Any]:
    """Per city: clusters by level, summed targets, sectors, and counts of zones, firms and projects."""
    rows = run_named(driver, settings, "city_rollup", {"year": year, "after": after, "limit": limit}, registry=registry)
    return page(rows, limit)


@router.get("/api/sectors/rollup", response_model=Page[SectorRollup], tags=["sectors"])
def sector_rollup(
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    year: Year = 2017,
    after: Annotated[str, Query(max_length=50, description="the previous page's `next` token")] = "",
    limit: Limit = 100,
) -> dict[str, Any]:
    """Per sector: clusters by level, summed targets against the sector goal, and neighbour counts."""
    rows = run_named(
        driver, settings, "sector_rollup", {"year": year, "after": after, "limit": limit}, registry=registry
    )
    return page(rows, limit)


def _one(rows: list[dict[str, Any]], kind: str, key: str) -> dict[str, Any]:
    if not rows:
        raise NotFoundError(f"no {kind} with key {key[:200]!r}")
    return rows[0]


@router.get("/api/clusters/{key}", response_model=ClusterDetail, tags=["clusters"])
def cluster_detail(driver: DriverDep, settings: SettingsDep, registry: RegistryDep, key: EntityKey) -> dict[str, Any]:
    """One cluster with its sector, places, zones, anchor firms, projects and linked clusters."""
    rows = run_named(driver, settings, "cluster_detail", {"key": key, "limit": 1}, registry=registry)
    return _one(rows, "cluster", key)


@router.get("/api/zones/{key}", response_model=ZoneDetail, tags=["zones"])
def zone_detail(driver: DriverDep, settings: SettingsDep, registry: RegistryDep, key: EntityKey) -> dict[str, Any]:
    """One zone with its places, the clusters it serves, its 20 largest firms by revenue (all of them:
    ``/api/zones/{key}/firms``) and the projects sited in it."""
    row = zone_row(driver, settings, registry, key)
    if row is None:
        return _one([], "zone", key)
    firms = zone_firms(driver, settings, registry, row, size=20)
    return {**row, "firms": [{"key": f.key, "name": f.name} for f in firms.firms]}


@router.get("/api/enterprises/{key}", response_model=EnterpriseDetail, tags=["enterprises"])
def enterprise_detail(
    driver: DriverDep, settings: SettingsDep, registry: RegistryDep, key: EntityKey
) -> dict[str, Any]:
    """One enterprise with the clusters it anchors, the projects it runs, its zones and places."""
    rows = run_named(driver, settings, "enterprise_detail", {"key": key, "limit": 1}, registry=registry)
    return _one(rows, "enterprise", key)


class CityDetail(Ref):
    label: str = Field(description="City or County")
    level: str | None = Field(None, description="city, county, county_city or district")
    parent: Ref | None = None
    counties: list[Ref]
    clusters: list[ClusterInSector]
    zones: list[Ref]


class ProjectDetail(Ref):
    clusters: list[ClusterInSector]
    firms: list[Ref]
    zones: list[Ref]


@router.get("/api/places/{key}", response_model=CityDetail, tags=["places"])
def city_detail(
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    key: Annotated[str, Path(pattern=r"^\d{6}$", description="6-digit division code", examples=["410100"])],
) -> dict[str, Any]:
    """One city or county with its parent, counties, and the clusters and zones located there."""
    rows = run_named(driver, settings, "city_detail", {"key": key, "limit": 1}, registry=registry)
    return _one(rows, "city or county", key)


@router.get("/api/projects/{key}", response_model=ProjectDetail, tags=["projects"])
def project_detail(driver: DriverDep, settings: SettingsDep, registry: RegistryDep, key: EntityKey) -> dict[str, Any]:
    """One project with the clusters it supports, the firm that runs it and its zone."""
    rows = run_named(driver, settings, "project_detail", {"key": key, "limit": 1}, registry=registry)
    return _one(rows, "project", key)
