"""The 招商 workbench against the real Neo4j: scopes, scored candidates, location quotients, the workbook.

A nine-firm registry written below for 郑州航空港区智能终端(手机)产业集群 (chain smart-terminal,
zone 郑州航空港经济综合实验区, which the plan places in 郑州市 as a whole).  甲 is sited in the zone
and registered in 新郑市, so 新郑市 is the cluster's county; 乙 sits in 中牟县, another county of
郑州市; 癸 in 新郑市 with the industry code of printed circuit boards; 己, 庚, 辛 in zones of other
cities; 子 with no place at all.  One anchor firm of the cluster is added in 许昌's zone, so
庚 and 辛 share a zone with it.  The plan holds 53 other Enterprise nodes (anchor and project
firms), so the graph counts 63 firms for the location quotients.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from test_gaps import LUOYANG, PHONES, XUCHANG, ZONE, load_registry_file

from clusterkg.graph.db import read, write
from clusterkg.loaders.uscc import make_uscc

pytestmark = pytest.mark.integration

HEADER = "企业名称,统一社会信用代码,所在园区,所在县区,行业代码,主营产品,营业收入(万元),是否链主\n"
# name, zone, county, industry code, products, revenue (万元), chain leader
FIRMS = (
    ("甲整机有限公司", ZONE, "新郑市", "", "智能手机", 500000, "是"),
    ("乙整机有限公司", "", "中牟县", "", "平板电脑", 20000, "否"),
    ("丙模组有限公司", ZONE, "", "", "摄像模组", 3000, "否"),
    ("己线路板有限公司", LUOYANG, "", "", "印制电路板", 1000, "是"),
    ("庚线路板有限公司", XUCHANG, "", "", "柔性电路板", 90000, "否"),
    ("辛线路板有限公司", XUCHANG, "", "", "线路板", 5000, "否"),
    ("癸电路有限公司", "", "新郑市", "3982", "", 200000, "否"),
    ("子线路板有限公司", "", "", "", "PCB", 50000, "否"),
    ("壬分销有限公司", XUCHANG, "", "", "手机批发", 800, "否"),
)
PCB = "smart-terminal/pcb"


def uscc(n: int) -> str:
    return make_uscc(f"91410100MB{n:07d}")


@pytest.fixture(scope="module")
def workbench_firms(loaded_plan, driver, settings, tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    write(driver, settings, "MATCH (e:Enterprise {source: 'registry'}) DETACH DELETE e")
    path = tmp_path_factory.mktemp("workbench") / "firms.csv"
    path.write_text(
        HEADER
        + "".join(
            f"{name},{uscc(i)},{zone},{county},{code},{products},{revenue},{leader}\n"
            for i, (name, zone, county, code, products, revenue, leader) in enumerate(FIRMS, start=1)
        ),
        encoding="utf-8",
    )
    load_registry_file(driver, settings, path)
    # Registry columns the registry loader may not fill yet: set them as a registry would.
    write(
        driver,
        settings,
        "MATCH (e:Enterprise {key: $key}) SET e.employees = 12000, e.contact = '王经理', e.phone = '0371-12345678', "
        "e.address = '许昌市魏都区示例路1号'",
        {"key": uscc(5)},
    )
    write(
        driver,
        settings,
        "MATCH (c:Cluster {key: $cluster}), (z:Zone {key: $zone}) "
        "CREATE (a:Enterprise {key: '测试锚企业', name: '测试锚企业', source: 'test'})-[:ANCHORS]->(c), (a)-[:SITED_IN]->(z)",
        {"cluster": PHONES, "zone": XUCHANG},
    )
    return path


@pytest.fixture(scope="module")
def client(workbench_firms, settings) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    from clusterkg.api.app import create_app

    with TestClient(create_app(settings)) as c:
        yield c


def flags(client: TestClient, scope: str) -> dict[str, tuple[str, int]]:
    body = client.get(f"/api/clusters/{PHONES}/gaps", params={"scope": scope}).json()
    assert body["scope"]["kind"] == scope
    return {s["segment"]["key"].split("/")[1]: (s["flag"], s["firm_count"]) for s in body["segments"]}


def test_the_graph_counts_63_firms(workbench_firms, driver, settings) -> None:  # type: ignore[no-untyped-def]
    assert read(driver, settings, "MATCH (e:Enterprise) RETURN count(e) AS n") == [{"n": 63}]


def test_scope_changes_the_flags(client: TestClient) -> None:
    zones, counties, cities, province = (flags(client, s) for s in ("zones", "counties", "cities", "province"))
    assert (zones["assembly"], counties["assembly"], cities["assembly"], province["assembly"]) == (
        ("弱链", 1),
        ("弱链", 1),
        ("强链", 2),
        ("强链", 2),
    )
    assert (zones["pcb"], counties["pcb"], cities["pcb"], province["pcb"]) == (
        ("缺链", 0),
        ("弱链", 1),
        ("弱链", 1),
        ("强链", 4),  # 子 has no place: local to no scope
    )
    assert (cities["distribution"], province["distribution"]) == (("缺链", 0), ("弱链", 1))


def test_the_report_states_its_scope_and_thresholds(client: TestClient) -> None:
    body = client.get(f"/api/clusters/{PHONES}/gaps", params={"scope": "counties", "weak_firms": 3}).json()
    scope = body["scope"]
    assert (scope["label"], scope["counties"], scope["cities"], scope["provinces"]) == (
        "集群所在县（市、区）",
        [{"key": "410184", "name": "新郑市"}],
        [{"key": "410100", "name": "郑州市"}],
        ["41"],
    )
    assert (scope["place_count"], scope["zone_count"]) == (1, 1)
    assert scope["sentence"] == (
        "本地范围：集群所在县（市、区）（新郑市，即集群、其园区或园区企业登记所在的县级单位）"
        "及其中的产业集聚区，另含集群的园区（郑州航空港经济综合实验区）。"
    )
    assert body["weak_firms"] == 3
    assert body["thresholds"].startswith(
        "判断标准：本地无企业为缺链；本地企业少于 3 家或营业收入合计低于 10,000 万元为弱链"
    )
    assert body["counts"] == {"缺链": 7, "弱链": 3, "强链": 0, "补链": 0}


def test_an_unknown_scope_is_refused_naming_the_choices(client: TestClient) -> None:
    resp = client.get(f"/api/clusters/{PHONES}/gaps", params={"scope": "town"})
    assert resp.status_code == 422
    assert "zones" in resp.text and "province" in resp.text


def test_pcb_candidates_are_ranked_by_score_with_their_parts(client: TestClient) -> None:
    body = client.get(f"/api/clusters/{PHONES}/candidates", params={"segment": PCB, "scope": "zones"}).json()
    assert body["weights"] == {"fit": 0.2, "size": 0.3, "leader": 0.2, "distance": 0.15, "ties": 0.15}
    assert (body["total"], body["segment_firms"]) == (5, 5)
    assert [(f["name"], f["score"], [p["points"] for p in f["parts"]]) for f in body["firms"]] == [
        ("庚线路板有限公司", 62.0, [12.0, 30.0, 0.0, 5.0, 15.0]),
        ("癸电路有限公司", 61.51, [20.0, 26.51, 0.0, 15.0, 0.0]),
        ("己线路板有限公司", 52.0, [12.0, 15.0, 20.0, 5.0, 0.0]),
        ("辛线路板有限公司", 50.5, [12.0, 18.5, 0.0, 5.0, 15.0]),
        ("子线路板有限公司", 35.49, [12.0, 23.49, 0.0, 0.0, 0.0]),
    ]
    geng = body["firms"][0]
    assert [(p["label"], p["value"], p["weight"], p["why"]) for p in geng["parts"]] == [
        ("环节匹配", 0.6, 0.2, "按主营产品关键词“柔性电路板”归入"),
        ("规模", 1.0, 0.3, "营业收入 90,000 万元，从业人员 12,000 人"),
        ("链主", 0.0, 0.2, "非链主"),
        ("距离", 0.3333, 0.15, "同省（许昌市）"),
        ("已有关联", 1.0, 0.15, "与集群骨干企业同园区"),
    ]
    assert (geng["uscc"], geng["zone"], geng["county"], geng["revenue_wan"], geng["contact"], geng["phone"]) == (
        uscc(5),
        {"key": XUCHANG, "name": XUCHANG},
        None,
        90000.0,
        "王经理",
        "0371-12345678",
    )
    gui = body["firms"][1]
    assert (gui["county"], gui["place"], gui["parts"][0]["why"], gui["parts"][3]["why"]) == (
        {"key": "410184", "name": "新郑市"},
        {"key": "410184", "name": "新郑市"},
        "按行业代码 3982 归入",
        "同县（新郑市）",
    )
    assert body["firms"][4]["parts"][3]["why"] == "不详"


def test_a_wider_scope_drops_the_firms_it_makes_local(client: TestClient) -> None:
    body = client.get(f"/api/clusters/{PHONES}/candidates", params={"segment": PCB, "scope": "cities"}).json()
    assert [f["name"] for f in body["firms"]] == [
        "庚线路板有限公司",
        "己线路板有限公司",
        "辛线路板有限公司",
        "子线路板有限公司",
    ]
    assembly = client.get(
        f"/api/clusters/{PHONES}/candidates", params={"segment": "smart-terminal/assembly", "scope": "counties"}
    ).json()
    assert [(f["name"], f["score"], f["parts"][3]["why"]) for f in assembly["firms"]] == [
        ("乙整机有限公司", 43.51, "同市（中牟县）")
    ]


def test_zones_are_ranked_by_location_quotient_after_firm_count(client: TestClient) -> None:
    body = client.get(f"/api/clusters/{PHONES}/candidates", params={"segment": PCB, "scope": "zones"}).json()
    # 许昌: 2 of the 5 pcb firms, 4 of the 63 firms → (2/5)/(4/63) = 6.3; 洛阳: (1/5)/(1/63) = 12.6,
    # but one firm only, so after the zones with two or more.
    assert [(z["key"], z["firm_count"], z["zone_firms"], z["lq"], z["revenue_wan"]) for z in body["zones"]] == [
        (XUCHANG, 2, 4, 6.3, 95000.0),
        (LUOYANG, 1, 1, 12.6, 1000.0),
    ]


def test_empty_lists_say_why(client: TestClient) -> None:
    chips = client.get(f"/api/clusters/{PHONES}/candidates", params={"segment": "smart-terminal/chips"}).json()
    assert (chips["firms"], chips["firms_empty_reason"], chips["zones_empty_reason"]) == (
        [],
        "已加载的企业名录中尚无该环节企业（先导入企业名录）。",
        "已加载的企业名录中尚无该环节企业。",
    )
    camera = client.get(f"/api/clusters/{PHONES}/candidates", params={"segment": "smart-terminal/camera"}).json()
    assert camera["firms_empty_reason"] == (
        "该环节的 1 家企业都已在本地（集群所在城市（含所辖县（市、区））），省内无其他该环节企业。"
    )
    province = client.get(
        f"/api/clusters/{PHONES}/candidates", params={"segment": "smart-terminal/assembly", "scope": "province"}
    ).json()
    assert province["firms_empty_reason"] == "该环节的 2 家企业都在省内（已算作本地）；外省企业名录尚未加载。"


def test_workbook_has_a_summary_and_a_sheet_per_gap_segment(client: TestClient) -> None:
    resp = client.get(f"/api/clusters/{PHONES}/candidates.xlsx")
    assert resp.status_code == 200
    assert resp.headers["content-type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    wb = load_workbook(io.BytesIO(resp.content))
    assert wb.sheetnames == [
        "概览",
        "缺链-芯片及集成电路",
        "缺链-电子元件及电声器件",
        "缺链-显示面板及触控",
        "缺链-电子专用设备",
        "弱链-印制电路板",
        "缺链-手机电池",
        "弱链-摄像及光电模组",
        "缺链-结构件及外壳",
        "缺链-销售渠道及售后",
    ]
    summary = wb["概览"]
    assert summary["A1"].value == f"{PHONES} 招商引资目标企业清单"
    assert str(summary["A2"].value).startswith("本地范围：集群所在城市（郑州市）及其所辖全部县（市、区）")
    assert summary["A4"].value == "强链 1 个、弱链 2 个、缺链 7 个环节；补链优先 8 个。"
    header = [c.value for c in summary[7]]
    assert header[:8] == ["产业链", "环节", "位置", "判断", "补链优先", "本地企业", "本地营业收入（万元）", "候选企业"]
    assert summary.freeze_panes == "A8"
    pcb_row = [c.value for c in summary[12]]
    assert pcb_row[:9] == ["智能终端(手机)", "印制电路板", "上游", "弱链", "是", 1, 200000, 4, "弱链-印制电路板"]
    pcb = wb["弱链-印制电路板"]
    assert pcb.freeze_panes == "C2"
    assert [pcb.cell(row=r, column=2).value for r in range(2, 6)] == [
        "庚线路板有限公司",
        "己线路板有限公司",
        "辛线路板有限公司",
        "子线路板有限公司",
    ]
    row2 = {pcb.cell(row=1, column=c).value: pcb.cell(row=2, column=c) for c in range(1, pcb.max_column + 1)}
    assert (row2["统一社会信用代码"].value, row2["产业集聚区"].value, row2["联系人"].value, row2["从业人员"].value) == (
        uscc(5),
        XUCHANG,
        "王经理",
        12000,
    )
    assert (row2["营业收入（万元）"].value, row2["营业收入（万元）"].number_format) == (90000, "#,##0")
    assert (row2["总分"].value, row2["总分"].number_format, row2["已有关联得分"].value) == (62.0, "0.00", 15.0)
    assert pcb.column_dimensions["B"].width == 28
    chips = wb["缺链-芯片及集成电路"]
    assert chips["B2"].value == "已加载的企业名录中尚无该环节企业（先导入企业名录）。"


def test_page_names_scope_thresholds_and_lists_visits(client: TestClient) -> None:
    resp = client.get(f"/gaps/{PHONES}", params={"scope": "zones", "weak_revenue_wan": 5000, "weak_firms": 1})
    assert resp.status_code == 200
    page = resp.text
    assert (
        '<p class="scope" data-scope="zones">本地范围：集群的产业集聚区（郑州航空港经济综合实验区），只计入驻这些园区的企业。</p>'
        in page
    )
    assert "本地企业少于 1 家或营业收入合计低于 5,000 万元为弱链" in page
    assert '<option value="zones" selected>' in page
    assert '<input type="number" name="weak_revenue_wan" min="0" step="any" value="5000.0">' in page
    assert "庚线路板有限公司 90,000万元 · 62.0分" in page
    assert "许昌经济技术产业集聚区(2家，区位商 6.30)" in page
    assert page.count('<section class="sheet visits"') == 2  # pcb and distribution; camera's one firm is local
    assert "0371-12345678" in page and uscc(5) in page
    assert "@media print" in page and "break-before:page" in page
    assert "http://" not in page and "https://" not in page


def test_the_page_runs_three_queries_whatever_the_number_of_gap_segments(client: TestClient) -> None:
    # gap_scope (with the cluster's name), cluster_gaps and gap_targets (firms and zones), counted by the
    # server (X-Query-Count), for a cluster with few gap segments and one with many
    for key in (PHONES, "洛阳现代装备制造产业集群"):
        resp = client.get(f"/gaps/{key}", params={"scope": "zones"})
        assert resp.status_code == 200 and resp.headers["X-Query-Count"] == "3", key
