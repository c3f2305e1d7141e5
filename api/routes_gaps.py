"""Chain-gap routes: which segments of a cluster's chains lack local firms, and whom to court for them."""

from __future__ import annotations

import csv
import io
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Path, Query
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup
from pydantic import BaseModel, Field

from .deps import DriverDep, RegistryDep, SettingsDep
from .gaps_view import (
    DEFAULT_FIRM_LIMIT,
    DEFAULT_SCOPE,
    DEFAULT_WEAK_FIRMS,
    DEFAULT_WEAK_REVENUE_WAN,
    GAP_FLAGS,
    PART_LABELS,
    SCOPE_LABELS,
    Scope,
    candidates_for,
    cluster_gap_report,
    normalised_weights,
    scope_of,
    workbench,
)
from .map_embed import cluster_maps, templates
from .pages import CSS
from .workbook import candidates_workbook

__all__ = ["cluster_gap_report", "router"]

router = APIRouter()

ClusterKey = Annotated[str, Path(min_length=1, max_length=200, description="the cluster's key, its Chinese name")]
WeakRevenue = Annotated[
    float, Query(ge=0, le=1e9, description="local revenue (万元) below which a segment with firms is 弱链")
]
WeakFirms = Annotated[int, Query(ge=1, le=1000, description="local firms below which a segment with firms is 弱链")]
ScopeQuery = Annotated[
    Scope,
    Query(
        description="what counts as local: zones (the cluster's zones), counties (the counties it, its zones or "
        "its zones' firms are in), cities (its cities with all their counties), province (its whole province)"
    ),
]
FirmLimit = Annotated[
    int, Query(ge=0, le=50, description="local firms and leaders listed per segment at most (counts cover all)")
]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PAGE_CANDIDATES = 5
PAGE_ZONES = 3
PAGE_VISITS = 10
MIN_ZONE_FIRMS = 2
Flag = Literal["缺链", "弱链", "强链"]


class Ref(BaseModel):
    key: str
    name: str


class SegmentRef(Ref):
    stage: str = Field(description="上游, 中游 or 下游")
    order: int = Field(description="position along the chain")


class LocalFirm(Ref):
    revenue_wan: float | None = Field(None, description="revenue in 万元")
    chain_leader: bool


class SegmentGap(BaseModel):
    chain: Ref
    segment: SegmentRef
    flag: Flag = Field(description="缺链: no local firm; 弱链: one firm or revenue below the threshold; 强链 otherwise")
    priority: bool = Field(description="补链: a 缺链 or 弱链 segment feeding a segment with two or more local firms")
    feeds_strong: list[str] = Field(description="keys of the local segments with two or more firms that this one feeds")
    firm_count: int = Field(description="all local firms of the segment")
    leader_count: int = Field(description="all local chain leaders of the segment")
    revenue_wan: float = Field(description="summed revenue of the local firms, 万元")
    leaders: list[Ref] = Field(description="local chain leaders, by revenue, at most firm_limit")
    firms: list[LocalFirm] = Field(description="local firms, by revenue, at most firm_limit")
    projects: list[Ref] = Field(
        description="the cluster's plan projects naming a keyword of the segment, and "
        "registry projects of the segment in the cluster's zones"
    )


class GapScope(BaseModel):
    kind: Scope = Field(description="zones, counties, cities or province")
    label: str = Field(description="the scope in Chinese")
    sentence: str = Field(description="what counts as local, naming the places and zones")
    zones: list[Ref] = Field(description="the zones serving the cluster")
    counties: list[Ref] = Field(description="the cluster's counties (itself, its zones, its zones' firms)")
    cities: list[Ref] = Field(description="the cluster's cities")
    provinces: list[str] = Field(description="two-digit province codes of its places")
    place_count: int = Field(description="cities and counties counted as local under this scope")
    zone_count: int = Field(description="zones counted as local under this scope")


class ClusterGaps(BaseModel):
    cluster: Ref
    scope: GapScope
    weak_revenue_wan: float
    weak_firms: int = Field(description="local firms below which a segment is 弱链")
    thresholds: str = Field(description="the flags' rule in one Chinese sentence")
    firm_limit: int = Field(description="firms and leaders listed per segment at most")
    counts: dict[str, int] = Field(description="segments per flag, and 补链 for the priority ones")
    segments: list[SegmentGap]
    empty_reason: str = Field(description="why there is no 缺链 or 弱链 segment, when there is none")


class ScorePart(BaseModel):
    part: Literal["fit", "size", "leader", "distance", "ties"]
    label: str
    value: float = Field(description="the part's value, 0 to 1")
    weight: float = Field(description="its normalised weight (the weights sum to 1)")
    points: float = Field(description="100 × weight × value; the parts' points sum to the score")
    why: str = Field(description="where the value comes from, in Chinese")


class Candidate(Ref):
    uscc: str | None = None
    revenue_wan: float | None = None
    employees: int | None = None
    chain_leader: bool
    address: str | None = None
    contact: str | None = None
    phone: str | None = None
    legal_rep: str | None = None
    founded: str | None = None
    products: str | None = None
    zone: Ref | None = None
    county: Ref | None = None
    city: Ref | None = None
    place: Ref | None = Field(None, description="its county, else its city")
    score: float = Field(description="0 to 100, the sum of the parts' points")
    parts: list[ScorePart]


class ZoneStrength(Ref):
    firm_count: int = Field(description="firms of the segment sited in the zone")
    zone_firms: int = Field(description="all firms sited in the zone")
    revenue_wan: float
    lq: float = Field(
        description="location quotient: the zone's share of the segment's firms over its share of all firms"
    )


class SegmentCandidates(BaseModel):
    cluster: Ref
    segment: str
    scope: GapScope
    weights: dict[str, float] = Field(description="the score's normalised weights per part")
    total: int = Field(description="all candidate firms of the segment outside the local scope")
    segment_firms: int = Field(description="all firms of the segment in the graph")
    firms: list[Candidate] = Field(description="firms outside the local scope, best score first")
    zones: list[ZoneStrength] = Field(
        description="zones outside the local scope by specialisation: at least two firms of the segment first, "
        "then by location quotient, then firm count"
    )
    firms_empty_reason: str = Field(description="why firms is empty, when it is")
    zones_empty_reason: str = Field(description="why zones is empty, when it is")


@router.get("/api/clusters/{key}/gaps", response_model=ClusterGaps, tags=["gaps"])
def cluster_gaps(
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    key: ClusterKey,
    weak_revenue_wan: WeakRevenue = DEFAULT_WEAK_REVENUE_WAN,
    firm_limit: FirmLimit = DEFAULT_FIRM_LIMIT,
    scope: ScopeQuery = DEFAULT_SCOPE,
    weak_firms: WeakFirms = DEFAULT_WEAK_FIRMS,
) -> dict[str, Any]:
    """Every segment of the cluster's chains with its local firms (local as the scope says), flagged and prioritised."""
    return cluster_gap_report(driver, settings, registry, key, weak_revenue_wan, firm_limit, scope, weak_firms)


CSV_COLUMNS = (
    "chain",
    "chain_name",
    "segment",
    "segment_name",
    "stage",
    "flag",
    "priority",
    "firm_count",
    "revenue_wan",
    "leaders",
    "projects",
    "feeds_strong",
)


def gaps_csv(report: dict[str, Any]) -> str:
    """One CSV line per segment; lists are joined with 、 so a spreadsheet shows them in one cell."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for s in report["segments"]:
        writer.writerow(
            (
                s["chain"]["key"],
                s["chain"]["name"],
                s["segment"]["key"],
                s["segment"]["name"],
                s["segment"]["stage"],
                s["flag"],
                "补链" if s["priority"] else "",
                s["firm_count"],
                f"{s['revenue_wan']:.1f}",
                "、".join(x["name"] for x in s["leaders"]),
                "、".join(x["name"] for x in s["projects"]),
                "、".join(s["feeds_strong"]),
            )
        )
    return out.getvalue()


@router.get("/api/clusters/{key}/gaps.csv", tags=["gaps"], responses={200: {"content": {"text/csv": {}}}})
def cluster_gaps_csv(
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    key: ClusterKey,
    weak_revenue_wan: WeakRevenue = DEFAULT_WEAK_REVENUE_WAN,
    scope: ScopeQuery = DEFAULT_SCOPE,
    weak_firms: WeakFirms = DEFAULT_WEAK_FIRMS,
) -> Response:
    """The cluster's gap report as CSV (UTF-8 with BOM, so Excel shows the Chinese)."""
    report = cluster_gap_report(
        driver, settings, registry, key, weak_revenue_wan, DEFAULT_FIRM_LIMIT, scope, weak_firms
    )
    return Response(
        "\ufeff" + gaps_csv(report),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="gaps.csv"'},
    )


@router.get("/api/clusters/{key}/candidates", response_model=SegmentCandidates, tags=["gaps"])
def cluster_candidates(
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    key: ClusterKey,
    segment: Annotated[
        str,
        Query(
            min_length=3,
            max_length=200,
            pattern=r"^[a-z0-9-]+/[a-z0-9-]+$",
            description="a ChainSegment key, chain/segment",
        ),
    ],
    limit: Annotated[int, Query(ge=1, le=500, description="candidate firms at most")] = 20,
    scope: ScopeQuery = DEFAULT_SCOPE,
) -> dict[str, Any]:
    """Firms outside the local scope in one segment, ranked by a score whose parts are shown, and specialised zones."""
    where = scope_of(driver, settings, registry, key, scope)
    cluster = where.pop("cluster")
    found = candidates_for(driver, settings, registry, key, [segment], scope, per_segment=limit)[segment]
    weights = {k: round(v, 4) for k, v in normalised_weights(settings).items()}
    return {"cluster": cluster, "segment": segment, "scope": where, "weights": weights, **found}


@router.get(
    "/api/clusters/{key}/candidates.xlsx",
    tags=["gaps"],
    responses={200: {"content": {XLSX: {}}}},
)
def cluster_candidates_xlsx(
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    key: ClusterKey,
    scope: ScopeQuery = DEFAULT_SCOPE,
    weak_revenue_wan: WeakRevenue = DEFAULT_WEAK_REVENUE_WAN,
    weak_firms: WeakFirms = DEFAULT_WEAK_FIRMS,
    limit: Annotated[int, Query(ge=1, le=500, description="candidate firms per segment at most")] = 50,
) -> Response:
    """The visit list as a workbook: a summary sheet, then one sheet per 缺链/弱链 segment with ranked candidates."""
    report = workbench(
        driver, settings, registry, key, scope, weak_revenue_wan, weak_firms, per_segment=limit, firm_limit=0
    )
    return Response(
        candidates_workbook(report),
        media_type=XLSX,
        headers={"Content-Disposition": 'attachment; filename="candidates.xlsx"'},
    )


# ─────────────────────────── printable page ───────────────────────────

COLOURS = {"强链": "#cfe8cf", "弱链": "#fde9b8", "缺链": "#f6c6c6"}


def _money(value: float | None) -> str:
    return "" if value is None else f"{value:,.0f}"


def gaps_page(report: dict[str, Any], maps: str = "") -> str:
    """The printable page of :func:`workbench`'s report: a table per chain, the 引进指导目录, the visit list."""
    chains: dict[str, list[dict[str, Any]]] = {}
    for s in report["segments"]:
        chains.setdefault(s["chain"]["name"], []).append(s)
    query = urlencode(
        {
            "scope": report["scope"]["kind"],
            "weak_revenue_wan": report["weak_revenue_wan"],
            "weak_firms": report["weak_firms"],
        }
    )
    return (
        templates()
        .get_template("gaps.html.j2")
        .render(
            title=f"{report['cluster']['name']} 产业链补链分析",
            css=CSS,
            r=report,
            chains=list(chains.items()),
            gaps=[s for s in report["segments"] if s["flag"] in GAP_FLAGS],
            colours=COLOURS,
            scopes=SCOPE_LABELS,
            part_labels=PART_LABELS,
            defaults={"weak_revenue_wan": DEFAULT_WEAK_REVENUE_WAN, "weak_firms": DEFAULT_WEAK_FIRMS},
            maps=Markup(maps),
            query=query,
            money=_money,
            directory_size=PAGE_CANDIDATES,
            zone_size=PAGE_ZONES,
            min_zone_firms=MIN_ZONE_FIRMS,
        )
    )


@router.get("/gaps/{key}", tags=["pages"], response_class=Response, responses={200: {"content": {"text/html": {}}}})
def cluster_gaps_page(
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    key: ClusterKey,
    weak_revenue_wan: WeakRevenue = DEFAULT_WEAK_REVENUE_WAN,
    scope: ScopeQuery = DEFAULT_SCOPE,
    weak_firms: WeakFirms = DEFAULT_WEAK_FIRMS,
) -> HTMLResponse:
    """A printable Chinese page of the cluster's chain gaps, its 引进指导目录 and visit list."""
    report = workbench(
        driver,
        settings,
        registry,
        key,
        scope,
        weak_revenue_wan,
        weak_firms,
        per_segment=PAGE_VISITS,
        zone_limit=PAGE_ZONES,
        # the page names each segment's chain leaders, not its local firms
        firm_limit=0,
        leader_limit=DEFAULT_FIRM_LIMIT,
    )
    return HTMLResponse(gaps_page(report, cluster_maps(report["cluster"], report["segments"])))
