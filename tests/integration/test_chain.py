"""The chain diagram and the Word briefing against the real Neo4j, on the gap tests' small registry.

郑州航空港区智能终端(手机)产业集群 has one chain, smart-terminal: 8 上游 segments, 1 中游 (整机),
1 下游 (分销), 11 FEEDS among them, and one cross-chain feed the plan states (镁 die-castings →
结构件), which links it to the 鹤壁 magnesium cluster.  The firm file is test_gaps.py's.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from docx import Document
from fastapi.testclient import TestClient
from test_gaps import PHONES, firm_rows, load_registry_file

from clusterkg.graph.db import write

pytestmark = pytest.mark.integration

UNKNOWN = "没有的集群"


@pytest.fixture(scope="module")
def phone_registry(loaded_plan, driver, settings, tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    write(driver, settings, "MATCH (e:Enterprise {source: 'registry'}) DETACH DELETE e")
    path = tmp_path_factory.mktemp("chain") / "firms.csv"
    path.write_text(firm_rows(), encoding="utf-8")
    load_registry_file(driver, settings, path)
    return path


@pytest.fixture(scope="module")
def client(phone_registry, settings) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    from clusterkg.api.app import create_app

    with TestClient(create_app(settings)) as c:
        yield c


def svg_boxes(svg: str) -> list[tuple[str, str, str]]:
    return re.findall(r'<g class="segment" data-key="([^"]+)" data-flag="([^"]+)" data-stage="([^"]+)"', svg)


def test_chain_svg_draws_one_box_per_segment_coloured_by_flag(client: TestClient) -> None:
    resp = client.get(f"/api/clusters/{PHONES}/chain.svg")
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("image/svg+xml")
    svg = resp.text
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert svg_boxes(svg) == [
        ("smart-terminal/chips", "缺链", "上游"),
        ("smart-terminal/components", "缺链", "上游"),
        ("smart-terminal/display", "缺链", "上游"),
        ("smart-terminal/equipment", "缺链", "上游"),
        ("smart-terminal/pcb", "缺链", "上游"),
        ("smart-terminal/battery", "缺链", "上游"),
        ("smart-terminal/camera", "弱链", "上游"),
        ("smart-terminal/structure", "缺链", "上游"),
        ("smart-terminal/assembly", "强链", "中游"),
        ("smart-terminal/distribution", "弱链", "下游"),
    ]
    # 整机: two local firms, 500000 + 20000 万元, drawn on the box.
    assert "2 家 · 520,000 万元" in svg
    assert svg.count('fill="#f6c6c6"') == 7 + 1  # 缺链 boxes plus the legend swatch


def test_chain_svg_draws_every_feed_as_an_arrow_and_the_cross_chain_feed_at_the_edge(client: TestClient) -> None:
    svg = client.get(f"/api/clusters/{PHONES}/chain.svg").text
    arrows = re.findall(
        r'<path class="feed" data-source="smart-terminal/([a-z-]+)" data-target="smart-terminal/([a-z-]+)"', svg
    )
    assert sorted(arrows) == sorted(
        [
            ("chips", "camera"),
            ("components", "camera"),
            ("chips", "assembly"),
            ("display", "assembly"),
            ("components", "assembly"),
            ("pcb", "assembly"),
            ("equipment", "assembly"),
            ("camera", "assembly"),
            ("battery", "assembly"),
            ("structure", "assembly"),
            ("assembly", "distribution"),
        ]
    )
    cross = re.findall(
        r'<g class="cross-feed" data-segment="([^"]+)" data-other="([^"]+)" data-direction="(in|out)"', svg
    )
    assert cross == [("smart-terminal/structure", "magnesium/die-castings", "in")]
    # the plan links the 鹤壁 magnesium cluster through that feed (LINKS_TO via it)
    assert svg.count("鹤壁镁及镁合金产业集群") == 2  # the edge label and its tooltip


def test_chain_page_embeds_the_diagram_and_the_local_firms_and_the_cluster_page_links_it(client: TestClient) -> None:
    page = client.get(f"/cluster/{PHONES}/chain")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert len(svg_boxes(page.text)) == 10
    assert '<script src="/static/chain.js"></script>' in page.text
    embedded = re.search(r'<script type="application/json" id="chain-data">(.*?)</script>', page.text, re.DOTALL)
    assert embedded is not None
    data = json.loads(embedded.group(1))
    assert data["cluster"] == PHONES
    assert [f["name"] for f in data["segments"]["smart-terminal/assembly"]["firms"]] == [
        "甲整机有限公司",
        "乙整机有限公司",
    ]
    assert data["segments"]["smart-terminal/pcb"]["firms"] == []
    assert "http://" not in page.text.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert client.get("/static/chain.js").status_code == 200
    cluster = client.get(f"/cluster/{PHONES}").text
    assert f'href="/cluster/{quote(PHONES, safe="")}/chain">上中下游产业链图</a>' in cluster


def docx_of(body: bytes) -> Any:
    return Document(io.BytesIO(body))


def test_report_docx_has_the_name_gap_table_candidates_and_sources(client: TestClient) -> None:
    resp = client.get(f"/api/clusters/{PHONES}/report.docx")
    assert resp.status_code == 200
    assert resp.headers["content-type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    doc = docx_of(resp.content)
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == PHONES
    assert headings[1:] == [
        "一、概况",
        "二、所在地与产业集聚区",
        "三、上中下游产业链图",
        "智能终端(手机)",
        "四、补链分析",
        "五、引进指导目录",
        "六、资料来源",
    ]
    overview, places, legend, diagram, gaps, guide = doc.tables
    # The map: one picture (a text-free PNG), its legend as a table.
    assert len(doc.inline_shapes) == 1
    assert [[c.text for c in r.cells] for r in legend.rows] == [
        ["图例", "含义"],
        ["", "所在市的县（市、区）"],
        ["", "所在地"],
        ["●", "产业集聚区"],
    ]
    assert [[c.text for c in r.cells] for r in overview.rows] == [
        ["项目", "内容"],
        ["级别", "千亿级"],
        ["产业领域", "电子信息"],
        ["规划目标", "3000 亿元（2017 年）"],
        ["附表序号", "1"],
        ["龙头企业", "—"],
        ["关联集群", "鹤壁镁及镁合金产业集群"],
        ["实际营业收入", "尚未加载实际数据"],
    ]
    assert [[c.text for c in r.cells] for r in places.rows] == [
        ["类别", "名称"],
        ["市", "郑州市"],
        ["产业集聚区", "郑州航空港经济综合实验区"],
    ]
    gap_rows = [[c.text for c in r.cells] for r in gaps.rows]
    assert gap_rows[0] == ["产业链", "环节", "位置", "判断", "本地企业", "营业收入（万元）", "链主企业"]
    assert [(r[1], r[3], r[4], r[5], r[6]) for r in gap_rows[1:]][-2:] == [
        ("整机制造及代工", "强链", "2", "520,000", "甲整机有限公司"),
        ("销售渠道及售后", "弱链", "2", "3,000", "—"),
    ]
    assert len(gap_rows) == 11
    guide_rows = [[c.text for c in r.cells] for r in guide.rows]
    assert len(guide_rows) == 1 + 9  # every 缺链 and 弱链 segment
    pcb = next(r for r in guide_rows if r[1] == "印制电路板")
    assert pcb[3].splitlines()[0].startswith("己线路板有限公司（链主） 1,000 万元")
    assert [line.split("（")[0].split(" ")[0] for line in pcb[3].splitlines()] == [
        "己线路板有限公司",
        "庚线路板有限公司",
        "辛线路板有限公司",
    ]
    # The diagram as a table: 上游 column holds the 8 upstream segments, 中游 整机, 下游 分销.
    assert [c.text for c in diagram.rows[0].cells] == ["上游", "中游", "下游"]
    assert len(diagram.rows) == 1 + 8
    assert diagram.rows[1].cells[1].text.startswith("整机制造及代工（强链）")
    # Sources: each fact with the plan's sentence, quoted.
    source_lines = [p.text for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert source_lines and all("“" in line for line in source_lines)
    assert any(line.startswith("本条（") for line in source_lines)
    # Chinese font on the styles, so Word and WPS render the text.
    fonts = doc.styles["Normal"].element.rPr.rFonts
    assert fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == "宋体"


def test_unknown_cluster_is_404_for_svg_docx_and_page(client: TestClient) -> None:
    for url in (f"/api/clusters/{UNKNOWN}/chain.svg", f"/api/clusters/{UNKNOWN}/report.docx"):
        resp = client.get(url)
        assert resp.status_code == 404, url
        assert UNKNOWN in resp.json()["error"]["message"], url
    page = client.get(f"/cluster/{UNKNOWN}/chain")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert f"没有键为 {UNKNOWN} 的产业集群" in page.text


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(Path(sys.executable).parent / "clusterkg"), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_cli_writes_the_briefing_and_refuses_an_unknown_cluster(phone_registry, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "phones.docx"
    done = cli("report", "cluster", PHONES, "-o", str(out))
    assert done.returncode == 0, done.stderr
    doc = docx_of(out.read_bytes())
    assert doc.paragraphs[0].text == PHONES
    assert len(doc.tables[4].rows) == 11
    missing = tmp_path / "none.docx"
    done = cli("report", "cluster", UNKNOWN, "-o", str(missing))
    assert done.returncode == 1
    assert f"没有键为 {UNKNOWN} 的产业集群" in done.stderr
    assert not missing.exists()
