"""The 招商 workbench's data: a cluster's gap report under a chosen scope, and ranked candidates.

One view builds plain mappings from a fixed number of named queries (the cluster, its scope,
its gaps, the candidates and the zones of every 缺链/弱链 segment at once); the JSON routes,
the printable page, the workbook (:mod:`clusterkg.api.workbook`) and any other report render
the same mappings, so they never disagree.

A candidate's score is the weighted sum of five parts, each a value in [0, 1]:

- 环节匹配 (fit): 1 when the firm was placed in the segment by its registered industry code,
  ``score_fit_keyword`` (0.6) when by a keyword of its products;
- 规模 (size): revenue on a log scale (10^6 万元 scores 1), or employees (10^4 score 1),
  whichever is larger;
- 链主 (leader): 1 for a chain leader;
- 距离 (distance): 1 in one of the cluster's counties, 2/3 in one of its cities, 1/3 elsewhere
  in its province, 0 in another province or where the registry gives no place;
- 已有关联 (ties): 1 when the firm anchors the cluster or shares a zone with its anchor firms,
  0.5 when its zone serves a cluster the plan links to this one.

The weights are settings (``CLUSTERKG_SCORE_WEIGHT_*``, justified in clusterkg/settings.py),
normalised to sum to 1, so a score runs from 0 to 100 and each part shows its points.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal

from neo4j import Driver

from clusterkg.errors import NotFoundError
from clusterkg.queries.registry import QueryRegistry
from clusterkg.queries.run import run_named
from clusterkg.settings import Settings

Scope = Literal["zones", "counties", "cities", "province"]
SCOPES: tuple[Scope, ...] = ("zones", "counties", "cities", "province")
# Cities, as before scopes were a choice: the cluster's cities with their counties.
DEFAULT_SCOPE: Scope = "cities"
SCOPE_LABELS: dict[str, str] = {
    "zones": "集群的产业集聚区",
    "counties": "集群所在县（市、区）",
    "cities": "集群所在城市（含所辖县（市、区））",
    "province": "全省",
}
DEFAULT_WEAK_REVENUE_WAN = 10000.0
DEFAULT_WEAK_FIRMS = 2
DEFAULT_FIRM_LIMIT = 20
PART_LABELS = {"fit": "环节匹配", "size": "规模", "leader": "链主", "distance": "距离", "ties": "已有关联"}
GAP_FLAGS = ("缺链", "弱链")


def _names(items: Iterable[Mapping[str, Any]]) -> str:
    return "、".join(str(x["name"]) for x in items)


def scope_sentence(scope: Scope, row: Mapping[str, Any]) -> str:
    """One Chinese sentence saying what counts as local, naming the places and zones."""
    zones = _names(row["own_zones"]) or "无"
    if scope == "zones":
        return f"本地范围：集群的产业集聚区（{zones}），只计入驻这些园区的企业。"
    if scope == "counties":
        counties = _names(row["counties"]) or "无"
        return (
            f"本地范围：集群所在县（市、区）（{counties}，即集群、其园区或园区企业登记所在的县级单位）"
            f"及其中的产业集聚区，另含集群的园区（{zones}）。"
        )
    if scope == "cities":
        cities = _names(row["cities"]) or "无"
        return (
            f"本地范围：集群所在城市（{cities}）及其所辖全部县（市、区）（共 {row['place_count']} 个市县单位）"
            f"和其中的 {row['zone_count']} 个产业集聚区。"
        )
    provinces = "、".join(row["provinces"]) or "无"
    return (
        f"本地范围：全省（行政区划代码前两位 {provinces}，共 {row['place_count']} 个市县单位、"
        f"{row['zone_count']} 个产业集聚区）；候选企业只来自外省。"
    )


def scope_of(driver: Driver, settings: Settings, registry: QueryRegistry, key: str, scope: Scope) -> dict[str, Any]:
    """What counts as local for the cluster under ``scope``, with its sentence, and the cluster itself
    (``cluster``: key and name) from the same query; NotFoundError when there is no such cluster."""
    rows = run_named(driver, settings, "gap_scope", {"key": key, "scope": scope}, registry=registry)
    if not rows:
        raise NotFoundError(f"no cluster with key {key[:200]!r}")
    row = rows[0]
    return {
        "cluster": {"key": row["key"], "name": row["name"]},
        "kind": scope,
        "label": SCOPE_LABELS[scope],
        "sentence": scope_sentence(scope, row),
        "zones": row["own_zones"],
        "counties": row["counties"],
        "cities": row["cities"],
        "provinces": row["provinces"],
        "place_count": row["place_count"],
        "zone_count": row["zone_count"],
    }


def thresholds_sentence(weak_revenue_wan: float, weak_firms: int) -> str:
    return (
        f"判断标准：本地无企业为缺链；本地企业少于 {weak_firms} 家或营业收入合计低于 {weak_revenue_wan:,.0f} 万元为弱链；"
        "其余为强链。缺链、弱链环节若供给本地已有两家以上企业的环节，列为补链优先。"
    )


def cluster_gap_report(
    driver: Driver,
    settings: Settings,
    registry: QueryRegistry,
    key: str,
    weak_revenue_wan: float = DEFAULT_WEAK_REVENUE_WAN,
    firm_limit: int = DEFAULT_FIRM_LIMIT,
    scope: Scope = DEFAULT_SCOPE,
    weak_firms: int = DEFAULT_WEAK_FIRMS,
    leader_limit: int | None = None,
) -> dict[str, Any]:
    """The gap report of one cluster as a plain mapping shaped like ``ClusterGaps``; ``firm_limit``
    local firms and ``leader_limit`` chain leaders (``firm_limit`` when None) listed per segment."""
    where = scope_of(driver, settings, registry, key, scope)
    cluster = where.pop("cluster")
    rows = run_named(
        driver,
        settings,
        "cluster_gaps",
        {
            "key": key,
            "scope": scope,
            "weak_revenue_wan": weak_revenue_wan,
            "weak_firms": weak_firms,
            "firm_limit": firm_limit,
            "leader_limit": firm_limit if leader_limit is None else leader_limit,
            "limit": 2000,
        },
        registry=registry,
    )
    counts = {flag: sum(1 for r in rows if r["flag"] == flag) for flag in ("缺链", "弱链", "强链")}
    counts["补链"] = sum(1 for r in rows if r["priority"])
    if not rows:
        why = "该集群没有产业链模板，无法分析环节。"
    elif counts["缺链"] + counts["弱链"] == 0:
        why = (
            f"在{SCOPE_LABELS[scope]}范围内，每个环节本地都至少有 {weak_firms} 家企业且营业收入合计不低于 "
            f"{weak_revenue_wan:,.0f} 万元，没有缺链、弱链环节；缩小本地范围或提高门槛可看到更细的缺口。"
        )
    else:
        why = ""
    return {
        "cluster": cluster,
        "scope": where,
        "weak_revenue_wan": weak_revenue_wan,
        "weak_firms": weak_firms,
        "thresholds": thresholds_sentence(weak_revenue_wan, weak_firms),
        "firm_limit": firm_limit,
        "counts": counts,
        "segments": rows,
        "empty_reason": why,
    }


def normalised_weights(settings: Settings) -> dict[str, float]:
    total = settings.score_weights_total
    return {
        "fit": settings.score_weight_fit / total,
        "size": settings.score_weight_size / total,
        "leader": settings.score_weight_leader / total,
        "distance": settings.score_weight_distance / total,
        "ties": settings.score_weight_ties / total,
    }


def _why(part: str, row: Mapping[str, Any]) -> str:
    if part == "fit":
        how, _, what = str(row.get("rule") or "").partition(":")
        return f"按行业代码 {what} 归入" if how == "industry_code" else f"按主营产品关键词“{what}”归入"
    if part == "size":
        bits = []
        if row.get("revenue_wan") is not None:
            bits.append(f"营业收入 {row['revenue_wan']:,.0f} 万元")
        if row.get("employees") is not None:
            bits.append(f"从业人员 {row['employees']:,} 人")
        return "，".join(bits) or "无营业收入、从业人员数据"
    if part == "leader":
        return "链主企业" if row["chain_leader"] else "非链主"
    if part == "distance":
        place = row.get("county") or row.get("city")
        return str(row["distance_label"]) + (f"（{place['name']}）" if place else "")
    return str(row.get("ties_label") or "图中无已知关联")


def scored(row: Mapping[str, Any], weights: Mapping[str, float]) -> dict[str, Any]:
    """A candidate firm of gap_targets with its score parts: value, weight, points and why."""
    parts = [
        {
            "part": part,
            "label": PART_LABELS[part],
            "value": round(float(row[part]), 4),
            "weight": round(weights[part], 4),
            "points": round(100 * weights[part] * float(row[part]), 2),
            "why": _why(part, row),
        }
        for part in PART_LABELS
    ]
    out = {
        k: row[k]
        for k in (
            "key",
            "name",
            "uscc",
            "revenue_wan",
            "employees",
            "chain_leader",
            "address",
            "contact",
            "phone",
            "legal_rep",
            "founded",
            "products",
            "zone",
            "county",
            "city",
        )
    }
    out["place"] = row["county"] or row["city"]
    out["score"] = round(float(row["score"]), 2)
    out["parts"] = parts
    return out


def _firms_reason(scope: Scope, segment_firms: int) -> str:
    if segment_firms == 0:
        return "已加载的企业名录中尚无该环节企业（先导入企业名录）。"
    if scope == "province":
        return f"该环节的 {segment_firms} 家企业都在省内（已算作本地）；外省企业名录尚未加载。"
    return f"该环节的 {segment_firms} 家企业都已在本地（{SCOPE_LABELS[scope]}），省内无其他该环节企业。"


def _zones_reason(scope: Scope, segment_firms: int) -> str:
    if segment_firms == 0:
        return "已加载的企业名录中尚无该环节企业。"
    return f"本地（{SCOPE_LABELS[scope]}）以外没有入驻该环节企业的产业集聚区。"


def candidates_for(
    driver: Driver,
    settings: Settings,
    registry: QueryRegistry,
    key: str,
    segments: list[str],
    scope: Scope = DEFAULT_SCOPE,
    per_segment: int = 20,
    zone_limit: int = 10,
) -> dict[str, dict[str, Any]]:
    """Ranked candidate firms and specialised zones for each of ``segments``: one query (gap_targets) in all.

    Returns, per segment key: ``firms`` (scored, best first), ``total`` (all candidates),
    ``zones`` (by location quotient), ``segment_firms`` and the reasons an empty list is empty.
    """
    out: dict[str, dict[str, Any]] = {
        s: {
            "firms": [],
            "total": 0,
            "zones": [],
            "segment_firms": 0,
            "firms_empty_reason": "",
            "zones_empty_reason": "",
        }
        for s in segments
    }
    if not segments:
        return out
    weights = normalised_weights(settings)
    rows = run_named(
        driver,
        settings,
        "gap_targets",
        {
            "key": key,
            "scope": scope,
            "segments": ",".join(segments),
            "per_segment": per_segment,
            "zones_per_segment": zone_limit,
            "fit_keyword": settings.score_fit_keyword,
            **{f"w_{k}": v for k, v in weights.items()},
            "limit": 2000,
        },
        registry=registry,
    )
    for r in rows:
        zones = [{**z, "lq": round(float(z["lq"]), 3)} for z in r["zones"]]
        out[r["segment"]].update(
            firms=[scored(f, weights) for f in r["firms"]],
            total=r["total"],
            zones=zones,
            segment_firms=r["segment_firms"],
        )
    for found in out.values():
        if not found["firms"]:
            found["firms_empty_reason"] = _firms_reason(scope, found["segment_firms"])
        if not found["zones"]:
            found["zones_empty_reason"] = _zones_reason(scope, found["segment_firms"])
    return out


def workbench(
    driver: Driver,
    settings: Settings,
    registry: QueryRegistry,
    key: str,
    scope: Scope = DEFAULT_SCOPE,
    weak_revenue_wan: float = DEFAULT_WEAK_REVENUE_WAN,
    weak_firms: int = DEFAULT_WEAK_FIRMS,
    per_segment: int = 20,
    zone_limit: int = 10,
    firm_limit: int = DEFAULT_FIRM_LIMIT,
    leader_limit: int | None = None,
) -> dict[str, Any]:
    """The gap report plus the candidates of its 缺链/弱链 segments: three queries, whatever the size.

    ``report["candidates"]`` maps each gap segment's key to :func:`candidates_for`'s entry;
    ``report["weights"]`` holds the normalised score weights.
    """
    report = cluster_gap_report(
        driver, settings, registry, key, weak_revenue_wan, firm_limit, scope, weak_firms, leader_limit
    )
    gaps = [s for s in report["segments"] if s["flag"] in GAP_FLAGS]
    report["candidates"] = candidates_for(
        driver,
        settings,
        registry,
        key,
        [s["segment"]["key"] for s in gaps],
        scope,
        per_segment,
        zone_limit,
    )
    report["weights"] = normalised_weights(settings)
    report["directory_empty_reason"] = "" if gaps else report["empty_reason"]
    return report
