"""A picture capped below a zone's firm count keeps its clusters, places and projects, then firms."""

from __future__ import annotations

from pathlib import Path

import pytest

from clusterkg.loaders.uscc import make_uscc

pytestmark = pytest.mark.integration
ZONE = "郑州航空港经济综合实验区"
HEADER = "企业名称,统一社会信用代码,所在园区,所在县区,行业代码,主营产品,营业收入(万元),是否链主\n"


@pytest.fixture(scope="module")
def crowded_zone(loaded_plan, driver, settings, tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    from clusterkg.loaders.load_firms import load_firms

    path = tmp_path_factory.mktemp("cap") / "firms.csv"
    # keys sort before every cluster's: a key-ordered cap would keep these firms first
    rows = [f"0{i:03d}配件有限公司,{make_uscc(f'91410100MA{i:07d}')},{ZONE},,,手机,{i},否\n" for i in range(1, 121)]
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    assert load_firms(driver, settings, path).counts["Enterprise"] == 120
    return path


def test_the_zone_picture_keeps_its_clusters_and_places_before_its_firms(crowded_zone: Path, driver, settings) -> None:  # type: ignore[no-untyped-def]
    from clusterkg.graph.db import read
    from clusterkg.graph.model import Label
    from clusterkg.graph.subgraph import neighbourhood

    others = read(
        driver,
        settings,
        "MATCH (z:Zone {key: $key})-[r]-(m) WHERE NOT m:Enterprise AND NOT m:Document AND type(r) <> 'STATED_IN' "
        "RETURN count(DISTINCT m) AS n",
        {"key": ZONE},
    )[0]["n"]
    assert 1 <= others < 20
    G = neighbourhood(driver, settings, Label.ZONE, ZONE, hops=1, cap=20)
    labels = [d["label"] for n, d in G.nodes(data=True) if d["distance"] == 1]
    assert len(G) == 20 and not G.graph["complete"]
    assert sum(1 for lb in labels if lb != "Enterprise") == others  # every cluster, place and project kept
    assert labels.count("Enterprise") == 20 - 1 - others  # firms fill what is left
