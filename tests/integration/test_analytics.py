"""networkx analytics on the projected cluster graph, and the overlap picture."""

from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.integration


def test_zones_serving_two_clusters_bridge_and_single_ones_do_not(client: TestClient) -> None:
    ranked = client.get("/api/analytics/bridging", params={"label": "Zone", "k": 500}).json()
    bridges = {r["key"] for r in ranked if r["betweenness"] > 0}
    assert bridges == {
        "荥阳市产业集聚区",
        "郑州经济技术产业集聚区",
        "沈丘县产业集聚区",
        "项城市产业集聚区",
        "郑州航空港经济综合实验区",
    }
    assert all(r["degree"] == 2 for r in ranked if r["key"] in bridges)


def test_zhengzhou_is_the_most_central_city(client: TestClient) -> None:
    top = client.get("/api/analytics/bridging", params={"label": "City", "k": 1}).json()
    assert [(t["key"], t["name"]) for t in top] == [("410100", "郑州市")]
    deg = client.get("/api/analytics/centrality", params={"label": "City", "k": 1}).json()
    assert deg[0]["key"] == "410100" and deg[0]["degree"] == 10


def test_communities_partition_every_cluster_once(client: TestClient, driver, settings) -> None:  # type: ignore[no-untyped-def]
    from clusterkg.graph.db import read

    groups = client.get("/api/analytics/communities").json()
    members = [c["key"] for g in groups for c in g["clusters"]]
    total = read(driver, settings, "MATCH (c:Cluster) RETURN count(c) AS n")[0]["n"]
    assert len(members) == len(set(members)) == total
    assert [g["size"] for g in groups] == sorted((g["size"] for g in groups), reverse=True)
    together = next(g for g in groups if "周口食品产业集群" in {c["key"] for c in g["clusters"]})
    assert "周口纺织服装制鞋产业集群" in {c["key"] for c in together["clusters"]}


def test_overlap_page_draws_the_shared_zones_and_their_clusters(client: TestClient) -> None:
    html = client.get("/viz/overlaps").text  # opens at the shared zones: two clusters or more
    ids = [json.loads(f'"{i}"') for i in re.findall(r'"id": "([^"]+)"', html)]
    zones = sorted(i for i in ids if i.startswith("Zone:"))
    assert zones == sorted(
        f"Zone:{z}"
        for z in (
            "荥阳市产业集聚区",
            "郑州经济技术产业集聚区",
            "沈丘县产业集聚区",
            "项城市产业集聚区",
            "郑州航空港经济综合实验区",
        )
    )
    assert len([i for i in ids if i.startswith("Cluster:")]) == 6
    assert not re.search(r"(src|href)=[\"']?(https?:)?//", html)


def test_the_projection_and_its_betweenness_are_computed_once_per_graph_change(loaded_plan, driver, settings) -> None:  # type: ignore[no-untyped-def]
    from clusterkg.graph.analytics import bridging, cached_projection
    from clusterkg.graph.db import write

    first = cached_projection(driver, settings)
    ranked = bridging(first, label="Zone", k=3)
    assert cached_projection(driver, settings) is first  # the graph did not change: the same object
    assert "betweenness" in first.graph and bridging(first, label="Zone", k=3) == ranked
    write(
        driver,
        settings,
        "MATCH (z:Zone {key: '荥阳市产业集聚区'}) CREATE (z)-[:SERVES]->(:Cluster {key: 'test-临时集群', name: 'x'})",
    )
    try:
        changed = cached_projection(driver, settings)
        assert changed is not first and "Cluster:test-临时集群" in changed
    finally:
        write(driver, settings, "MATCH (c:Cluster {key: 'test-临时集群'}) DETACH DELETE c")
    after = cached_projection(driver, settings)
    assert after is not changed and "Cluster:test-临时集群" not in after
