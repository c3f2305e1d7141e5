"""Chains and segments have pages: the segments by stage with the registry's firms, and each segment's
neighbours, places, zones and largest firms."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from clusterkg.loaders.uscc import make_uscc

pytestmark = pytest.mark.integration
ZONE = "郑州航空港经济综合实验区"
HEADER = "企业名称,统一社会信用代码,所在园区,所在县区,行业代码,主营产品,营业收入(万元),是否链主\n"
FIRMS = (("甲整机有限公司", "智能手机", 500000, "是"), ("乙整机有限公司", "平板电脑", 20000, "否"))


@pytest.fixture(scope="module")
def phones(loaded_plan, driver, settings, tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    from clusterkg.loaders.load_firms import load_firms

    path = tmp_path_factory.mktemp("chain") / "firms.csv"
    path.write_text(
        HEADER
        + "".join(
            f"{n},{make_uscc(f'91410100MA{i:07d}')},{ZONE},新郑市,,{p},{r},{lead}\n"
            for i, (n, p, r, lead) in enumerate(FIRMS, 1)
        ),
        encoding="utf-8",
    )
    assert load_firms(driver, settings, path).counts["Enterprise"] == 2
    return path


def test_a_chain_page_lists_its_segments_by_stage_with_their_firms(client: TestClient, phones: Path) -> None:
    data = client.get("/api/chains/smart-terminal").json()
    assembly = next(s for s in data["segments"] if s["key"] == "smart-terminal/assembly")
    assert (assembly["firms"], assembly["revenue_wan"]) == (2, 520000.0)
    assert "郑州航空港区智能终端(手机)产业集群" in [c["key"] for c in data["clusters"]]
    html = client.get("/chain/smart-terminal").text
    assert [h for h in re.findall(r"<h3>([^<]+)</h3>", html)] == ["上游", "中游", "下游"]
    assert 'href="/segment/smart-terminal/assembly"' in html


def test_a_segment_page_shows_where_its_firms_are_and_the_largest(client: TestClient, phones: Path) -> None:
    seg = client.get("/api/segments/smart-terminal/assembly").json()
    assert seg["chain"]["key"] == "smart-terminal" and seg["firms"] == 2
    assert [f["name"] for f in seg["top_firms"]] == ["甲整机有限公司", "乙整机有限公司"]
    assert seg["zones"] == [{"key": ZONE, "name": ZONE, "firms": 2}]
    assert seg["places"][0]["name"] == "新郑市" and seg["places"][0]["firms"] == 2
    page = client.get("/segment/smart-terminal/assembly")
    assert page.status_code == 200 and "甲整机有限公司</a>（链主）" in page.text
    assert client.get("/segment/smart-terminal/no-such").status_code == 404
    assert client.get("/chain/no-such").status_code == 404


def test_search_hits_of_chains_link_to_their_pages(client: TestClient) -> None:
    view = client.get("/api/search/groups", params={"q": "智能终端", "kind": "Chain"}).json()
    hits = [h for g in view["groups"] for h in g["hits"]]
    assert hits and all(h["href"].startswith("/chain/") for h in hits)
