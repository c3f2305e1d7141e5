"""A plan whose key projects come as a table (项目名称 | 建设单位 | 建设地点 …), loaded into the real
Neo4j: each row a project serving its section's cluster, run by its builder, sited in its zone.

The plan is written for the test (no sentence of a real document).
"""

from __future__ import annotations

import pytest
from sample_files import PROJECT_TABLES

from clusterkg.graph.db import read

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def loaded(graph, driver, settings, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from clusterkg.graph.writes import clear_graph
    from clusterkg.loaders.load_plan import load_plan

    path = tmp_path_factory.mktemp("tables") / "project-tables.txt"
    path.write_text(PROJECT_TABLES, encoding="utf-8")
    clear_graph(driver, settings)
    return load_plan(driver, settings, path)


def test_each_row_is_a_project_of_its_sections_cluster_run_by_its_builder_in_its_zone(
    loaded,
    driver,
    settings,  # type: ignore[no-untyped-def]
) -> None:
    assert loaded.written and loaded.counts["Cluster"] == 2 and loaded.counts["Project"] == 3
    rows = read(
        driver,
        settings,
        "MATCH (p:Project)-[:SUPPORTS]->(c:Cluster) "
        "OPTIONAL MATCH (p)-[:RUN_BY]->(f:Enterprise) OPTIONAL MATCH (p)-[:SITED_IN]->(z:Zone) "
        "RETURN p.name AS project, c.name AS cluster, collect(DISTINCT f.name) AS firms, "
        "collect(DISTINCT z.name) AS zones ORDER BY project",
    )
    assert rows == [
        {
            "project": "半导体封装测试基地",
            "cluster": "电子信息产业集群",
            "firms": ["某某微电子股份有限公司"],
            "zones": [],
        },
        {
            "project": "年产1000万片柔性显示模组项目",
            "cluster": "电子信息产业集群",
            "firms": ["某某光电科技有限公司"],
            "zones": ["某某高新技术产业开发区"],
        },
        {
            "project": "年产5万吨碳纤维项目",
            "cluster": "新材料产业集群",
            "firms": ["某某新材料有限公司"],
            "zones": ["某某经济技术开发区"],
        },
    ]
    targets = read(driver, settings, "MATCH (c:Cluster) RETURN c.name AS name, c.target_yi AS yi ORDER BY name")
    assert targets == [{"name": "新材料产业集群", "yi": None}, {"name": "电子信息产业集群", "yi": 1000.0}]
