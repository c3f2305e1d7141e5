"""Places side by side: clusters by level, targets, registry firms per chain segment and their
location quotients, plan vs actual; and one county's own dashboard built from the same figures.

The figures of a province come from three named queries whatever the number of firms:
``map_places`` (every city and county with its clusters, zones and the firms located there,
read from the store's degree counts), ``compare_segment_places`` (firms per segment, one row
per place, summed from the Presence cells) and ``compare_segments`` (the segments' names and
places along their chains).  A city's figures include its counties'.  Firms are counted by the place they are located in (所在县区); a firm with a zone but no place counts
nowhere, in the segment figures and the totals alike, so the quotients compare like with like.

A cluster located in several places counts in full in each of them (its target is not split):
the plan states one target per cluster, not shares.  ``ClusterRow.places`` says how many places
of the province the cluster is located in, so a reader sees which targets are shared.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from neo4j import Driver
from pydantic import BaseModel, ConfigDict

from clusterkg.errors import InputError, NotFoundError
from clusterkg.queries import QueryRegistry
from clusterkg.queries.run import run_named
from clusterkg.settings import Settings

from .pages import level_size

MIN_PLACES = 2
MAX_PLACES = 10
KIND_ZH = {"City": "省辖市", "County": "县（市、区）"}
STAGE_RANK = {"上游": 0, "中游": 1, "下游": 2}
COUNTING_NOTE = (
    "企业按登记的所在县区计数（只填所在园区、未填县区的企业不计入），省辖市含下辖县（市、区）；"
    "区位商 = （本地该环节企业数 ÷ 本地企业总数）÷（全省该环节企业数 ÷ 全省企业总数），大于 1 表示该环节在本地相对集中；"
    "一个企业可属多个环节。跨多个地区的集群在每个所在地都按全额目标计入（规划只给出集群的总目标），“所在地数”一栏标出这种集群。"
)


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class PlaceRef(Frozen):
    key: str
    name: str


class SegmentRef(Frozen):
    key: str
    name: str
    stage: str | None
    chain: PlaceRef


class ClusterRow(Frozen):
    key: str
    name: str
    level: str | None
    target_yi: float | None
    sector: str | None
    places: int  # places of the province it is located in: > 1 means its target is counted in each
    actual_yi: float | None


class LevelCount(Frozen):
    level: str
    clusters: int
    target_yi: float


class SegmentFigure(Frozen):
    segment: str
    firms: int
    revenue_wan: float
    share: float | None  # of the place's firms
    lq: float | None  # location quotient, 4 decimals; None when the place has no firms
    rank_city: int | None  # by firms among the counties of the same city (counties only)
    rank_province: int | None  # by firms among the places of the same kind in the province
    peers_city: int
    peers_province: int


class PlaceFigures(Frozen):
    key: str
    name: str
    label: str
    kind: str
    parent: PlaceRef | None
    firms: int
    clusters: list[ClusterRow]
    levels: list[LevelCount]
    target_yi: float
    reported: int  # clusters with an actual for the year
    reported_target_yi: float
    actual_yi: float | None
    attainment: float | None
    zones: list[PlaceRef]
    segments: list[SegmentFigure]


class CompareView(Frozen):
    places: list[PlaceFigures]
    segments: list[SegmentRef]
    year: int
    province_firms: dict[str, int]
    note: str


# ─────────────────────────── province figures ───────────────────────────


@dataclass(slots=True)
class ProvinceData:
    """Every place of one province with its own and rolled-up figures, from two queries."""

    prefix: str
    places: dict[str, dict[str, Any]]
    own_cells: dict[str, dict[str, tuple[int, float]]]
    segments: dict[str, SegmentRef]
    positions: dict[str, tuple[str, int, int, str]]
    cells: dict[str, dict[str, tuple[int, float]]] = field(default_factory=dict)
    firms: dict[str, int] = field(default_factory=dict)
    cluster_places: dict[str, int] = field(default_factory=dict)
    segment_totals: dict[str, int] = field(default_factory=dict)
    counts_by_kind: dict[tuple[str, str], list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        counties: dict[str, list[str]] = defaultdict(list)
        for key, p in self.places.items():
            if p["label"] == "County" and p.get("parent"):
                counties[p["parent"]].append(key)
        for key, p in self.places.items():
            members = [key, *counties.get(key, [])] if p["label"] == "City" else [key]
            sums: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])
            for m in members:
                for seg, (n, rev) in self.own_cells.get(m, {}).items():
                    sums[seg][0] += n
                    sums[seg][1] += rev
            self.cells[key] = {s: (int(v[0]), float(v[1])) for s, v in sums.items()}
            self.firms[key] = sum(int(self.places[m]["firms"]) for m in members)
            p["members"] = members
        for p in self.places.values():
            for c in p["clusters"]:
                self.cluster_places[c["key"]] = self.cluster_places.get(c["key"], 0) + 1
        for cells in self.own_cells.values():
            for seg, (n, _) in cells.items():
                self.segment_totals[seg] = self.segment_totals.get(seg, 0) + n

    def province_rank(self, segment: str, label: str, mine: int) -> int | None:
        """:func:`rank` of a place with ``mine`` firms of ``segment`` among the province's places
        of its kind (``label``), from the kind's counts sorted once per segment (a page ranks
        a dozen places on hundreds of segments).

        >>> d = ProvinceData("41", {}, {}, {}, {})
        >>> d.cells = {"a": {"s": (5, 0.0)}, "b": {"s": (3, 0.0)}, "c": {"s": (3, 0.0)}, "d": {}}
        >>> d.places = {k: {"label": "County"} for k in "abcd"}
        >>> d.province_rank("s", "County", 3), d.province_rank("s", "County", 0)
        (2, None)
        """
        if mine <= 0:
            return None
        counts = self.counts_by_kind.get((segment, label))
        if counts is None:
            counts = sorted(
                self.cells[k].get(segment, (0, 0.0))[0] for k, q in self.places.items() if q["label"] == label
            )
            self.counts_by_kind[(segment, label)] = counts
        return 1 + len(counts) - bisect_right(counts, mine)

    def total_firms(self) -> int:
        return sum(int(p["firms"]) for p in self.places.values())

    def peers(self, key: str) -> tuple[list[str], list[str]]:
        """Places ranked with ``key``: same city (counties only) and same kind in the province."""
        p = self.places[key]
        province = [k for k, q in self.places.items() if q["label"] == p["label"]]
        city = (
            [k for k, q in self.places.items() if q["label"] == "County" and q.get("parent") == p.get("parent")]
            if p["label"] == "County" and p.get("parent")
            else []
        )
        return city, province


def province_data(driver: Driver, settings: Settings, registry: QueryRegistry, prefix: str) -> ProvinceData:
    """The figures of one province: its places, their segment cells, the segments' names."""
    places = run_named(driver, settings, "map_places", {"province": prefix, "limit": 5000}, registry=registry)
    rows = run_named(driver, settings, "compare_segment_places", {"province": prefix, "limit": 5000}, registry=registry)
    own = {
        r["place"]: {
            s: (int(n), float(rev or 0.0))
            for s, n, rev in zip(r["segments"], r["firms"], r["revenue_wan"], strict=True)
        }
        for r in rows
    }
    used = {k for cells in own.values() for k in cells}
    segments: dict[str, SegmentRef] = {}
    positions: dict[str, tuple[str, int, int, str]] = {}
    for r in run_named(driver, settings, "compare_segments", {"limit": 5000}, registry=registry):
        if r["key"] not in used:
            continue
        chain = r["chain"] or {"key": "", "name": ""}
        segments[r["key"]] = SegmentRef(
            key=r["key"], name=r["name"], stage=r["stage"], chain=PlaceRef(key=chain["key"], name=chain["name"])
        )
        positions[r["key"]] = (chain["key"], STAGE_RANK.get(r["stage"] or "", 3), r["position"] or 0, r["key"])
    return ProvinceData(prefix, {p["key"]: dict(p) for p in places}, own, segments, positions)


def rank(values: Mapping[str, int], key: str) -> int | None:
    """Competition rank of ``key`` by value, largest first (1, 2, 2, 4); None when its value is 0.

    >>> rank({"a": 5, "b": 3, "c": 3, "d": 1}, "c"), rank({"a": 5, "b": 0}, "b")
    (2, None)
    """
    mine = values.get(key, 0)
    if mine <= 0:
        return None
    return 1 + sum(1 for v in values.values() if v > mine)


def location_quotient(local: int, local_total: int, province: int, province_total: int) -> float | None:
    """(local ÷ local_total) ÷ (province ÷ province_total), to 4 decimals; None when undefined.

    >>> location_quotient(2, 4, 3, 10)
    1.6667
    """
    if local_total <= 0 or province <= 0 or province_total <= 0:
        return None
    return round((local / local_total) / (province / province_total), 4)


def actuals_by_cluster(driver: Driver, settings: Settings, registry: QueryRegistry, year: int) -> dict[str, float]:
    out: dict[str, float] = {}
    after = ""
    while True:
        rows = run_named(
            driver, settings, "attainment_clusters", {"year": year, "after": after, "limit": 1000}, registry=registry
        )
        out.update({r["key"]: float(r["actual_yi"]) for r in rows if r["actual_yi"] is not None})
        if len(rows) < 1000:
            return out
        after = rows[-1]["key"]


def by_size_key(c: ClusterRow) -> tuple[float, float, str]:
    return (-level_size(c.level), -(c.target_yi or 0.0), c.key)


def place_figures(data: ProvinceData, key: str, actuals: Mapping[str, float], segments: Iterable[str]) -> PlaceFigures:
    p = data.places[key]
    clusters: dict[str, ClusterRow] = {}
    zones: dict[str, PlaceRef] = {}
    for m in p["members"]:
        q = data.places[m]
        for c in q["clusters"]:
            clusters[c["key"]] = ClusterRow(
                key=c["key"],
                name=c["name"],
                level=c.get("level"),
                target_yi=c.get("target_yi"),
                sector=c.get("sector"),
                places=data.cluster_places.get(c["key"], 1),
                actual_yi=actuals.get(c["key"]),
            )
        for z in q["zones"]:
            zones[z["key"]] = PlaceRef(key=z["key"], name=z["name"])
    rows = sorted(clusters.values(), key=by_size_key)
    levels: dict[str, list[float]] = {}
    for c in rows:
        lv = levels.setdefault(c.level or "未定级", [0, 0.0])
        lv[0] += 1
        lv[1] += c.target_yi or 0.0
    reported = [c for c in rows if c.actual_yi is not None]
    reported_target = sum(c.target_yi or 0.0 for c in reported)
    actual = sum(c.actual_yi or 0.0 for c in reported) if reported else None
    city_peers, province_peers = data.peers(key)
    province_segment = data.segment_totals
    province_total = data.total_firms()
    figures = []
    for s in segments:
        n, rev = data.cells[key].get(s, (0, 0.0))
        by_city = {k: data.cells[k].get(s, (0, 0.0))[0] for k in city_peers}
        figures.append(
            SegmentFigure(
                segment=s,
                firms=n,
                revenue_wan=rev,
                share=round(n / data.firms[key], 4) if data.firms[key] else None,
                lq=location_quotient(n, data.firms[key], province_segment.get(s, 0), province_total),
                rank_city=rank(by_city, key) if city_peers else None,
                rank_province=data.province_rank(s, p["label"], n),
                peers_city=len(city_peers),
                peers_province=len(province_peers),
            )
        )
    parent = data.places.get(p.get("parent") or "")
    return PlaceFigures(
        key=key,
        name=p["name"],
        label=p["label"],
        kind=KIND_ZH.get(p["label"], p["label"]),
        parent=PlaceRef(key=parent["key"], name=parent["name"]) if parent else None,
        firms=data.firms[key],
        clusters=rows,
        levels=[LevelCount(level=lv, clusters=int(v[0]), target_yi=v[1]) for lv, v in levels.items()],
        target_yi=sum(c.target_yi or 0.0 for c in rows),
        reported=len(reported),
        reported_target_yi=reported_target,
        actual_yi=actual,
        attainment=round(actual / reported_target, 4) if actual is not None and reported_target > 0 else None,
        zones=sorted(zones.values(), key=lambda z: z.key),
        segments=figures,
    )


def parse_places(raw: str) -> list[str]:
    """The ``places`` parameter: 2–10 6-digit division codes separated by commas; repeats are dropped.

    >>> parse_places("410100, 410200,410100")
    ['410100', '410200']
    """
    given = [part.strip() for part in raw.replace("，", ",").split(",") if part.strip()]
    for code in given:
        if not (code.isdigit() and len(code) == 6):
            raise InputError(f"places 参数中的“{code[:20]}”不是 6 位行政区划代码")
    if len(given) < MIN_PLACES:
        raise InputError(f"请给出 {MIN_PLACES}–{MAX_PLACES} 个地区代码（用逗号分隔），现有 {len(given)} 个")
    if len(given) > MAX_PLACES:
        raise InputError(f"最多比较 {MAX_PLACES} 个地区，现有 {len(given)} 个")
    return list(dict.fromkeys(given))


def segment_order(data: Iterable[ProvinceData], keys: Iterable[str]) -> list[str]:
    positions: dict[str, tuple[str, int, int, str]] = {}
    for d in data:
        positions.update(d.positions)
    return sorted(set(keys), key=lambda s: positions.get(s, ("", 9, 0, s)))


def compare_places(
    driver: Driver, settings: Settings, registry: QueryRegistry, codes: Sequence[str], year: int
) -> CompareView:
    """The comparison of ``codes`` (cities or counties): 2 queries per province, 1 for the actuals."""
    provinces = {p: province_data(driver, settings, registry, p) for p in dict.fromkeys(c[:2] for c in codes)}
    unknown = [c for c in codes if c not in provinces[c[:2]].places]
    if unknown:
        raise NotFoundError(f"没有代码为 {'、'.join(unknown)} 的省辖市或县（市、区）")
    used = {s for c in codes for s, (n, _) in provinces[c[:2]].cells[c].items() if n > 0}
    order = segment_order(provinces.values(), used)
    refs: dict[str, SegmentRef] = {}
    for d in provinces.values():
        refs.update(d.segments)
    actuals = actuals_by_cluster(driver, settings, registry, year)
    return CompareView(
        places=[place_figures(provinces[c[:2]], c, actuals, order) for c in codes],
        segments=[refs[s] for s in order],
        year=year,
        province_firms={p: d.total_firms() for p, d in provinces.items()},
        note=COUNTING_NOTE,
    )


# ─────────────────────────── a county's dashboard ───────────────────────────


class CountyDashboard(Frozen):
    county: PlaceFigures
    segments: list[SegmentRef]
    neighbours: list[PlaceFigures]  # the other counties of the same city, by code
    neighbour_rule: str
    year: int
    note: str


NEIGHBOUR_RULE = "相邻地区取同一省辖市的其他县（市、区）（按行政隶属，不按边界相邻）。"


def county_dashboard(
    driver: Driver, settings: Settings, registry: QueryRegistry, key: str, year: int
) -> CountyDashboard:
    """One county: its figures, ranks per segment, and the other counties of its city beside it."""
    if not (key.isdigit() and len(key) == 6):
        raise InputError(f"“{key[:20]}”不是 6 位行政区划代码")
    data = province_data(driver, settings, registry, key[:2])
    p = data.places.get(key)
    if p is None:
        raise NotFoundError(f"没有代码为 {key} 的县（市、区）")
    if p["label"] != "County":
        raise NotFoundError(f"{p['name']}（{key}）是省辖市，不是县（市、区）：请看 /city/{key}")
    city_peers, _ = data.peers(key)
    used = {s for s, (n, _) in data.cells[key].items() if n > 0}
    order = segment_order([data], used)
    actuals = actuals_by_cluster(driver, settings, registry, year)
    return CountyDashboard(
        county=place_figures(data, key, actuals, order),
        segments=[data.segments[s] for s in order],
        neighbours=[place_figures(data, k, actuals, order) for k in sorted(city_peers) if k != key],
        neighbour_rule=NEIGHBOUR_RULE,
        year=year,
        note=COUNTING_NOTE,
    )


ChartKind = Literal["targets", "segments"]
