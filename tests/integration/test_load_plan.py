"""The plan loaded into the real Neo4j: counts, targets, idempotence."""

from __future__ import annotations

import pytest

from clusterkg.graph.db import read
from clusterkg.graph.export import export_graph
from clusterkg.loaders.load_plan import load_plan

pytestmark = pytest.mark.integration

SHARED_APPENDIX_ZONES = {
    "沈丘县产业集聚区": ["周口纺织服装制鞋产业集群", "周口食品产业集群"],
    "荥阳市产业集聚区": ["郑州高端装备制造产业集群", "郑汴整车及零部件产业集群"],
    "郑州经济技术产业集聚区": ["郑州高端装备制造产业集群", "郑汴整车及零部件产业集群"],
    "项城市产业集聚区": ["周口纺织服装制鞋产业集群", "周口食品产业集群"],
}


def test_appendix_clusters_are_in_the_graph_with_their_targets(loaded_plan, driver, settings) -> None:  # type: ignore[no-untyped-def]
    rows = read(
        driver,
        settings,
        "MATCH (c:Cluster) WHERE c.appendix_no IS NOT NULL RETURN c.appendix_no AS no, c.target_yi AS t ORDER BY no",
    )
    assert [r["no"] for r in rows] == list(range(1, 23))
    assert sum(r["t"] for r in rows) == 30000.0
    assert {r["t"] for r in rows} == {3000.0, 2500.0, 2000.0, 1500.0, 1200.0, 1000.0}


def test_every_appendix_zone_serves_its_row_cluster(loaded_plan, driver, settings) -> None:  # type: ignore[no-untyped-def]
    rows = read(
        driver, settings, "MATCH (z:Zone)-[:SERVES]->(c:Cluster {appendix_no: 2}) RETURN z.name AS z ORDER BY z"
    )
    assert [r["z"] for r in rows] == sorted(
        [
            "洛阳伊滨产业集聚区",
            "洛阳先进制造业产业集聚区",
            "洛阳工业产业集聚区",
            "宜阳县产业集聚区",
            "偃师市产业集聚区",
            "洛阳市洛新产业集聚区",
        ]
    )


def test_zones_in_two_appendix_rows_are_listed_once_with_their_clusters(loaded_plan, driver, settings) -> None:  # type: ignore[no-untyped-def]
    rows = read(
        driver,
        settings,
        "MATCH (z:Zone)-[:SERVES]->(c:Cluster) WHERE c.appendix_no IS NOT NULL "
        "WITH z, c ORDER BY c.name WITH z, collect(c.name) AS cs WHERE size(cs) >= 2 "
        "RETURN z.name AS z, cs ORDER BY z",
    )
    got = {r["z"]: r["cs"] for r in rows}
    for zone, clusters in SHARED_APPENDIX_ZONES.items():
        assert got[zone] == sorted(clusters)


def test_loading_twice_changes_nothing(loaded_plan, driver, settings, plan_path) -> None:  # type: ignore[no-untyped-def]
    before = export_graph(driver, settings)
    again = load_plan(driver, settings, plan_path)
    after = export_graph(driver, settings)
    assert again.counts == loaded_plan.counts
    assert after == before


def test_every_stated_node_quotes_back_to_the_document(loaded_plan, driver, settings, plan_path) -> None:  # type: ignore[no-untyped-def]
    text = plan_path.read_text(encoding="utf-8")
    rows = read(
        driver,
        settings,
        "MATCH (c:Cluster {appendix_no: 8})-[p:STATED_IN]->(d:Document) "
        "RETURN p.start AS s, p.end AS e, d.sha256 AS h ORDER BY s",
    )
    quotes = [text[r["s"] : r["e"]] for r in rows]
    assert len(quotes) == 2, "stated in the body and in the appendix table"
    assert "漯河2000亿级食品产业集群" in quotes[0]
    assert quotes[1].startswith("8\t漯河食品产业集群")
    import hashlib

    assert rows[0]["h"] == hashlib.sha256(plan_path.read_bytes()).hexdigest()


def test_a_load_that_fails_part_way_leaves_the_graph_as_it_was(loaded_plan, driver, settings, plan_path) -> None:  # type: ignore[no-untyped-def]
    before = export_graph(driver, settings)
    seen: list[str] = []

    def crash_after_nodes(what: str, n: int) -> None:
        seen.append(what)
        if what.isupper():  # the first relationship group: every node is already written
            raise RuntimeError("simulated crash mid-load")

    with pytest.raises(RuntimeError, match="simulated crash"):
        load_plan(driver, settings, plan_path, progress=crash_after_nodes)
    assert "Cluster" in seen and "Zone" in seen
    assert export_graph(driver, settings) == before
    # and a re-run after the crash converges to the same graph as a clean load
    load_plan(driver, settings, plan_path)
    assert export_graph(driver, settings) == before


def test_export_command_writes_the_documented_shape(loaded_plan, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json
    import subprocess
    import sys
    from pathlib import Path

    out = tmp_path / "graph.json"
    proc = subprocess.run(
        [str(Path(sys.executable).parent / "clusterkg"), "export", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data) == {"nodes", "relationships"}
    assert set(data["nodes"][0]) == {"label", "key", "name", "aliases", "props"}
    assert set(data["relationships"][0]) == {"type", "from", "to", "props"}
    counts: dict[str, int] = {}
    for n in data["nodes"]:
        counts[n["label"]] = counts.get(n["label"], 0) + 1
    for r in data["relationships"]:
        counts[r["type"]] = counts.get(r["type"], 0) + 1
    expected = dict(loaded_plan.counts)
    expected["STATED_IN"] = counts["STATED_IN"]  # provenance edges are made by the writer, one per span
    assert counts == expected


def test_cluster_detail_lists_the_clusters_the_plan_links_it_to(loaded_plan, settings, plan_path) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from clusterkg.api.app import create_app

    parts = sorted(
        [
            "郑汴整车及零部件产业集群",
            "孟州汽车及零部件特色产业集群",
            "博爱汽车及零部件特色产业集群",
            "许昌尚集汽车及零部件特色产业集群",
            "西峡汽车及零部件特色产业集群",
            "淅川汽车及零部件特色产业集群",
            "鹤壁金山汽车及零部件特色产业集群",
            "驻马店驿城区汽车及零部件特色产业集群",
        ]
    )
    electronics = ["信阳高新区电子信息特色产业集群", "郑州航空港区智能终端(手机)产业集群"]
    with TestClient(create_app(settings)) as client:
        magnesium = client.get("/api/clusters/鹤壁镁及镁合金产业集群").json()
        auto = client.get("/api/clusters/郑汴整车及零部件产业集群").json()
        food = client.get("/api/clusters/漯河食品产业集群").json()
        page = client.get("/cluster/巩义铝板带箔产业集群").text
    assert [c["key"] for c in magnesium["linked"]] == sorted(parts + electronics)
    assert [c["key"] for c in auto["linked"]] == ["巩义铝板带箔产业集群", "鹤壁镁及镁合金产业集群"]
    assert food["linked"] == []
    assert "关联集群" in page and "鹤壁金山汽车及零部件特色产业集群" in page


def test_cluster_links_quote_the_sentence_that_states_them(loaded_plan, driver, settings, plan_path) -> None:  # type: ignore[no-untyped-def]
    text = plan_path.read_text(encoding="utf-8")
    rows = read(
        driver,
        settings,
        "MATCH (a:Cluster)-[r:LINKS_TO]->(b:Cluster) "
        "RETURN a.key AS a, r.via AS via, r.doc AS doc, r.paragraph AS p, r.start AS s, r.end AS e, "
        "count(b) AS n ORDER BY a, via",
    )
    assert [(r["a"], r["via"], r["doc"], r["p"], r["n"]) for r in rows] == [
        ("巩义铝板带箔产业集群", "aluminium/flat-rolled→vehicles-parts/body", "henan-2015-baiqianwan-clusters", 27, 8),
        (
            "鹤壁镁及镁合金产业集群",
            "magnesium/die-castings→smart-terminal/structure",
            "henan-2015-baiqianwan-clusters",
            26,
            2,
        ),
        (
            "鹤壁镁及镁合金产业集群",
            "magnesium/die-castings→vehicles-parts/parts",
            "henan-2015-baiqianwan-clusters",
            26,
            8,
        ),
    ]
    quotes = {r["via"]: text[r["s"] : r["e"]] for r in rows}
    assert "镁与汽车零部件" in quotes["magnesium/die-castings→vehicles-parts/parts"]
    assert "汽车用高端铝板材" in quotes["aluminium/flat-rolled→vehicles-parts/body"]
    assert loaded_plan.counts["LINKS_TO"] == 18
