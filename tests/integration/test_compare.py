"""Place comparison and county dashboards against the real Neo4j, on a ten-firm registry written here.

Each firm names one smart-terminal product keyword and a county, so it lands in exactly one
segment and one place (test_gaps.py relies on the same keywords):

    新郑市 (郑州)  assembly ×2, camera        中牟县 (郑州)  assembly, pcb
    偃师市 (洛阳)  pcb ×2, camera             长垣县 (新乡)  distribution, assembly

Province: 10 firms; assembly 4, pcb 3, camera 2, distribution 1.  郑州市 (its counties
included) has 5 firms: assembly 3 → LQ (3/5)/(4/10) = 1.5, camera (1/5)/(2/10) = 1.0,
pcb (1/5)/(3/10) = 0.6667, distribution 0.  洛阳市 has 3: pcb (2/3)/(3/10) = 2.2222,
camera (1/3)/(2/10) = 1.6667.  新乡市 has 2: distribution (1/2)/(1/10) = 5.0, assembly
(1/2)/(4/10) = 1.25.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import pytest
from clients import api_client
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from clusterkg.graph.db import write
from clusterkg.loaders.actuals import load_actuals
from clusterkg.loaders.load_firms import load_firms
from clusterkg.loaders.uscc import make_uscc

pytestmark = pytest.mark.integration

HEADER = "企业名称,统一社会信用代码,所在园区,所在县区,行业代码,主营产品,营业收入(万元),是否链主\n"
# name, county, product, revenue (万元)
FIRMS = (
    ("新郑甲整机有限公司", "新郑市", "智能手机", 100),
    ("新郑乙整机有限公司", "新郑市", "智能手机", 200),
    ("新郑丙模组有限公司", "新郑市", "摄像模组", 300),
    ("中牟丁整机有限公司", "中牟县", "智能手机", 400),
    ("中牟戊线路板有限公司", "中牟县", "印制电路板", 500),
    ("偃师己线路板有限公司", "偃师市", "印制电路板", 600),
    ("偃师庚线路板有限公司", "偃师市", "印制电路板", 700),
    ("偃师辛模组有限公司", "偃师市", "摄像模组", 800),
    ("长垣壬分销有限公司", "长垣县", "手机批发", 900),
    ("长垣癸整机有限公司", "长垣县", "智能手机", 1000),
)
ZHENGZHOU, LUOYANG, XINXIANG = "410100", "410300", "410700"
XINZHENG, ZHONGMU = "410184", "410122"
THREE = f"{ZHENGZHOU},{LUOYANG},{XINXIANG}"
ACTUAL_CLUSTER = "郑州高端装备制造产业集群"


@pytest.fixture(scope="module")
def loaded(loaded_plan, driver, settings, tmp_path_factory):  # type: ignore[no-untyped-def]
    write(driver, settings, "MATCH (e:Enterprise {source: 'registry'}) DETACH DELETE e")
    folder = tmp_path_factory.mktemp("compare")
    firms = folder / "firms.csv"
    firms.write_text(
        HEADER
        + "".join(
            f"{name},{make_uscc(f'91410100MA{i:07d}')},,{county},,{product},{revenue},否\n"
            for i, (name, county, product, revenue) in enumerate(FIRMS, start=1)
        ),
        encoding="utf-8",
    )
    load_firms(driver, settings, firms)
    actuals = folder / "actuals.csv"
    actuals.write_text(f"cluster,year,revenue_yi,source\n{ACTUAL_CLUSTER},2017,2000,test figures\n", encoding="utf-8")
    load_actuals(driver, settings, actuals)


@pytest.fixture(scope="module")
def client(loaded, settings) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    with api_client(settings) as c:
        yield c


def figures(place: dict[str, Any]) -> dict[str, tuple[int, float | None]]:
    return {f["segment"].split("/")[1]: (f["firms"], f["lq"]) for f in place["segments"]}


def test_three_cities_get_firms_and_location_quotients_per_segment(client: TestClient) -> None:
    body = client.get("/api/compare", params={"places": THREE}).json()
    assert [p["key"] for p in body["places"]] == [ZHENGZHOU, LUOYANG, XINXIANG]
    assert [p["firms"] for p in body["places"]] == [5, 3, 2]
    # segments in chain order (上游 before 中游 before 下游), only those with a firm in one of the places
    assert [s["key"] for s in body["segments"]] == [
        "smart-terminal/pcb",
        "smart-terminal/camera",
        "smart-terminal/assembly",
        "smart-terminal/distribution",
    ]
    zz, ly, xx = body["places"]
    assert figures(zz) == {"pcb": (1, 0.6667), "camera": (1, 1.0), "assembly": (3, 1.5), "distribution": (0, 0.0)}
    assert figures(ly) == {"pcb": (2, 2.2222), "camera": (1, 1.6667), "assembly": (0, 0.0), "distribution": (0, 0.0)}
    assert figures(xx) == {"pcb": (0, 0.0), "camera": (0, 0.0), "assembly": (1, 1.25), "distribution": (1, 5.0)}
    assert body["province_firms"] == {"41": 10}
    assembly = zz["segments"][2]
    assert (assembly["revenue_wan"], assembly["share"], assembly["rank_city"], assembly["rank_province"]) == (
        700.0,
        0.6,
        None,  # a city is ranked in the province only
        1,
    )


def test_clusters_are_grouped_by_level_largest_first_and_actuals_join_the_targets(client: TestClient) -> None:
    zz, ly, xx = client.get("/api/compare", params={"places": THREE}).json()["places"]
    # by the size a level names, not by its characters (800亿级 sorts after 500亿级 as text)
    assert [(lv["level"], lv["clusters"], lv["target_yi"]) for lv in zz["levels"]] == [
        ("千亿级", 6, 9900.0),
        ("800亿级", 1, 800.0),
        ("500亿级", 2, 1000.0),
        ("百亿级", 1, 100.0),
    ]
    assert [lv["level"] for lv in ly["levels"]] == ["千亿级", "500亿级", "300亿级", "百亿级"]
    assert [(c["name"], c["target_yi"], c["places"]) for c in zz["clusters"][:4]] == [
        ("郑州航空港区智能终端(手机)产业集群", 3000.0, 1),
        (ACTUAL_CLUSTER, 2500.0, 1),
        ("郑州食品产业集群", 1200.0, 1),
        ("郑汴整车及零部件产业集群", 1200.0, 2),  # also in 开封市: counted in full in each
    ]
    assert (zz["target_yi"], zz["reported"], zz["actual_yi"], zz["reported_target_yi"], zz["attainment"]) == (
        11800.0,
        1,
        2000.0,
        2500.0,
        0.8,
    )
    assert (xx["target_yi"], xx["reported"], xx["actual_yi"], xx["attainment"]) == (2300.0, 0, None, None)


def test_csv_has_a_line_per_place_and_segment(client: TestClient) -> None:
    r = client.get("/api/compare.csv", params={"places": THREE})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(r.text.lstrip("\ufeff"))))
    assert rows[0] == [
        "place",
        "place_name",
        "kind",
        "place_firms",
        "chain",
        "chain_name",
        "segment",
        "segment_name",
        "stage",
        "firms",
        "revenue_wan",
        "share",
        "lq",
        "rank_city",
        "rank_province",
    ]
    assert len(rows) == 1 + 3 * 4
    by = {(row[0], row[6]): row for row in rows[1:]}
    assert by[(LUOYANG, "smart-terminal/pcb")][9:] == ["2", "1300.0", "0.6667", "2.2222", "", "1"]
    assert by[(XINXIANG, "smart-terminal/pcb")][9:] == ["0", "0.0", "0.0", "0.0", "", ""]


def test_workbook_has_overview_clusters_firms_and_quotient_sheets(client: TestClient) -> None:
    r = client.get("/api/compare.xlsx", params={"places": THREE})
    assert r.status_code == 200
    wb = load_workbook(io.BytesIO(r.content))
    assert wb.sheetnames == ["概览", "集群", "环节企业数", "区位商"]
    lq = wb["区位商"]
    assert [c.value for c in lq[1]] == ["产业链", "环节", "环节代码", "链上位置", "郑州市", "洛阳市", "新乡市"]
    rows = {row[2]: row[4:] for row in lq.iter_rows(min_row=2, values_only=True)}
    assert rows["smart-terminal/pcb"] == (0.6667, 2.2222, 0.0)
    assert rows["smart-terminal/distribution"] == (0.0, 0.0, 5.0)
    assert lq.freeze_panes == "B2" and lq["E2"].number_format == "0.00"
    firms = wb["环节企业数"]
    assert [row[4:] for row in firms.iter_rows(min_row=2, values_only=True)] == [
        (1, 2, 0),
        (1, 1, 0),
        (3, 0, 1),
        (0, 0, 1),
    ]
    overview = wb["概览"]
    # the level columns of all three cities, by size: 郑州 has 800亿级, 洛阳 300亿级, 新乡 400亿级
    assert [c.value for c in overview[1]][5:12] == [
        "千亿级（个）",
        "800亿级（个）",
        "500亿级（个）",
        "400亿级（个）",
        "300亿级（个）",
        "百亿级（个）",
        "目标合计（亿元）",
    ]
    assert [row[5:12] for row in overview.iter_rows(min_row=2, values_only=True)] == [
        (6, 1, 2, 0, 0, 1, 11800.0),
        (3, 0, 1, 0, 1, 2, 6000.0),
        (1, 0, 1, 1, 0, 2, 2300.0),
    ]
    assert [row[:4] for row in overview.iter_rows(min_row=2, values_only=True)] == [
        ("郑州市", ZHENGZHOU, "省辖市", 5),
        ("洛阳市", LUOYANG, "省辖市", 3),
        ("新乡市", XINXIANG, "省辖市", 2),
    ]


@pytest.mark.parametrize(
    ("places", "status", "words"),
    [
        (ZHENGZHOU, 422, "现有 1 个"),
        (",".join(str(410101 + i) for i in range(11)), 422, "最多比较 10 个地区，现有 11 个"),
        (f"{ZHENGZHOU},419999", 404, "419999"),
        (f"{ZHENGZHOU},abc", 422, "“abc”不是 6 位行政区划代码"),
    ],
)
def test_bad_places_are_refused_naming_the_problem(client: TestClient, places: str, status: int, words: str) -> None:
    api = client.get("/api/compare", params={"places": places})
    assert api.status_code == status and words in api.json()["error"]["message"]
    xlsx = client.get("/api/compare.xlsx", params={"places": places})
    assert xlsx.status_code == status and words in xlsx.json()["error"]["message"]
    page = client.get("/compare", params={"places": places})
    assert page.status_code == status and page.headers["content-type"].startswith("text/html")
    assert words in page.text


def test_compare_page_shows_three_cities_with_table_and_small_multiples(client: TestClient) -> None:
    r = client.get("/compare", params={"places": THREE})
    assert r.status_code == 200
    html = r.text
    for name in ("郑州市", "洛阳市", "新乡市"):
        assert f'data-title="{name}（' in html  # one chart panel each
    assert '<tr data-segment="smart-terminal/assembly">' in html
    assert "3 / 1.50" in html and "2 / 2.22" in html and "1 / 5.00" in html
    assert f"/api/compare.xlsx?places={THREE.replace(',', '%2C')}" in html
    svg = client.get("/api/compare.svg", params={"places": THREE})
    assert svg.headers["content-type"].startswith("image/svg+xml")
    assert svg.text.count('class="panel"') == 3
    assert 'data-series="区位商" data-value="5"' in svg.text


def test_compare_page_without_places_shows_the_form(client: TestClient) -> None:
    r = client.get("/compare")
    assert r.status_code == 200 and 'name="places"' in r.text and "概览" not in r.text


def test_county_dashboard_ranks_segments_in_city_and_province(client: TestClient) -> None:
    d = client.get(f"/api/counties/{XINZHENG}").json()
    c = d["county"]
    assert (c["key"], c["name"], c["parent"], c["firms"]) == (
        XINZHENG,
        "新郑市",
        {"key": ZHENGZHOU, "name": "郑州市"},
        3,
    )
    n_province, n_city = 157, 12  # the plan's counties of Henan, of 郑州市 (its districts included)
    assert [
        (f["segment"], f["firms"], f["lq"], f["rank_city"], f["rank_province"], f["peers_city"], f["peers_province"])
        for f in c["segments"]
    ] == [
        ("smart-terminal/camera", 1, round((1 / 3) / (2 / 10), 4), 1, 1, n_city, n_province),  # tied with 偃师市
        ("smart-terminal/assembly", 2, round((2 / 3) / (4 / 10), 4), 1, 1, n_city, n_province),
    ]
    assert [n["key"] for n in d["neighbours"]] == [
        "410102",
        "410103",
        "410104",
        "410105",
        "410106",
        "410108",
        ZHONGMU,
        "410181",
        "410182",
        "410183",
        "410185",
    ]
    zhongmu = next(n for n in d["neighbours"] if n["key"] == ZHONGMU)
    # the neighbours are shown on the county's segments: 中牟县 has one assembly firm, ranked second
    assert [(f["segment"], f["firms"], f["rank_city"], f["rank_province"]) for f in zhongmu["segments"]] == [
        ("smart-terminal/camera", 0, None, None),
        ("smart-terminal/assembly", 1, 2, 2),
    ]
    assert d["neighbour_rule"].startswith("相邻地区取同一省辖市的其他县")
    gongyi = client.get("/api/counties/410181").json()["county"]
    assert [x["name"] for x in gongyi["clusters"]] == ["巩义铝板带箔产业集群"]
    assert [z["name"] for z in gongyi["zones"]] == ["巩义产业集聚区", "豫联能源产业集聚区"]


def test_county_page_has_charts_with_svg_and_png_downloads(client: TestClient) -> None:
    r = client.get(f"/county/{XINZHENG}")
    assert r.status_code == 200
    assert r.text.count('class="png-download"') == 2
    assert f'href="/api/counties/{XINZHENG}/charts/segments.svg?year=2017"' in r.text
    assert '<script src="/static/chart-download.js"></script>' in r.text
    assert "compare-neighbours" in r.text
    assert f'<a href="/county/{XINZHENG}" id="county-dashboard">' in client.get(f"/city/{XINZHENG}").text
    assert 'id="county-dashboard"' not in client.get(f"/city/{ZHENGZHOU}").text
    svg = client.get(f"/api/counties/{XINZHENG}/charts/segments.svg")
    assert svg.status_code == 200 and svg.text.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert 'data-series="新郑市" data-value="2"' in svg.text  # assembly
    assert svg.text.count('data-series="同市其他县（市、区）平均"') == 2
    assert client.get("/static/chart-download.js").status_code == 200


def test_county_dashboard_refuses_a_city_and_an_unknown_code(client: TestClient) -> None:
    city = client.get(f"/county/{ZHENGZHOU}")
    assert city.status_code == 404 and "是省辖市" in city.text
    unknown = client.get("/api/counties/419999")
    assert unknown.status_code == 404 and "419999" in unknown.json()["error"]["message"]


def test_pages_run_a_fixed_number_of_queries_whatever_they_compare(client: TestClient) -> None:
    ten = "410100,410200,410300,410400,410500,410600,410700,410800,410900,411000"
    counts = {
        url: int(client.get(url).headers["X-Query-Count"])
        for url in (
            f"/compare?places={ZHENGZHOU},{LUOYANG}",
            f"/compare?places={ten}",
            f"/county/{XINZHENG}",
            "/county/410381",
        )
    }
    # per province: map_places, compare_segment_places, compare_segments; one page of attainment_clusters
    assert list(counts.values()) == [4, 4, 4, 4]
