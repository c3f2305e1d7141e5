"""The real pair: Henan's 2014 SME cluster list and the 2015 plan in one graph, against the real Neo4j."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from clusterkg.graph.documents import unload_document
from clusterkg.graph.export import export_graph
from clusterkg.graph.writes import clear_graph as _clear
from clusterkg.loaders.load_plan import load_plan


def wipe(driver, settings) -> None:  # type: ignore[no-untyped-def]
    _clear(driver, settings)


pytestmark = pytest.mark.integration

LIST_2014 = "henan-2014-sme-cluster-list"
PLAN_2015 = "henan-2015-baiqianwan-clusters"


@pytest.fixture(scope="module")
def list_path(plan_path: Path) -> Path:
    path = plan_path.parent / "dev" / f"{LIST_2014}.txt"
    if not path.exists():
        pytest.fail(f"the 2014 list is expected at {path}")
    return path


@pytest.fixture(scope="module")
def plan_alone(graph, driver, settings, plan_path) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """The export of a graph holding the 2015 plan alone."""
    wipe(driver, settings)
    load_plan(driver, settings, plan_path)
    return export_graph(driver, settings)


@pytest.fixture(scope="module")
def both(plan_alone, driver, settings, plan_path, list_path) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """The export of the graph with the 2015 plan loaded first, then the 2014 list."""
    wipe(driver, settings)
    load_plan(driver, settings, plan_path)
    load_plan(driver, settings, list_path)
    return export_graph(driver, settings)


def test_the_second_document_leaves_the_first_documents_statements(plan_alone, both) -> None:  # type: ignore[no-untyped-def]
    def stated(export: dict[str, Any]) -> set[str]:
        return {
            f"{r['type']} {r['from']['key']}→{r['to']['key']}"
            for r in export["relationships"]
            if r["props"].get("doc") == PLAN_2015
        }

    assert stated(plan_alone) <= stated(both)
    assert stated(plan_alone) == stated(both)


def test_loading_the_two_in_either_order_gives_the_same_graph(both, driver, settings, plan_path, list_path) -> None:  # type: ignore[no-untyped-def]
    wipe(driver, settings)
    load_plan(driver, settings, list_path)
    load_plan(driver, settings, plan_path)
    assert export_graph(driver, settings) == both


def test_loading_either_again_changes_nothing(both, driver, settings, plan_path, list_path) -> None:  # type: ignore[no-untyped-def]
    load_plan(driver, settings, list_path)
    load_plan(driver, settings, plan_path)
    assert export_graph(driver, settings) == both


def test_unloading_the_2014_list_leaves_the_2015_plan_alone(plan_alone, both, driver, settings) -> None:  # type: ignore[no-untyped-def]
    assert export_graph(driver, settings) == both
    done = unload_document(driver, settings, LIST_2014)
    assert done.found and done.nodes > 0
    assert export_graph(driver, settings) == plan_alone
    again = unload_document(driver, settings, LIST_2014)
    assert not again.found
    assert export_graph(driver, settings) == plan_alone


def test_documents_and_the_diff_of_the_real_pair(both, driver, settings, plan_path, list_path) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from clusterkg.api.app import create_app

    wipe(driver, settings)
    load_plan(driver, settings, plan_path)
    load_plan(driver, settings, list_path)
    with TestClient(create_app(settings)) as client:
        docs = client.get("/api/documents").json()["items"]
        d = client.get("/api/diff", params={"from": LIST_2014, "to": PLAN_2015}).json()
    assert [(x["key"], x["date"], x["clusters"], x["zones"]) for x in docs] == [
        (LIST_2014, "2014-12-30", 11, 11),
        (PLAN_2015, "2015-04-27", 63, 93),
    ]
    assert {"夏邑县产业集聚区", "驻马店装备产业集聚区"} <= set(d["zones"]["kept"])
    # The one pair a person accepted (loaders/data/same-as/410000.toml): the 2014 row of 淅川 is
    # the 2015 plan's 淅川 cluster.
    assert d["clusters"]["kept"] == ["淅川汽车及零部件特色产业集群"]
    assert d["zones"]["removed"] and d["clusters"]["added"] and not d["firms"]["removed"]
