"""A sector's page: its clusters largest first, its goal or a note that the plan states none, and
the ratio named for what it is (targets over goal), not as attainment."""

from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.integration


def test_clusters_are_listed_by_level_then_target(client: TestClient, driver, settings) -> None:  # type: ignore[no-untyped-def]
    from clusterkg.graph.db import read

    page = client.get("/sector/装备制造").text
    rows = re.findall(r"<tr><td><a [^>]+>([^<]+)</a></td><td>([^<]*)</td><td>([^<]*)</td>", page)
    expected = read(
        driver,
        settings,
        "MATCH (c:Cluster)-[:IN_SECTOR]->(:Sector {key: '装备制造'}) RETURN c.name AS name, c.level AS level, "
        "c.target_yi AS t",
    )
    size = {"千亿级": 1000, "百亿级": 100}
    want = sorted(
        expected,
        key=lambda r: (
            -size.get(r["level"], int(re.sub(r"\D", "", r["level"] or "0") or 0)),
            -(r["t"] or 0),
            r["name"],
        ),
    )
    assert [html.unescape(n) for n, _, _ in rows] == [r["name"] for r in want]
    assert "分解覆盖度，不是完成率" in page and "完成比" not in page


def test_a_sector_without_a_goal_says_so(client: TestClient, driver, settings) -> None:  # type: ignore[no-untyped-def]
    from clusterkg.graph.db import read

    none = read(driver, settings, "MATCH (s:Sector) WHERE s.goal_yi IS NULL RETURN s.key AS k ORDER BY k LIMIT 1")
    assert none
    page = client.get(f"/sector/{none[0]['k']}").text
    assert "规划未定目标" in page and "—（规划未定领域目标）" in page
