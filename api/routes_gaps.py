"""Chain-gap routes: which segments of a cluster's chains lack local firms, and whom to court for them."""

from __future__ import annotations

import csv
import io
from html import escape
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field

from clusterkg.errors import NotFoundError
from clusterkg.queries.registry import QueryRegistry
from clusterkg.queries.run import run_named

from .deps import DriverDep, RegistryDep, SettingsDep
from .map_embed import cluster_maps

router = APIRouter()

ClusterKey = Annotated[str, Path(min_length=1, max_length=200, description="the cluster's key, its Chinese name")]
WeakRevenue = Annotated[
    float, Query(ge=0, le=1e9, description="local revenue (万元) below which a segment with firms is 弱链")
]
DEFAULT_WEAK_REVENUE_WAN = 10000.0
FirmLimit = Annotated[
    int, Query(ge=0, le=50, description="local firms and leaders listed per segment at most (counts cover all)")
]
DEFAULT_FIRM_LIMIT = 20
PAGE_CANDIDATES = 5
PAGE_ZONES = 3
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


class ClusterGaps(BaseModel):
    cluster: Ref
    weak_revenue_wan: float
    firm_limit: int = Field(description="firms and leaders listed per segment at most")
    counts: dict[str, int] = Field(description="segments per flag, and 补链 for the priority ones")
    segments: list[SegmentGap]


class Candidate(Ref):
    revenue_wan: float | None = None
    chain_leader: bool
    zone: Ref | None = None
    place: Ref | None = None


class ZoneStrength(Ref):
    firm_count: int = Field(description="firms of the segment sited in the zone")
    revenue_wan: float


class SegmentCandidates(BaseModel):
    cluster: Ref
    segment: str
    firms: list[Candidate] = Field(
        description="firms outside the cluster's places, chain leaders first, then by revenue"
    )
    zones: list[ZoneStrength] = Field(description="zones elsewhere strong in the segment")


def _cluster(driver: Any, settings: Any, registry: QueryRegistry, key: str) -> dict[str, Any]:
    rows = run_named(driver, settings, "cluster_detail", {"key": key, "limit": 1}, registry=registry)
    if not rows:
        raise NotFoundError(f"no cluster with key {key[:200]!r}")
    return {"key": rows[0]["key"], "name": rows[0]["name"]}


def cluster_gap_report(
    driver: Any,
    settings: Any,
    registry: QueryRegistry,
    key: str,
    weak_revenue_wan: float = DEFAULT_WEAK_REVENUE_WAN,
    firm_limit: int = DEFAULT_FIRM_LIMIT,
) -> dict[str, Any]:
    """The gap report of one cluster as a plain mapping shaped like :class:`ClusterGaps`."""
    cluster = _cluster(driver, settings, registry, key)
    rows = run_named(
        driver,
        settings,
        "cluster_gaps",
        {"key": key, "weak_revenue_wan": weak_revenue_wan, "firm_limit": firm_limit, "limit": 2000},
        registry=registry,
    )
    counts = {flag: sum(1 for r in rows if r["flag"] == flag) for flag in ("缺链", "弱链", "强链")}
    counts["补链"] = sum(1 for r in rows if r["priority"])
    return {
        "cluster": cluster,
        "weak_revenue_wan": weak_revenue_wan,
        "firm_limit": firm_limit,
        "counts": counts,
        "segments": rows,
    }


def segment_candidates(
    driver: Any,
    settings: Any,
    registry: QueryRegistry,
    key: str,
    segment: str,
    firm_limit: int = 20,
    zone_limit: int = 10,
) -> dict[str, Any]:
    """Candidate firms and zones for one segment of a cluster, shaped like :class:`SegmentCandidates`."""
    cluster = _cluster(driver, settings, registry, key)
    params = {"key": key, "segment": segment}
    firms = run_named(driver, settings, "gap_candidates", {**params, "limit": firm_limit}, registry=registry)
    zones = run_named(driver, settings, "gap_zones", {**params, "limit": zone_limit}, registry=registry)
    return {"cluster": cluster, "segment": segment, "firms": firms, "zones": zones}


@router.get("/api/clusters/{key}/gaps", response_model=ClusterGaps, tags=["gaps"])
def cluster_gaps(
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    key: ClusterKey,
    weak_revenue_wan: WeakRevenue = DEFAULT_WEAK_REVENUE_WAN,
    firm_limit: FirmLimit = DEFAULT_FIRM_LIMIT,
) -> dict[str, Any]:
    """Every segment of the cluster's chains with its local firms, flagged 缺链, 弱链 or 强链, and 补链 priorities."""
    return cluster_gap_report(driver, settings, registry, key, weak_revenue_wan, firm_limit)


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
) -> Response:
    """The cluster's gap report as CSV (UTF-8 with BOM, so Excel shows the Chinese)."""
    report = cluster_gap_report(driver, settings, registry, key, weak_revenue_wan)
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
) -> dict[str, Any]:
    """Firms elsewhere in one segment (chain leaders first, then revenue) and the zones strong in it."""
    return segment_candidates(driver, settings, registry, key, segment, firm_limit=limit)


# ─────────────────────────── printable page ───────────────────────────

_COLOURS = {"强链": "#cfe8cf", "弱链": "#fde9b8", "缺链": "#f6c6c6"}
_STYLE = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:0 0 1.5em;width:100%}
th,td{border:1px solid #999;padding:.3em .5em;text-align:left;vertical-align:top;font-size:.9em}
th{background:#eee}.num{text-align:right}.legend span{padding:.2em .6em;margin-right:.5em}
@media print{body{margin:0}h2{page-break-before:auto}table{page-break-inside:avoid}}
"""


def _money(value: float | None) -> str:
    return "" if value is None else f"{value:,.0f}"


def gaps_page(report: dict[str, Any], candidates: dict[str, dict[str, Any]], maps: str = "") -> str:
    """The printable page: a table per chain, segments coloured by strength, then 引进指导目录."""
    e = escape
    name = e(report["cluster"]["name"])
    counts = report["counts"]
    parts = [
        (
            f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{name} 补链分析</title>'
            f"<style>{_STYLE}</style></head><body>"
        ),
        f"<h1>{name} 产业链补链分析</h1>",
        (
            f"<p>强链 {counts['强链']} 个、弱链 {counts['弱链']} 个、缺链 {counts['缺链']} 个环节；"
            f"补链优先 {counts['补链']} 个。弱链：本地仅一家企业，或本地营业收入低于 {_money(report['weak_revenue_wan'])} 万元。</p>"
        ),
        '<p class="legend">'
        + "".join(f'<span style="background:{c}">{f}</span>' for f, c in _COLOURS.items())
        + "</p>",
    ]
    chains: dict[str, list[dict[str, Any]]] = {}
    for s in report["segments"]:
        chains.setdefault(s["chain"]["name"], []).append(s)
    for chain_name, segments in chains.items():
        parts.append(
            f"<h2>{e(chain_name)}</h2><table><thead><tr><th>环节</th><th>位置</th><th>判断</th>"
            "<th class=num>本地企业</th><th class=num>营业收入(万元)</th><th>链主企业</th><th>重点项目</th></tr></thead><tbody>"
        )
        for s in segments:
            flag = s["flag"] + ("・补链优先" if s["priority"] else "")
            parts.append(
                f'<tr style="background:{_COLOURS[s["flag"]]}"><td>{e(s["segment"]["name"])}</td>'
                f"<td>{e(s['segment']['stage'])}</td><td>{e(flag)}</td><td class=num>{s['firm_count']}</td>"
                f"<td class=num>{_money(s['revenue_wan'])}</td>"
                f"<td>{e('、'.join(x['name'] for x in s['leaders']))}</td>"
                f"<td>{e('、'.join(x['name'] for x in s['projects']))}</td></tr>"
            )
        parts.append("</tbody></table>")
    parts.append(maps)
    parts.append(
        "<h2>引进指导目录</h2><table><thead><tr><th>产业链</th><th>环节</th><th>判断</th>"
        "<th>目标企业(链主优先)</th><th>优势园区</th></tr></thead><tbody>"
    )
    for s in report["segments"]:
        if s["flag"] == "强链":
            continue
        found = candidates.get(s["segment"]["key"], {"firms": [], "zones": []})
        firms = (
            "<br>".join(
                e(f["name"])
                + ("(链主)" if f["chain_leader"] else "")
                + (f" {_money(f['revenue_wan'])}万元" if f["revenue_wan"] is not None else "")
                for f in found["firms"]
            )
            or "—"
        )
        zones = "<br>".join(f"{e(z['name'])}({z['firm_count']}家)" for z in found["zones"]) or "—"
        flag = s["flag"] + ("・补链优先" if s["priority"] else "")
        parts.append(
            f"<tr><td>{e(s['chain']['name'])}</td><td>{e(s['segment']['name'])}</td><td>{e(flag)}</td>"
            f"<td>{firms}</td><td>{zones}</td></tr>"
        )
    parts.append("</tbody></table></body></html>")
    return "".join(parts)


@router.get("/gaps/{key}", tags=["pages"], response_class=Response, responses={200: {"content": {"text/html": {}}}})
def cluster_gaps_page(
    driver: DriverDep,
    settings: SettingsDep,
    registry: RegistryDep,
    key: ClusterKey,
    weak_revenue_wan: WeakRevenue = DEFAULT_WEAK_REVENUE_WAN,
) -> HTMLResponse:
    """A printable Chinese page of the cluster's chain gaps and its 引进指导目录."""
    report = cluster_gap_report(driver, settings, registry, key, weak_revenue_wan)
    candidates = {
        s["segment"]["key"]: segment_candidates(
            driver, settings, registry, key, s["segment"]["key"], firm_limit=PAGE_CANDIDATES, zone_limit=PAGE_ZONES
        )
        for s in report["segments"]
        if s["flag"] != "强链"
    }
    return HTMLResponse(gaps_page(report, candidates, cluster_maps(report["cluster"], report["segments"])))
