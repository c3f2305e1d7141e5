"""Chain-gap analysis against the real Neo4j: exact flags and candidates for one cluster, a report for every cluster.

The firm file below is written for 郑州航空港区智能终端(手机)产业集群, whose only chain is
smart-terminal, whose place is 郑州市 (its counties count as local) and whose zone is
郑州航空港经济综合实验区.  Every firm names one product keyword and no industry code, so each
lands in exactly one smart-terminal segment.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from clusterkg.graph.db import read, write
from clusterkg.graph.model import Label
from clusterkg.graph.presence import refresh_presence
from clusterkg.graph.writes import write_batch
from clusterkg.loaders.chains import load_chains
from clusterkg.loaders.firms import firm_batch, read_firms
from clusterkg.loaders.gazetteer import Gazetteer
from clusterkg.loaders.uscc import make_uscc
from clusterkg.queries.run import run_named
from clusterkg.text import normalise_name

pytestmark = pytest.mark.integration

PHONES = "郑州航空港区智能终端(手机)产业集群"
ZONE = "郑州航空港经济综合实验区"
LUOYANG = "洛阳伊滨产业集聚区"
XUCHANG = "许昌经济技术产业集聚区"
HEADER = "企业名称,统一社会信用代码,所在园区,所在县区,行业代码,主营产品,营业收入(万元),是否链主\n"


def uscc(n: int) -> str:
    return make_uscc(f"91410100MA{n:07d}")


# name, zone, county, products, revenue (万元), chain leader
FIRMS = (
    ("甲整机有限公司", ZONE, "新郑市", "智能手机", 500000, "是"),  # assembly, local via zone
    ("乙整机有限公司", "", "中牟县", "平板电脑", 20000, "否"),  # assembly, local via a county of 郑州市
    ("丙模组有限公司", ZONE, "", "摄像模组", 3000, "否"),  # camera: one local firm → 弱链, feeds assembly → 补链
    ("丁分销有限公司", ZONE, "", "手机批发", 1000, "否"),  # distribution: two firms, 3000 万元 < 10000 → 弱链
    ("戊分销有限公司", ZONE, "", "手机零售", 2000, "否"),
    ("己线路板有限公司", LUOYANG, "", "印制电路板", 1000, "是"),  # pcb elsewhere: a leader, small
    ("庚线路板有限公司", XUCHANG, "", "柔性电路板", 90000, "否"),  # pcb elsewhere: larger, not a leader
    ("辛线路板有限公司", XUCHANG, "", "线路板", 5000, "否"),
)


def firm_rows() -> str:
    return HEADER + "".join(
        f"{name},{uscc(i)},{zone},{county},,{products},{revenue},{leader}\n"
        for i, (name, zone, county, products, revenue, leader) in enumerate(FIRMS, start=1)
    )


def load_registry_file(driver: Any, settings: Any, path: Path) -> None:
    zones = {normalise_name(r["key"]): r["key"] for r in read(driver, settings, "MATCH (z:Zone) RETURN z.key AS key")}
    firms = read_firms(path, lambda name: zones.get(normalise_name(name)), Gazetteer.load(), load_chains())
    assert firms.problems == []
    existing = {
        (Label(r["label"]), r["key"])
        for r in read(
            driver,
            settings,
            "MATCH (n) WHERE n:Zone OR n:City OR n:County OR n:ChainSegment RETURN labels(n)[0] AS label, n.key AS key",
        )
    }
    write_batch(driver, settings, firm_batch(firms.rows), existing=existing)
    refresh_presence(driver, settings)


@pytest.fixture(scope="module")
def phone_firms(loaded_plan, driver, settings, tmp_path_factory):  # type: ignore[no-untyped-def]
    write(driver, settings, "MATCH (e:Enterprise {source: 'registry'}) DETACH DELETE e")
    path = tmp_path_factory.mktemp("gaps") / "firms.csv"
    path.write_text(firm_rows(), encoding="utf-8")
    load_registry_file(driver, settings, path)
    return path


@pytest.fixture(scope="module")
def client(phone_firms, settings) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    from clusterkg.api.app import create_app

    with TestClient(create_app(settings)) as c:
        yield c


def brief(segments: list[dict[str, Any]]) -> list[tuple[str, str, bool, int, float, list[str]]]:
    return [
        (
            s["segment"]["key"].split("/")[1],
            s["flag"],
            s["priority"],
            s["firm_count"],
            s["revenue_wan"],
            [x["name"] for x in s["leaders"]],
        )
        for s in segments
    ]


def test_phone_cluster_segments_are_flagged_strong_weak_missing_and_priority(client: TestClient) -> None:
    body = client.get(f"/api/clusters/{PHONES}/gaps").json()
    assert body["cluster"] == {"key": PHONES, "name": PHONES}
    assert brief(body["segments"]) == [
        ("chips", "缺链", True, 0, 0.0, []),
        ("components", "缺链", True, 0, 0.0, []),
        ("display", "缺链", True, 0, 0.0, []),
        ("equipment", "缺链", True, 0, 0.0, []),
        ("pcb", "缺链", True, 0, 0.0, []),
        ("battery", "缺链", True, 0, 0.0, []),
        ("camera", "弱链", True, 1, 3000.0, []),
        ("structure", "缺链", True, 0, 0.0, []),
        ("assembly", "强链", False, 2, 520000.0, ["甲整机有限公司"]),
        ("distribution", "弱链", False, 2, 3000.0, []),
    ]
    assert body["counts"] == {"缺链": 7, "弱链": 2, "强链": 1, "补链": 8}
    assembly = body["segments"][8]
    assert assembly["firms"] == [
        {"key": uscc(1), "name": "甲整机有限公司", "revenue_wan": 500000.0, "chain_leader": True},
        {"key": uscc(2), "name": "乙整机有限公司", "revenue_wan": 20000.0, "chain_leader": False},
    ]
    assert body["segments"][6]["feeds_strong"] == ["smart-terminal/assembly"]
    # The plan's two projects for this cluster name 手机 and 智能终端, keywords of 整机.
    assert [p["name"] for p in assembly["projects"]] == ["富士康智能手机项目", "正威科技城智能终端产业园"]
    assert [s["projects"] for s in body["segments"] if s is not assembly] == [[]] * 9


def test_a_lower_weak_threshold_makes_distribution_strong(client: TestClient) -> None:
    body = client.get(f"/api/clusters/{PHONES}/gaps", params={"weak_revenue_wan": 2000}).json()
    flags = {s["segment"]["key"]: s["flag"] for s in body["segments"]}
    assert flags["smart-terminal/distribution"] == "强链"
    assert body["counts"] == {"缺链": 7, "弱链": 1, "强链": 2, "补链": 8}


def test_pcb_candidates_put_the_leader_first_then_revenue_and_name_their_zones(client: TestClient) -> None:
    body = client.get(f"/api/clusters/{PHONES}/candidates", params={"segment": "smart-terminal/pcb"}).json()
    assert [(f["name"], f["chain_leader"], f["revenue_wan"], f["zone"]["key"]) for f in body["firms"]] == [
        ("己线路板有限公司", True, 1000.0, LUOYANG),
        ("庚线路板有限公司", False, 90000.0, XUCHANG),
        ("辛线路板有限公司", False, 5000.0, XUCHANG),
    ]
    assert [(z["key"], z["firm_count"], z["revenue_wan"]) for z in body["zones"]] == [
        (XUCHANG, 2, 95000.0),
        (LUOYANG, 1, 1000.0),
    ]


def test_local_firms_are_never_candidates(client: TestClient) -> None:
    body = client.get(f"/api/clusters/{PHONES}/candidates", params={"segment": "smart-terminal/assembly"}).json()
    assert body["firms"] == [] and body["zones"] == []


def test_csv_has_a_line_per_segment_with_flags(client: TestClient) -> None:
    resp = client.get(f"/api/clusters/{PHONES}/gaps.csv")
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/csv")
    lines = resp.content.decode("utf-8-sig").splitlines()
    assert (
        lines[0]
        == "chain,chain_name,segment,segment_name,stage,flag,priority,firm_count,revenue_wan,leaders,projects,feeds_strong"
    )
    assert len(lines) == 11
    assert (
        "smart-terminal,智能终端(手机),smart-terminal/assembly,整机制造及代工,中游,强链,,2,520000.0,甲整机有限公司,富士康智能手机项目、正威科技城智能终端产业园,smart-terminal/distribution"
        in lines
    )


def test_printable_page_colours_segments_and_lists_candidates_without_external_urls(client: TestClient) -> None:
    resp = client.get(f"/gaps/{PHONES}")
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/html")
    page = resp.text
    assert "<h2>智能终端(手机)</h2>" in page and "<h2>引进指导目录</h2>" in page
    assert page.count('style="background:#f6c6c6"') == 7 + 1  # 缺链 rows plus the legend
    assert "己线路板有限公司(链主) 1,000万元" in page
    assert "http://" not in page and "https://" not in page


def test_unknown_cluster_is_404_naming_the_key(client: TestClient) -> None:
    for url in (
        "/api/clusters/没有的集群/gaps",
        "/api/clusters/没有的集群/gaps.csv",
        "/api/clusters/没有的集群/candidates?segment=smart-terminal/pcb",
    ):
        resp = client.get(url)
        assert resp.status_code == 404, url
        assert "没有的集群" in resp.json()["error"]["message"], url
    page = client.get("/gaps/没有的集群")  # the printable page answers a page
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "没有的集群" in page.text and "<title>未找到" in page.text


def test_every_cluster_gets_a_gap_report_on_a_5000_firm_sample(
    phone_firms, driver, settings, plan_path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from clusterkg.loaders.load_firms import plan_zones
    from clusterkg.loaders.sample_firms import generate_firms

    write(driver, settings, "MATCH (e:Enterprise {source: 'registry'}) DETACH DELETE e")
    sample = generate_firms(5000, 2015, plan_zones(plan_path), load_chains(), tmp_path / "sample.csv")
    load_registry_file(driver, settings, sample)
    clusters = [r["key"] for r in read(driver, settings, "MATCH (c:Cluster) RETURN c.key AS key ORDER BY key")]
    assert len(clusters) == 63
    empty = []
    flagged: set[str] = set()
    for key in clusters:
        rows = run_named(driver, settings, "cluster_gaps", {"key": key, "limit": 2000})
        if not rows:
            empty.append(key)
        flagged |= {r["flag"] for r in rows}
    assert empty == []
    assert flagged == {"缺链", "弱链", "强链"}


def test_city_gaps_of_zhengzhou_count_firms_across_its_counties_and_zones(phone_firms, driver, settings) -> None:  # type: ignore[no-untyped-def]
    write(driver, settings, "MATCH (e:Enterprise {source: 'registry'}) DETACH DELETE e")
    load_registry_file(driver, settings, phone_firms)
    rows = run_named(driver, settings, "city_gaps", {"city": "410100", "limit": 5000})
    phones = [
        (r["segment"]["key"].split("/")[1], r["flag"], r["firm_count"], r["revenue_wan"])
        for r in rows
        if r["chain"]["key"] == "smart-terminal"
    ]
    assert phones == [
        ("chips", "缺链", 0, 0.0),
        ("components", "缺链", 0, 0.0),
        ("display", "缺链", 0, 0.0),
        ("equipment", "缺链", 0, 0.0),
        ("pcb", "缺链", 0, 0.0),
        ("battery", "缺链", 0, 0.0),
        ("camera", "弱链", 1, 3000.0),
        ("structure", "缺链", 0, 0.0),
        ("assembly", "强链", 2, 520000.0),
        ("distribution", "弱链", 2, 3000.0),
    ]
    assert next(r for r in rows if r["segment"]["key"] == "smart-terminal/assembly")["clusters"] == [PHONES]
    assert run_named(driver, settings, "city_gaps", {"city": "999999", "limit": 10}) == []
