"""Province maps: figures per city or county from named queries, drawn on the packaged boundaries.

One function builds one typed :class:`MapView` (areas with their figure, fill and page, zone
markers, legend); the routes render it as GeoJSON, as a printable SVG or as the /map page,
so the three can never disagree.  Graph places are keyed by their plan-era codes (410728);
they reach the map's current areas (410783) through the national gazetteer's code history.
The map follows the provinces of the loaded places; no province is named here.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal
from urllib.parse import quote

from neo4j import Driver

from clusterkg.errors import InputError, NotFoundError
from clusterkg.loaders.boundaries import (
    Area,
    Level,
    province_map,
    provinces_with_maps,
)
from clusterkg.loaders.places import NationalGazetteer
from clusterkg.queries import QueryRegistry
from clusterkg.queries.run import run_named
from clusterkg.settings import Settings

Metric = Literal["clusters", "zones", "targets", "firms", "segment", "cluster"]
METRICS: dict[str, tuple[str, str]] = {  # metric: (label, unit)
    "clusters": ("产业集群", "个"),
    "zones": ("产业集聚区", "个"),
    "targets": ("集群规划目标", "亿元"),
    "firms": ("登记企业", "家"),
    "segment": ("产业链环节企业", "家"),
    "cluster": ("集群所在地", ""),
}
# Words that fit any province (Henan says 省辖市, Hubei has 自治州 and 省直管市).
LEVEL_ZH = {"city": "市级", "county": "县级"}
AREA_ZH = {"city": "市（州）", "county": "县（市、区）"}
# Sequential, light to dark; areas with nothing stay grey.
RAMP = ("#fde0c5", "#facba6", "#f59e72", "#e4683f", "#b63a1b")
EMPTY = "#f2f2f2"
WIDTH = 800.0
MARGIN = 10.0


@dataclass(frozen=True, slots=True)
class LegendClass:
    low: float
    high: float
    fill: str
    label: str


@dataclass(frozen=True, slots=True)
class MapArea:
    code: str
    name: str
    value: float
    fill: str
    href: str | None  # the page of the graph place drawn here, if the graph has one
    path: str  # SVG path data in the map's frame
    centroid: tuple[float, float]  # lon, lat
    polygons: tuple[tuple[tuple[tuple[float, float], ...], ...], ...]


@dataclass(frozen=True, slots=True)
class ZoneMarker:
    key: str
    name: str
    lon: float
    lat: float
    x: float
    y: float
    placed: Literal["coordinates", "centroid"]
    href: str


@dataclass(frozen=True, slots=True)
class MapView:
    province: str
    province_name: str
    level: Level
    metric: str
    metric_label: str
    unit: str
    title: str
    width: float
    height: float
    areas: tuple[MapArea, ...]
    zones: tuple[ZoneMarker, ...]
    legend: tuple[LegendClass, ...]
    attribution: str
    note: str


# ─────────────────────────── geometry ───────────────────────────


@dataclass(frozen=True, slots=True)
class Frame:
    """An equirectangular frame for one province: lon/lat to SVG x/y, north up."""

    west: float
    north: float
    scale: float
    kx: float  # cos(mid-latitude): a degree of longitude is shorter than one of latitude
    width: float
    height: float

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return (
            round(MARGIN + (lon - self.west) * self.kx * self.scale, 1),
            round(MARGIN + (self.north - lat) * self.scale, 1),
        )


@cache
def frame(province: str) -> Frame:
    west, south, east, north = province_map(province).bounds()
    kx = math.cos(math.radians((south + north) / 2))
    scale = (WIDTH - 2 * MARGIN) / ((east - west) * kx)
    return Frame(west, north, scale, kx, WIDTH, round((north - south) * scale + 2 * MARGIN, 1))


@cache
def svg_paths(province: str, level: Level) -> dict[str, str]:
    """Path data of every area of a level, computed once per process (the outlines never change)."""
    f = frame(province)
    out: dict[str, str] = {}
    for a in province_map(province).areas(level):
        parts = []
        for poly in a.polygons:
            for ring in poly:
                pts = [f.xy(x, y) for x, y in ring[:-1]]
                parts.append("M" + "L".join(f"{x:g} {y:g}" for x, y in pts) + "Z")
        out[a.code] = "".join(parts)
    return out


# ─────────────────────────── joining graph places to areas ───────────────────────────


@cache
def _gazetteer() -> NationalGazetteer:
    return NationalGazetteer.load()


def area_of(province: str, level: Level, key: str) -> str | None:
    """The current area of a graph place at a level: itself, its successor, or (for cities) its city.

    >>> area_of("410000", "county", "410728"), area_of("410000", "city", "410728")
    ('410783', '410700')
    """
    d = _gazetteer().by_code(key)
    if d is None:
        return None
    codes = {a.code for a in province_map(province).areas(level)}
    if d.code in codes:
        return str(d.code)
    if level == "city" and d.parent_code in codes:
        return str(d.parent_code)
    return None


def map_provinces(driver: Driver, settings: Settings, registry: QueryRegistry) -> list[str]:
    """Provinces of the loaded places that have boundaries, most places first."""
    have = {code[:2]: code for code in provinces_with_maps()}
    rows = run_named(driver, settings, "map_provinces", {"limit": 100}, registry=registry)
    return [have[r["prefix"]] for r in rows if r["prefix"] in have]


def choose_province(driver: Driver, settings: Settings, registry: QueryRegistry, province: str | None) -> str:
    if province:
        if province not in provinces_with_maps():
            raise NotFoundError(f"no boundaries for province {province[:6]}; run scripts/gen_boundaries.py")
        return province
    loaded = map_provinces(driver, settings, registry)
    if not loaded:
        raise NotFoundError("no loaded place lies in a province with boundaries; load a plan first")
    return loaded[0]


# ─────────────────────────── figures ───────────────────────────


def _page(label: str, key: str) -> str:
    return f"/{'city' if label in ('City', 'County') else label.lower()}/{quote(key, safe='')}"


def breaks(values: Iterable[float], ramp: tuple[str, ...] = RAMP) -> tuple[LegendClass, ...]:
    """Quantile class breaks over the positive values, at most one class per colour.

    >>> [(c.low, c.high) for c in breaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])]
    [(1, 2), (3, 4), (5, 6), (7, 8), (9, 10)]
    """
    vals = sorted(v for v in values if v > 0)
    if not vals:
        return ()
    n = min(len(ramp), len(set(vals)))
    cuts: list[tuple[float, float]] = []
    low = vals[0]
    for i in range(1, n + 1):
        high = vals[min(len(vals) - 1, math.ceil(i * len(vals) / n) - 1)]
        if high >= low and (not cuts or high > cuts[-1][1]):
            cuts.append((low, high))
            nxt = [v for v in vals if v > high]
            low = nxt[0] if nxt else high
    colours = ramp if len(cuts) == len(ramp) else ramp[len(ramp) - len(cuts) :]
    return tuple(
        LegendClass(lo, hi, c, _fmt(lo) if lo == hi else f"{_fmt(lo)}–{_fmt(hi)}")
        for (lo, hi), c in zip(cuts, colours, strict=True)
    )


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() or v >= 100 else f"{v:,.1f}"


def _fill(value: float, legend: tuple[LegendClass, ...]) -> str:
    for c in legend:
        if value <= c.high:
            return c.fill if value >= c.low else EMPTY
    return legend[-1].fill if legend and value > 0 else EMPTY


def build_map(
    driver: Driver,
    settings: Settings,
    registry: QueryRegistry,
    *,
    province: str | None = None,
    level: Level = "county",
    metric: str = "clusters",
    cluster_level: str = "",
    segment: str = "",
    cluster: str = "",
    sector: str = "",
) -> MapView:
    """The map of one province at one level with one figure per area (two named queries at most).

    >>> build_map(driver, settings, registry, level="county", metric="firms").areas[0].value  # doctest: +SKIP
    1234
    """
    if metric not in METRICS:
        raise InputError(f"metric must be one of {', '.join(METRICS)}, got {metric[:30]!r}")
    # The schema cannot say that these metrics need their entity; a missing one is an entity not found.
    if metric == "segment" and not segment:
        raise NotFoundError("metric=segment maps one chain segment: name it with segment=<chain>/<segment>")
    if metric == "cluster" and not cluster:
        raise NotFoundError("metric=cluster maps one cluster: name it with cluster=<cluster key>")
    cluster_places: dict[str, int] = {}
    cluster_name = cluster
    cluster_zones: set[str] = set()
    if cluster:
        rows = run_named(driver, settings, "cluster_detail", {"key": cluster, "limit": 1}, registry=registry)
        if not rows:
            raise NotFoundError(f"no cluster with key {cluster[:200]!r}")
        cluster_name = rows[0]["name"]
        cluster_zones = {z["key"] for z in rows[0]["zones"]}
        for p in rows[0]["places"]:
            cluster_places[p["key"]] = 2 if p["label"] == "County" or level == "city" else 1
        if province is None and cluster_places:
            # The cluster's own province, whatever else is loaded.
            home = _gazetteer().by_code(min(cluster_places))
            province = _gazetteer().province_of(home.code).code if home is not None else None
    code = choose_province(driver, settings, registry, province)
    pm = province_map(code)
    places = run_named(driver, settings, "map_places", {"province": code[:2], "limit": 5000}, registry=registry)
    value: dict[str, float] = defaultdict(float)
    seen: dict[str, set[str]] = defaultdict(set)  # distinct clusters or zones per area
    pages: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    zone_at: dict[str, tuple[str, str, Any, Any, str | None]] = {}
    segment_firms: dict[str, float] = {}
    segment_name = segment
    if metric == "segment":
        segment_name = next(
            (
                f"{r['chain']['name']} · {r['name']}"
                for r in run_named(driver, settings, "chain_segments", {"limit": 5000}, registry=registry)
                if r["key"] == segment
            ),
            segment,
        )
        for r in run_named(
            driver,
            settings,
            "map_segment_places",
            {"segment": segment, "cluster": cluster, "limit": 5000},
            registry=registry,
        ):
            segment_firms[r["key"]] = float(r["firms"])
    for p in places:
        area = area_of(code, level, p["key"])
        for z in p["zones"]:
            zone_at.setdefault(z["key"], (z["name"], p["key"], z.get("lon"), z.get("lat"), area))
        if metric == "cluster" and level == "county" and p["label"] == "City" and p["key"] in cluster_places:
            # A cluster placed in a whole city covers its counties: shade them, lighter.
            for q in places:
                qa = area_of(code, level, q["key"])
                if q["parent"] == p["key"] and qa is not None:
                    value[qa] = max(value[qa], 1)
        if area is None:
            continue
        pages[area].append((p["key"], p["name"], p["label"]))
        chosen = [
            c
            for c in p["clusters"]
            if (not cluster_level or c["level"] == cluster_level) and (not sector or c.get("sector") == sector)
        ]
        if metric == "clusters":
            seen[area] |= {c["key"] for c in chosen}
        elif metric == "zones":
            seen[area] |= {z["key"] for z in p["zones"]}
        elif metric == "targets":
            for c in chosen:
                if c["key"] not in seen[area]:
                    seen[area].add(c["key"])
                    value[area] += float(c["target_yi"] or 0)
        elif metric == "firms":
            value[area] += float(p["firms"])
        elif metric == "segment":
            value[area] += segment_firms.get(p["key"], 0.0)
        elif p["key"] in cluster_places:
            value[area] = max(value[area], cluster_places[p["key"]])
    if metric in ("clusters", "zones"):
        for area, keys in seen.items():
            value[area] = float(len(keys))
    if metric == "cluster":
        legend: tuple[LegendClass, ...] = (
            LegendClass(1, 1, RAMP[1], "所在市的县（市、区）"),
            LegendClass(2, 2, RAMP[3], "所在地"),
        )
        if level == "city":
            legend = legend[1:]
    else:
        legend = breaks(value.values())
    paths = svg_paths(code, level)
    f = frame(code)
    areas = []
    for a in pm.areas(level):
        v = value.get(a.code, 0.0)
        areas.append(
            MapArea(
                a.code,
                a.name,
                v,
                _fill(v, legend),
                _best_page(a, pages.get(a.code, [])),
                paths[a.code],
                a.centroid,
                a.polygons,
            )
        )
    centroids = {a.code: a.centroid for a in pm.counties} | {a.code: a.centroid for a in pm.cities}
    zones = []
    if metric in ("zones", "cluster"):
        for key, (name, place, lon, lat, _area) in sorted(zone_at.items()):
            if metric == "cluster" and key not in cluster_zones:
                continue
            # At its coordinates when the graph has them, else at its place's label point.
            placed: Literal["coordinates", "centroid"] = "coordinates"
            if lon is None or lat is None:
                d = _gazetteer().by_code(place)
                if d is None or d.code not in centroids:
                    continue
                (lon, lat), placed = centroids[d.code], "centroid"
            x, y = f.xy(float(lon), float(lat))
            zones.append(ZoneMarker(key, name, float(lon), float(lat), x, y, placed, _page("Zone", key)))
    label, unit = METRICS[metric]
    if metric in ("clusters", "targets") and (cluster_level or sector):
        label = f"{sector}{cluster_level}{label}"
    if metric == "segment":
        label = f"{segment_name} 企业" + ("（集群以外的候选）" if cluster else "")
    if metric == "cluster":
        label = f"{cluster_name} 所在地"
    note = (
        "县级图只计落在县（市、区）的实体；落在整个市的见市级图。"
        if level == "county" and metric in ("clusters", "zones", "targets")
        else ""
    )
    if metric == "firms":
        # Firms count where the registry places them (LOCATED_IN); one known only by its zone,
        # or placed in another province, is not on this map, and the map says how many.
        total = int(run_named(driver, settings, "map_firm_total", {"limit": 1}, registry=registry)[0]["firms"])
        unplaced = total - int(sum(value.values()))
        note = (
            (
                f"企业按登记所在地计；库中 {total:,} 家企业有 {unplaced:,} 家未落到本图的"
                f"{AREA_ZH[level]}（{'只知所在园区、登记在整个市或在外省' if level == 'county' else '只知所在园区或在外省'}）。"
            )
            if unplaced > 0
            else ""
        )
    return MapView(
        code,
        pm.name,
        level,
        metric,
        label,
        unit,
        f"{pm.name}{label}（{LEVEL_ZH[level]}）",
        f.width,
        f.height,
        tuple(areas),
        tuple(zones),
        legend,
        pm.attribution,
        note,
    )


def _best_page(area: Area, places: list[tuple[str, str, str]]) -> str | None:
    """The page of the graph place drawn as this area: the one with its current code, else its namesake."""
    if not places:
        return None
    stem = _gazetteer().by_code(area.code)
    short = stem.short if stem is not None else area.name
    ranked = sorted(places, key=lambda p: (p[0] != area.code, not p[1].startswith(short), p[0]))
    key, _name, label = ranked[0]
    return _page(label, key)


# ─────────────────────────── GeoJSON ───────────────────────────


def feature_collection(view: MapView) -> dict[str, Any]:
    """The view as GeoJSON (RFC 7946, lon/lat), one MultiPolygon feature per area."""
    return {
        "type": "FeatureCollection",
        "name": view.title,
        "properties": {
            "province": view.province,
            "level": view.level,
            "metric": view.metric,
            "metric_label": view.metric_label,
            "unit": view.unit,
            "attribution": view.attribution,
            "legend": [{"low": c.low, "high": c.high, "fill": c.fill, "label": c.label} for c in view.legend],
        },
        "features": [
            {
                "type": "Feature",
                "id": a.code,
                "properties": {"code": a.code, "name": a.name, "metric": a.value, "fill": a.fill, "href": a.href},
                "geometry": {
                    "type": "MultiPolygon",
                    "coordinates": [[[list(p) for p in ring] for ring in poly] for poly in a.polygons],
                },
            }
            for a in view.areas
        ],
    }


def zone_points(view: MapView) -> list[Mapping[str, Any]]:
    return [
        {"key": z.key, "name": z.name, "lon": z.lon, "lat": z.lat, "placed": z.placed, "href": z.href}
        for z in view.zones
    ]
