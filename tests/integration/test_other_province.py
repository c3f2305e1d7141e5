"""A plan of another province, read by the general reading, loaded and served like the Henan plan.

The plan is written for the test (no sentence of a real document): a Hubei-style programme
with a list sharing one ending, a heading per cluster, its zones, firms and projects.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from clients import api_client
from fastapi.testclient import TestClient

from clusterkg.graph.db import read

pytestmark = pytest.mark.integration

PLAN = """湖北省培育重点产业集群工作方案
一、发展目标
到2027年，重点支持武汉智能网联汽车、襄阳汽车零部件等领域培育千亿级集群；支持十堰汽车配件、荆门动力电池等领域培育300亿级集群。
二、重点任务
（一）做强武汉智能网联汽车产业集群
以武汉经济技术开发区为主承载区，以东风汽车集团有限公司、路畅智能科技有限公司为龙头，推进东风新能源整车二期等项目建设。
（二）做优襄阳汽车零部件产业集群
以襄阳高新技术产业开发区为主承载区，依托汉江轴承、襄阳传动等企业，推进传动轴扩能项目建设。
（三）壮大十堰汽车配件产业集群
依托十堰经济技术开发区，支持汉江轴承做强轮毂轴承。
"""


@pytest.fixture(scope="module")
def plan_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hubei") / "hubei-written-programme.txt"
    path.write_text(PLAN, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def client(graph, driver, settings, plan_file: Path) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    from clusterkg.graph.writes import clear_graph
    from clusterkg.loaders.load_plan import load_plan

    clear_graph(driver, settings)
    loaded = load_plan(driver, settings, plan_file)
    assert loaded.written and loaded.counts["Cluster"] == 4
    with api_client(settings) as c:
        yield c


def names(rows: list[dict[str, Any]]) -> set[str]:
    return {r["name"] for r in rows}


def test_the_plan_loads_its_own_places_and_no_henan_place(client: TestClient, driver, settings) -> None:  # type: ignore[no-untyped-def]
    rows = read(driver, settings, "MATCH (p) WHERE p:City OR p:County RETURN p.key AS code, p.name AS name")
    codes = {r["code"] for r in rows}
    assert {"420100", "420600", "420300", "420800"} <= codes  # 武汉, 襄阳, 十堰, 荆门
    assert not any(c.startswith("41") for c in codes)  # nothing of Henan
    sectors = read(driver, settings, "MATCH (s:Sector) RETURN count(s) AS n")
    assert sectors[0]["n"] == 0  # the plan names no sector


def test_a_zone_two_clusters_share_is_listed_once(client: TestClient) -> None:
    body = client.get("/api/zones/shared", params={"min_clusters": 2}).json()
    items = body["items"] if isinstance(body, dict) else body
    assert [i["name"] for i in items] == []  # each cluster names its own zone
    one = client.get("/api/zones/shared", params={"min_clusters": 1}).json()
    listed = one["items"] if isinstance(one, dict) else one
    assert {"武汉经济技术开发区", "襄阳高新技术产业开发区", "十堰经济技术开发区"} <= {i["name"] for i in listed}


def test_a_cluster_page_shows_its_zone_firms_projects_and_place(client: TestClient) -> None:
    body = client.get("/api/clusters/武汉智能网联汽车产业集群").json()
    assert body["level"] == "千亿级"
    assert names(body["zones"]) == {"武汉经济技术开发区"}
    assert names(body["firms"]) == {"东风汽车集团有限公司", "路畅智能科技有限公司"}
    assert [(p["key"], p["name"]) for p in body["places"]] == [("420100", "武汉市")]
    assert names(body["projects"]) == {"东风新能源整车二期"}
    html = client.get("/cluster/武汉智能网联汽车产业集群")
    assert html.status_code == 200 and "武汉经济技术开发区" in html.text


def test_a_cluster_gets_a_gap_report_through_the_chains_its_name_names(client: TestClient) -> None:
    body = client.get("/api/clusters/襄阳汽车零部件产业集群/gaps").json()
    assert {s["chain"]["key"] for s in body["segments"]} == {"vehicles-parts"}
    assert body["counts"]["缺链"] == len(body["segments"]) > 0  # no registry loaded: every segment is a gap
    page = client.get("/gaps/襄阳汽车零部件产业集群")
    assert page.status_code == 200 and "缺链" in page.text


def test_the_map_follows_the_loaded_plan_to_its_province(client: TestClient) -> None:
    import re

    from clusterkg.loaders.places import NationalGazetteer

    g = NationalGazetteer.load()
    svg = client.get("/map.svg", params={"level": "city", "metric": "clusters"}).text
    assert 'data-province="420000"' in svg and "湖北省" in svg
    drawn = dict(re.findall(r'data-code="(\d{6})" data-name="[^"]*" data-value="([\d.,]+)"', svg))
    assert sorted(drawn) == sorted(d.code for d in g.children("420000"))  # 12 cities, 恩施州, 仙桃 …
    assert {c for c, v in drawn.items() if v != "0"} == {"420100", "420600", "420300", "420800"}
    counties = client.get("/api/map/features", params={"level": "county"}).json()["features"]
    assert len(counties) == len(g.counties_of_province("420000")) == 103


def test_the_home_page_takes_its_title_year_and_levels_from_the_loaded_plan(client: TestClient) -> None:
    page = client.get("/")
    assert "<title>湖北省产业集群一览 · clusterkg</title>" in page.text and "河南" not in page.text
    view = client.get("/api/overview").json()
    assert view["title"] == "湖北省产业集群一览" and view["cluster_count"] == 4
    assert [g["level"] for g in view["levels"]] == ["千亿级", "300亿级"]  # largest first, not by character code
    assert view["year"] == 2027 and "（2027）" in page.text
