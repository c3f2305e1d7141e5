"""The packaged boundaries: one area per current division, joined to plan-era codes, neighbours meeting."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from clusterkg.api.maps import area_of, breaks
from clusterkg.errors import NotFoundError
from clusterkg.loaders.boundaries import province_map, provinces_with_maps
from clusterkg.loaders.places import NationalGazetteer


@pytest.fixture(scope="module")
def g() -> NationalGazetteer:
    return NationalGazetteer.load()


SHIPPED = provinces_with_maps()


def test_every_province_with_divisions_ships(g: NationalGazetteer) -> None:
    # 台湾, 香港 and 澳门 are the gazetteer's provinces without units under them
    expected = sorted(
        d.code for d in g.divisions if d.level == "province" and d.code not in ("710000", "810000", "820000")
    )
    assert SHIPPED == expected and len(SHIPPED) == 31


def _missing(province: str) -> set[str]:
    from clusterkg.loaders.boundaries import PACKAGED

    return set(json.loads((PACKAGED / f"{province}.json").read_text(encoding="utf-8"))["missing"])


def test_only_the_units_the_package_lacks_are_missing_and_each_says_why() -> None:
    gaps = {c: p for p in SHIPPED for c in _missing(p)}
    assert gaps == {
        "460302": "460000",
        "460303": "460000",
        "659013": "650000",
        "653132": "650000",
        "653228": "650000",
        "653229": "650000",
    }


@pytest.mark.parametrize("province", SHIPPED)
def test_every_county_of_the_province_has_exactly_one_area_with_a_polygon(g: NationalGazetteer, province: str) -> None:
    m = province_map(province)
    counts = Counter(a.code for a in m.counties)
    gaps = _missing(province)
    wanted = Counter(d.code for d in g.counties_of_province(province) if d.code not in gaps)
    assert counts == wanted  # each code once, none missing or extra but the listed gaps
    assert all(
        a.polygons and all(len(ring) >= 4 and ring[0] == ring[-1] for p in a.polygons for ring in p) for a in m.counties
    )
    assert all(a.name == g.by_code(a.code).name for a in m.counties)  # type: ignore[union-attr]


def test_henan_has_157_counties_and_18_city_level_units_jiyuan_included() -> None:
    m = province_map("410000")
    assert len(m.counties) == 157
    assert [a.code for a in m.cities] == [f"41{i:02d}00" for i in range(1, 18)] + ["419001"]


def test_plan_era_codes_reach_the_current_areas_through_the_code_history() -> None:
    # The 2015 plan's codes as the graph keeps them, and the current county each is drawn as.
    crosswalk = {
        "410728": "410783",
        "410381": "410307",
        "410322": "410308",
        "410306": "410308",
        "411023": "411003",
        "411222": "411203",
        "411626": "411603",
        "410102": "410102",
    }
    assert {old: area_of("410000", "county", old) for old in crosswalk} == crosswalk
    assert area_of("410000", "city", "410728") == "410700"  # 长垣 is drawn inside 新乡 at city level
    assert area_of("410000", "city", "410300") == "410300"
    assert area_of("410000", "county", "410300") is None  # a city is no county
    assert area_of("410000", "county", "210624") is None  # another province's county


def test_neighbouring_counties_share_their_simplified_border() -> None:
    m = province_map("410000")
    points = {a.code: {pt for p in a.polygons for ring in p for pt in ring} for a in m.counties}
    # 登封 and 新密 touch; the simplified outlines keep the same vertices along the border.
    assert len(points["410185"] & points["410183"]) >= 3


def test_a_province_without_boundaries_says_how_to_make_them() -> None:
    with pytest.raises(NotFoundError, match="gen_boundaries.py --province 710000"):
        province_map("710000")


def test_class_breaks_cover_the_positive_values_in_order() -> None:
    legend = breaks([0, 1, 1, 2, 3, 5, 8, 13, 21, 34])
    assert [c.label for c in legend] == ["1", "2–3", "5–8", "13–21", "34"]
    assert [c.low for c in legend] == sorted(c.low for c in legend)
    assert breaks([0, 0]) == ()
