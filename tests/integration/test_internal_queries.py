"""The engine's own queries (queries/internal/): never served by /api/queries, and planned on the
real server as their comments say (key seeks for a label parameter, one shortest-path branch)."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from clusterkg.queries.registry import load_registry

pytestmark = pytest.mark.integration


def _operators(plan: Any) -> list[tuple[str, int]]:
    # (operator, rows) of every operator of a plan or profile, depth first.
    here = [(plan["operatorType"].split("@")[0], int(plan.get("rows", 0)))]
    return here + [op for child in plan.get("children", []) for op in _operators(child)]


def _profile(driver: Any, settings: Any, name: str, params: dict[str, Any]) -> tuple[list[Any], list[tuple[str, int]]]:
    query = load_registry().internal(name)
    with driver.session(database=settings.neo4j_database, default_access_mode="READ") as s:
        result = s.run("PROFILE " + query.cypher, query.bind(params))
        records = list(result)
        return [r.data() for r in records], _operators(result.consume().profile)


def test_api_queries_lists_and_runs_only_the_public_queries(client: TestClient) -> None:
    listed = [q["name"] for q in client.get("/api/queries").json()]
    assert listed == load_registry().names()
    assert not {q.name for q in load_registry().all_internal()} & set(listed)
    hidden = client.get("/api/queries/graph_stamp/rows")
    assert hidden.status_code == 404
    assert hidden.json()["error"]["message"].startswith("no named query 'graph_stamp'; known: ")


def test_a_label_parameter_is_a_key_seek_not_a_scan(loaded_plan, driver, settings) -> None:  # type: ignore[no-untyped-def]
    rows, ops = _profile(driver, settings, "node_exists", {"label": "Zone", "key": "荥阳市产业集聚区"})
    assert rows == [{"found": True}]
    names = [op for op, _ in ops]
    assert names.count("NodeUniqueIndexSeek") == 11  # one per model label but Presence
    assert not {"AllNodesScan", "NodeByLabelScan"} & set(names)
    # only the Zone branch finds a row
    assert [n for op, n in ops if op == "NodeUniqueIndexSeek" and n] == [1]


def test_a_path_runs_only_the_branch_of_its_hop_bound(loaded_plan, driver, settings) -> None:  # type: ignore[no-untyped-def]
    params = {"a_label": "Zone", "a": "荥阳市产业集聚区", "b_label": "City", "b": "410100", "max_hops": 3}
    rows, ops = _profile(driver, settings, "shortest_paths", params)
    assert [(r["found"], r["length"]) for r in rows] == [(True, 2)]
    searches = [n for op, n in ops if op == "ShortestPath"]
    assert len(searches) == 12 and sorted(searches) == [0] * 11 + [1]


def test_a_missing_label_branch_finds_nothing_rather_than_scanning(loaded_plan, driver, settings) -> None:  # type: ignore[no-untyped-def]
    from clusterkg.queries.run import run_internal

    assert run_internal(driver, settings, "node_exists", {"label": "Presence", "key": "x"}) == []
    assert run_internal(driver, settings, "node_exists", {"label": "Cluster", "key": "漯河食品产业集群"}) == [
        {"found": True}
    ]
