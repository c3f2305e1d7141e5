"""The chain diagram's layout: stage columns, order within a column, arrows and edge feeds."""

from __future__ import annotations

from typing import Any

from clusterkg.api.chain_diagram import BOX_W, COL_W, EDGE_W, chain_view, render_chain_svg, stage_table


def seg(key: str, stage: str, order: int, flag: str, n: int = 0, rev: float = 0.0) -> dict[str, Any]:
    return {
        "chain": {"key": "c", "name": "测试链"},
        "segment": {"key": f"c/{key}", "name": key, "stage": stage, "order": order},
        "flag": flag,
        "priority": False,
        "firm_count": n,
        "revenue_wan": rev,
        # fields the gap module may add later are ignored
        "scope": "zone",
    }


REPORT = {
    "cluster": {"key": "k", "name": "测试集群"},
    "segments": [
        seg("b", "上游", 2, "缺链"),
        seg("a", "上游", 1, "弱链", 1, 10.0),
        seg("m", "中游", 3, "强链", 3, 5000.0),
        seg("d", "下游", 4, "缺链"),
    ],
}
LINKS = {
    "feeds": [
        {"source": "c/a", "target": "c/m"},
        {"source": "c/a", "target": "c/b"},
        {"source": "c/m", "target": "c/d"},
        {"source": "c/x", "target": "c/m"},  # not a segment of the report: no arrow
    ],
    "cross": [
        {
            "segment": "c/m",
            "other": {"key": "o/s", "name": "外链环节"},
            "chain": {"key": "o", "name": "外链"},
            "outgoing": True,
            "note": "",
            "clusters": [{"key": "z", "name": "乙集群"}],
        }
    ],
}


def test_segments_sit_in_stage_columns_in_order() -> None:
    view = chain_view(REPORT, LINKS)
    assert [(b.key, b.x, b.y) for b in view.boxes] == [
        ("c/a", EDGE_W + (COL_W - BOX_W) // 2, 100),
        ("c/b", EDGE_W + (COL_W - BOX_W) // 2, 100 + 58 + 16),
        ("c/m", EDGE_W + COL_W + (COL_W - BOX_W) // 2, 100),
        ("c/d", EDGE_W + 2 * COL_W + (COL_W - BOX_W) // 2, 100),
    ]
    assert view.counts == {"强链": 1, "弱链": 1, "缺链": 2}
    assert [(n, [[b.key for b in col] for col in cols]) for n, cols in stage_table(view)] == [
        ("测试链", [["c/a", "c/b"], ["c/m"], ["c/d"]])
    ]


def test_feeds_become_arrows_and_cross_feeds_sit_at_the_right_edge() -> None:
    view = chain_view(REPORT, LINKS)
    assert [(a.source, a.target) for a in view.arrows] == [("c/a", "c/m"), ("c/a", "c/b"), ("c/m", "c/d")]
    assert [(e.segment, e.other, e.outgoing, e.clusters, e.x) for e in view.edges] == [
        ("c/m", "o/s", True, ("乙集群",), EDGE_W + 3 * COL_W + 20)
    ]
    svg = render_chain_svg(view)
    assert svg.count('<g class="segment"') == 4 and svg.count('<path class="feed"') == 3
    assert svg.count('<g class="cross-feed"') == 1


def test_without_links_there_are_boxes_but_no_arrows() -> None:
    view = chain_view(REPORT, None)
    assert len(view.boxes) == 4 and view.arrows == () and view.edges == ()
    assert 'xmlns="http://www.w3.org/2000/svg"' not in render_chain_svg(view, standalone=False)
