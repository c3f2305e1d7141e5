"""A zone's firms page by page: sorted by revenue, name or segment, filtered by segment, never unbounded."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from clusterkg.loaders.uscc import make_uscc

pytestmark = pytest.mark.integration
ZONE = "郑州航空港经济综合实验区"
HEADER = "企业名称,统一社会信用代码,所在园区,所在县区,行业代码,主营产品,营业收入(万元),是否链主\n"
# name, products (one smart-terminal segment each), revenue (万元), chain leader
FIRMS = (
    ("甲整机有限公司", "智能手机", 500000, "是"),
    ("乙整机有限公司", "平板电脑", 20000, "否"),
    ("丙模组有限公司", "摄像模组", 3000, "否"),
    ("丁分销有限公司", "手机批发", 1000, "否"),
    ("戊分销有限公司", "手机零售", 2000, "否"),
    ("己线路板有限公司", "印制电路板", "", "否"),
    ("庚线路板有限公司", "柔性电路板", 90000, "否"),
)


@pytest.fixture(scope="module")
def zone_firms(loaded_plan, driver, settings, tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    from clusterkg.graph.db import write
    from clusterkg.loaders.load_firms import load_firms

    write(driver, settings, "MATCH (e:Enterprise {source: 'registry'}) DETACH DELETE e")
    path = tmp_path_factory.mktemp("zone") / "firms.csv"
    path.write_text(
        HEADER
        + "".join(
            f"{name},{make_uscc(f'91410100MA{i:07d}')},{ZONE},,,{products},{revenue},{leader}\n"
            for i, (name, products, revenue, leader) in enumerate(FIRMS, start=1)
        ),
        encoding="utf-8",
    )
    assert load_firms(driver, settings, path).counts["Enterprise"] == len(FIRMS)
    return path


def names(body: dict) -> list[str]:  # type: ignore[type-arg]
    return [f["name"] for f in body["firms"]]


def test_firms_come_a_page_at_a_time_largest_first(client: TestClient, zone_firms: Path) -> None:
    first = client.get(f"/api/zones/{ZONE}/firms", params={"size": 3}).json()
    assert (first["total"], first["pages"], first["page"]) == (7, 3, 1)
    assert names(first) == ["甲整机有限公司", "庚线路板有限公司", "乙整机有限公司"]
    last = client.get(f"/api/zones/{ZONE}/firms", params={"size": 3, "page": 3}).json()
    assert names(last) == ["己线路板有限公司"]  # no revenue: last
    beyond = client.get(f"/api/zones/{ZONE}/firms", params={"size": 3, "page": 9}).json()
    assert beyond["firms"] == [] and beyond["total"] == 7
    detail = client.get(f"/api/zones/{ZONE}").json()
    assert detail["firm_count"] == 7 and detail["firms"][0]["name"] == "甲整机有限公司"


def test_firms_sort_by_name_or_segment_and_filter_by_segment(client: TestClient, zone_firms: Path) -> None:
    by_name = names(client.get(f"/api/zones/{ZONE}/firms", params={"sort": "name"}).json())
    assert by_name == sorted(by_name) and len(by_name) == 7
    by_segment = client.get(f"/api/zones/{ZONE}/firms", params={"sort": "segment"}).json()["firms"]
    segment_names = [f["segments"][0]["name"] for f in by_segment]
    assert segment_names == sorted(segment_names)
    segment = by_segment[0]["segments"][0]["key"]
    only = client.get(f"/api/zones/{ZONE}/firms", params={"segment": segment}).json()
    assert only["total"] == sum(1 for f in by_segment if f["segments"][0]["key"] == segment) >= 1
    assert all(segment in [s["key"] for s in f["segments"]] for f in only["firms"])
    bad = client.get(f"/api/zones/{ZONE}/firms", params={"sort": "size"})
    assert bad.status_code == 422 and "sort" in bad.json()["error"]["message"]
    assert client.get("/api/zones/没有的园区/firms").status_code == 404


def test_the_zone_page_shows_one_page_of_firms_with_sort_and_paging_links(client: TestClient, zone_firms: Path) -> None:
    html = client.get(f"/zone/{ZONE}").text
    table = html.split('<table id="zone-firms">')[1].split("</table>")[0]
    assert table.count("<tr>") == 7 + 1 and "企业（7 家）" in html
    assert re.search(r"甲整机有限公司</a>（链主）", table) and "500,000" in table
    assert "sort=name" in html and "sort=segment" in html and "第 1 / 1 页" in html


def test_a_large_zone_walks_the_revenue_index_and_pages_as_the_sort_does(driver, settings, zone_firms: Path) -> None:  # type: ignore[no-untyped-def]
    # The walk (zone_firms_ranked) is taken while (skip + size) · 2 · all firms ≤ zone firms²
    # (api.zones.walk_is_cheaper): told that the graph holds a single firm, every page of this
    # 7-firm zone takes it; told that it holds a million, none does.  Both give the same pages, the firm without a revenue
    # (not in the index) last, where the walk runs out and the page is asked of the sort.
    from clusterkg.api.zones import zone_firms as page_of
    from clusterkg.graph.db import counting_queries
    from clusterkg.queries import load_registry

    registry = load_registry()
    walked, sorted_ = [], []
    for page in (1, 2, 3):
        with counting_queries() as n:
            walk = page_of(
                driver, settings, registry, {"key": ZONE, "firm_count": 7, "all_firms": 1}, page=page, size=3
            )
        walked.append((walk.total, [f.name for f in walk.firms], n[0]))
        big = {"key": ZONE, "firm_count": 7, "all_firms": 1_000_000}
        with counting_queries() as n:
            sort = page_of(driver, settings, registry, big, page=page, size=3)
        sorted_.append((sort.total, [f.name for f in sort.firms], n[0]))
    assert [w[:2] for w in walked] == [s[:2] for s in sorted_]
    assert walked[0][1] == ["甲整机有限公司", "庚线路板有限公司", "乙整机有限公司"]
    assert walked[2][1] == ["己线路板有限公司"]
    # one query a page, but two on the page where the index runs out (the walk, then the sort)
    assert [w[2] for w in walked] == [1, 1, 2] and [s[2] for s in sorted_] == [1, 1, 1]
