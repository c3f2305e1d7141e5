"""Graph pages against the real Neo4j: right neighbourhood, nothing fetched from outside."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.integration

LUOYANG = "洛阳现代装备制造产业集群"
EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)
DATASET = re.compile(r"var (nodes|edges) = new vis\.DataSet\((.*?)\);\n")


def drawn(html: str) -> dict[str, list[dict[str, object]]]:
    """The node and edge lists the page hands to vis-network."""
    return {m.group(1): json.loads(m.group(2)) for m in DATASET.finditer(html)}


def expected_one_hop(driver, settings, label: str, key: str) -> tuple[set[str], int]:  # type: ignore[no-untyped-def]
    """Node ids and relationship count of the 1-hop neighbourhood, provenance excluded, counted
    with Cypher written independently of graph.subgraph."""
    from clusterkg.graph.db import read

    rows = read(
        driver,
        settings,
        "MATCH (c {key: $key}) WHERE $label IN labels(c) "
        "OPTIONAL MATCH (c)-[r]-(m) WHERE type(r) <> 'STATED_IN' "
        "WITH c, collect(DISTINCT m) AS near WITH [c] + near AS ns "
        "CALL { WITH ns UNWIND ns AS a MATCH (a)-[r]->(b) WHERE b IN ns AND type(r) <> 'STATED_IN' "
        "RETURN count(r) AS rels } "
        "RETURN [n IN ns | labels(n)[0] + ':' + n.key] AS ids, rels",
        {"key": key, "label": label},
    )
    return set(rows[0]["ids"]), rows[0]["rels"]


def test_luoyang_cluster_page_draws_its_one_hop_neighbourhood(client: TestClient, driver, settings) -> None:  # type: ignore[no-untyped-def]
    ids, rels = expected_one_hop(driver, settings, "Cluster", LUOYANG)
    resp = client.get(f"/viz/cluster/{LUOYANG}", params={"hops": 1})
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/html")
    data = drawn(resp.text)
    assert {n["id"] for n in data["nodes"]} == ids
    assert len(data["nodes"]) == len(ids)
    assert len(data["edges"]) == rels
    assert not any(str(n["id"]).startswith("Document:") for n in data["nodes"])
    # edges read in Chinese, with the model's type beside it in the tooltip
    assert {e["label"] for e in data["edges"]} <= {
        "属于领域",
        "位于",
        "承载",
        "龙头",
        "支撑",
        "实施单位",
        "入驻",
        "产业链",
        "涉及环节",
    }
    assert all(re.fullmatch(r"[^（]+（[A-Z_]+）", str(e["title"])) for e in data["edges"])
    root = next(n for n in data["nodes"] if n["id"] == f"Cluster:{LUOYANG}")
    assert "3000 亿元 (2017)" in str(root["title"]) and (root["x"], root["y"]) == (0.0, 0.0)
    assert '<li><span style="background: #1f77b4"></span>产业集聚区 (6)</li>' in resp.text
    assert "离中心 0 跳" in str(root["title"])


@pytest.mark.parametrize("path", [f"/viz/Cluster/{LUOYANG}?hops=2", "/viz/city/410300?hops=3&cap=2000"])
def test_pages_load_nothing_from_outside(client: TestClient, path: str) -> None:
    html = client.get(path).text
    assert EXTERNAL.search(html) is None
    assert "http://" not in html and "https://" not in html
    assert 'src="/static/vis/vis-network.min.js"' in html and 'href="/static/vis/vis-network.css"' in html


def test_cap_keeps_the_nearest_nodes_and_says_so(client: TestClient) -> None:
    html = client.get(f"/viz/cluster/{LUOYANG}", params={"hops": 2, "cap": 5}).text
    assert len(drawn(html)["nodes"]) == 5
    assert "显示最近的 5 个（上限 5）" in html


def test_vis_network_is_served_as_pyvis_ships_it(client: TestClient) -> None:
    from importlib import resources

    for name, kind in [("vis-network.min.js", "javascript"), ("vis-network.css", "text/css")]:
        resp = client.get(f"/static/vis/{name}")
        assert resp.status_code == 200 and kind in resp.headers["content-type"]
        assert resp.content == (resources.files("pyvis") / "lib" / "vis-9.1.2" / name).read_bytes()


@pytest.mark.parametrize(
    ("path", "status", "fragment"),
    [
        ("/viz/Factory/x", 422, "label: String should match pattern"),
        (f"/viz/cluster/{LUOYANG}?hops=9", 422, "hops: Input should be less than or equal to 3"),
        (f"/viz/cluster/{LUOYANG}?hops=0", 422, "hops: Input should be greater than or equal to 1"),
        (f"/viz/cluster/{LUOYANG}?cap=2001", 422, "cap: Input should be less than or equal to 2000"),
        ("/viz/cluster/no-such-cluster", 404, "no Cluster with key 'no-such-cluster'"),
        (f"/viz/zone/{LUOYANG}", 404, "no Zone with key"),
    ],
)
def test_bad_requests_get_an_error_page_naming_the_problem(
    client: TestClient, path: str, status: int, fragment: str
) -> None:
    resp = client.get(path)
    assert resp.status_code == status
    assert resp.headers["content-type"].startswith("text/html")  # a page's errors are pages
    assert fragment in html.unescape(resp.text)


def test_standalone_file_inlines_vis_network(loaded_plan, driver, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from clusterkg.graph.render import write_standalone

    out = tmp_path / "luoyang.html"
    counts = write_standalone(driver, settings, "CLUSTER", LUOYANG, out, hops=1, cap=300)
    ids, rels = expected_one_hop(driver, settings, "Cluster", LUOYANG)
    assert counts == {"nodes": len(ids), "relationships": rels}
    html = out.read_text(encoding="utf-8")
    assert EXTERNAL.search(html) is None
    assert "/static/" not in html and "<script src=" not in html and "<link " not in html
    assert "@license" in html and "vis.js is dual licensed" in html  # vis-network's header kept
    assert {n["id"] for n in drawn(html)["nodes"]} == ids
    assert not any("href" in n for n in drawn(html)["nodes"])  # no server behind a file: no links
