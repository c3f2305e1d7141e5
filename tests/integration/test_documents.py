"""Two written plans of one province in one graph: same things across them, the diff, unload, pages.

The pair (tests/fixtures/time/) is written for these tests: a 2019 plan and a 2022 plan that
renames a county (长垣县 → 长垣市), renames that county's zone in a zone reform
(长垣县产业集聚区 → 长垣经济技术开发区), raises a target, drops a cluster and adds one.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from clients import api_client

from clusterkg.graph.db import read
from clusterkg.graph.documents import unload_document
from clusterkg.graph.export import export_graph
from clusterkg.graph.writes import clear_graph
from clusterkg.loaders.load_plan import load_facts

pytestmark = pytest.mark.integration

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "time"
OLD, NEW = "demo-2019-plan", "demo-2022-plan"
CLI = str(Path(sys.executable).parent / "clusterkg")

EXPECTED_DIFF: dict[str, Any] = {
    "from": OLD,
    "to": NEW,
    "clusters": {
        "added": ["许昌发制品产业集群"],
        "removed": ["新乡化纤纺织产业集群"],
        "kept": sorted(["长垣市起重装备产业集群", "郑州食品产业集群"]),
        "changed": [
            {
                "key": "长垣市起重装备产业集群",
                "fields": {
                    "target_yi": [300.0, 500.0],
                    "level": ["百亿级", "500亿级"],
                    "target_year": [2020, 2025],
                    "firms": {"added": ["河南矿山"], "removed": []},
                    "projects": {"added": [], "removed": ["起重机智能工厂项目"]},
                },
            }
        ],
    },
    "zones": {
        "added": ["许昌经济技术开发区"],
        "removed": ["新乡经济技术产业集聚区"],
        "kept": sorted(["长垣经济技术开发区", "郑州经济技术产业集聚区"]),
        "changed": [
            {"key": "长垣经济技术开发区", "fields": {"projects": {"added": [], "removed": ["起重机智能工厂项目"]}}}
        ],
    },
    "firms": {
        "added": sorted(["河南矿山", "新乡化纤股份有限公司"]),
        "removed": ["新乡化纤股份"],
        "kept": ["卫华"],
        "changed": [{"key": "卫华", "fields": {"projects": {"added": [], "removed": ["起重机智能工厂项目"]}}}],
    },
    "projects": {"added": [], "removed": ["起重机智能工厂项目"], "kept": [], "changed": []},
}


def load(driver, settings, *keys: str) -> None:  # type: ignore[no-untyped-def]
    for key in keys:
        load_facts(driver, settings, FIXTURES / f"{key}.facts.json")


def fresh(driver, settings, *keys: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """The export of a graph holding exactly these documents, loaded in this order."""
    clear_graph(driver, settings)
    load(driver, settings, *keys)
    return export_graph(driver, settings)


@pytest.fixture(scope="module")
def alone(graph, driver, settings) -> dict[str, dict[str, Any]]:  # type: ignore[no-untyped-def]
    return {key: fresh(driver, settings, key) for key in (OLD, NEW)}


@pytest.fixture()
def both(alone, driver, settings) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return fresh(driver, settings, OLD, NEW)


@pytest.fixture()
def client(settings) -> Any:  # type: ignore[no-untyped-def]
    with api_client(settings) as c:
        yield c


def test_a_renamed_county_and_a_reformed_zone_are_the_same_nodes_keyed_by_the_later_name(
    both, driver, settings
) -> None:  # type: ignore[no-untyped-def]
    rows = read(
        driver,
        settings,
        "MATCH (n) WHERE (n:Cluster OR n:Zone) AND n.key STARTS WITH '长垣' "
        "RETURN labels(n)[0] AS label, n.key AS key, n.aliases AS aliases ORDER BY label",
    )
    assert rows == [
        {"label": "Cluster", "key": "长垣市起重装备产业集群", "aliases": ["长垣县起重装备产业集群"]},
        {"label": "Zone", "key": "长垣经济技术开发区", "aliases": ["长垣县产业集聚区"]},
    ]


def test_the_node_shows_the_latest_documents_values(both, driver, settings) -> None:  # type: ignore[no-untyped-def]
    rows = read(
        driver,
        settings,
        "MATCH (c:Cluster {key: '长垣市起重装备产业集群'}) "
        "RETURN c.level AS level, c.target_yi AS t, c.target_year AS y",
    )
    assert rows == [{"level": "500亿级", "t": 500.0, "y": 2025}]


def test_loading_in_either_order_gives_the_same_graph(both, driver, settings) -> None:  # type: ignore[no-untyped-def]
    assert fresh(driver, settings, NEW, OLD) == both


def test_loading_a_document_again_changes_nothing(both, driver, settings) -> None:  # type: ignore[no-untyped-def]
    load(driver, settings, OLD, NEW, OLD)
    assert export_graph(driver, settings) == both


def test_the_second_document_never_removes_what_the_first_states(alone, both) -> None:  # type: ignore[no-untyped-def]
    def statements(export: dict[str, Any], doc: str) -> list[tuple[str, str, str]]:
        return sorted(
            (r["type"], r["from"]["key"], r["to"]["key"])
            for r in export["relationships"]
            if r["props"].get("doc") == doc and r["type"] != "LOCATED_IN"
        )

    renamed = {"长垣县起重装备产业集群": "长垣市起重装备产业集群", "长垣县产业集聚区": "长垣经济技术开发区"}
    old_alone = sorted((t, renamed.get(a, a), renamed.get(b, b)) for t, a, b in statements(alone[OLD], OLD))
    assert statements(both, OLD) == old_alone


@pytest.mark.parametrize("gone, left", [(NEW, OLD), (OLD, NEW)])
def test_unloading_one_leaves_the_graph_of_the_other_alone(alone, both, driver, settings, gone, left) -> None:  # type: ignore[no-untyped-def]
    done = unload_document(driver, settings, gone)
    assert done.found
    assert export_graph(driver, settings) == alone[left]
    assert not unload_document(driver, settings, gone).found
    assert export_graph(driver, settings) == alone[left]


def test_a_dry_run_unload_counts_and_changes_nothing(both, driver, settings) -> None:  # type: ignore[no-untyped-def]
    would = unload_document(driver, settings, OLD, dry_run=True)
    assert would.found and would.nodes == 4  # 新乡化纤纺织产业集群, its zone, its firm and the one project
    assert export_graph(driver, settings) == both


def test_diff_api_gives_the_exact_changes(both, client) -> None:  # type: ignore[no-untyped-def]
    resp = client.get("/api/diff", params={"from": OLD, "to": NEW})
    assert resp.status_code == 200, resp.text
    assert resp.json() == EXPECTED_DIFF


def test_diff_of_an_unknown_document_is_404_with_the_error_body(both, client) -> None:  # type: ignore[no-untyped-def]
    resp = client.get("/api/diff", params={"from": OLD, "to": "no-such-plan"})
    assert resp.status_code == 404
    assert "no-such-plan" in resp.json()["error"]["message"]


def test_documents_api_lists_both_with_counts(both, client) -> None:  # type: ignore[no-untyped-def]
    items = client.get("/api/documents").json()["items"]
    assert [
        (d["key"], d["date"], d["province_code"], d["clusters"], d["zones"], d["firms"], d["projects"]) for d in items
    ] == [(OLD, "2019-03-01", "410000", 3, 3, 2, 1), (NEW, "2022-06-01", "410000", 3, 3, 3, 0)]


def test_cluster_timeline_shows_each_documents_name_target_and_zones(both, client) -> None:  # type: ignore[no-untyped-def]
    t = client.get("/api/clusters/长垣市起重装备产业集群/timeline").json()
    assert [
        (d["doc"], d["name"], d["level"], d["target_yi"], d["target_year"], d["zones_gained"], d["zones_lost"])
        for d in t["documents"]
    ] == [
        (OLD, "长垣县起重装备产业集群", "百亿级", 300.0, 2020, ["长垣经济技术开发区"], []),
        (NEW, "长垣市起重装备产业集群", "500亿级", 500.0, 2025, [], []),
    ]
    assert t["targets"] == [
        {"target_year": 2020, "stated": [{"doc": OLD, "target_yi": 300.0}]},
        {"target_year": 2025, "stated": [{"doc": NEW, "target_yi": 500.0}]},
    ]


def test_diff_page_and_cluster_page_show_the_changes(both, client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/diff", params={"from": OLD, "to": NEW}).text
    kept = page.split('data-kind="zones"')[1].split('data-part="kept"')[1].split("</p>")[0]
    assert "长垣经济技术开发区" in kept and "郑州经济技术产业集聚区" in kept
    cluster = client.get("/cluster/长垣市起重装备产业集群").text
    assert 'data-doc="demo-2019-plan"' in cluster and "长垣县起重装备产业集群" in cluster


def test_fuzzy_names_are_proposed_not_merged(both, driver, settings) -> None:  # type: ignore[no-untyped-def]
    firms = read(
        driver, settings, "MATCH (f:Enterprise) WHERE f.key STARTS WITH '新乡化纤' RETURN f.key AS k ORDER BY k"
    )
    assert [r["k"] for r in firms] == ["新乡化纤股份", "新乡化纤股份有限公司"]
    env = {**os.environ, "COLUMNS": "300"}
    done = subprocess.run(
        [CLI, "same-as", "propose", OLD, NEW, "--toml"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert 'label = "Enterprise"\nnames = ["新乡化纤股份", "新乡化纤股份有限公司"]' in done.stdout


def test_unload_command_asks_for_yes_and_is_idempotent(both, driver, settings) -> None:  # type: ignore[no-untyped-def]
    env = {**os.environ, "COLUMNS": "300"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [CLI, *args], capture_output=True, text=True, timeout=120, check=False, env=env, stdin=subprocess.DEVNULL
        )

    refused = run("unload", NEW)
    assert refused.returncode == 1 and "--yes" in refused.stderr
    assert export_graph(driver, settings) == both
    assert run("unload", NEW, "--yes").returncode == 0
    again = run("unload", NEW, "--yes")
    assert again.returncode == 0 and "nothing to unload" in again.stdout
