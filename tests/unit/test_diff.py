"""The diff of two documents' statements and a cluster's timeline, as pure functions."""

from __future__ import annotations

from typing import Any

from clusterkg.graph.diff import diff_documents, timeline


def row(label: str, key: str, stated: dict[str, Any] | None = None, *links: tuple[str, str, str]) -> dict[str, Any]:
    return {
        "label": label,
        "key": key,
        "stated": stated or {},
        "links": [{"type": t, "label": lab, "key": k} for t, lab, k in links],
    }


OLD = [
    row("Cluster", "甲市食品产业集群", {"target_yi": 100.0, "level": "百亿级", "target_year": 2020}),
    row("Zone", "甲市产业集聚区", None, ("SERVES", "Cluster", "甲市食品产业集群")),
    row("Enterprise", "甲食品公司", None, ("ANCHORS", "Cluster", "甲市食品产业集群")),
    row(
        "Project", "冷链项目", None, ("SUPPORTS", "Cluster", "甲市食品产业集群"), ("RUN_BY", "Enterprise", "甲食品公司")
    ),
]
NEW = [
    row("Cluster", "甲市食品产业集群", {"target_yi": 300.0, "level": "300亿级", "target_year": 2025}),
    row("Zone", "甲市产业集聚区", None, ("SERVES", "Cluster", "甲市食品产业集群")),
    row("Zone", "乙县产业集聚区", None, ("SERVES", "Cluster", "甲市食品产业集群")),
    row("Enterprise", "甲食品公司", None, ("ANCHORS", "Cluster", "甲市食品产业集群")),
]


def test_diff_lists_added_removed_kept_and_the_changes_of_the_kept() -> None:
    assert diff_documents("a", "b", OLD, NEW) == {
        "from": "a",
        "to": "b",
        "clusters": {
            "added": [],
            "removed": [],
            "kept": ["甲市食品产业集群"],
            "changed": [
                {
                    "key": "甲市食品产业集群",
                    "fields": {
                        "target_yi": [100.0, 300.0],
                        "level": ["百亿级", "300亿级"],
                        "target_year": [2020, 2025],
                        "zones": {"added": ["乙县产业集聚区"], "removed": []},
                        "projects": {"added": [], "removed": ["冷链项目"]},
                    },
                }
            ],
        },
        "zones": {"added": ["乙县产业集聚区"], "removed": [], "kept": ["甲市产业集聚区"], "changed": []},
        "firms": {
            "added": [],
            "removed": [],
            "kept": ["甲食品公司"],
            "changed": [{"key": "甲食品公司", "fields": {"projects": {"added": [], "removed": ["冷链项目"]}}}],
        },
        "projects": {"added": [], "removed": ["冷链项目"], "kept": [], "changed": []},
    }


def test_a_document_compared_with_itself_changes_nothing() -> None:
    d = diff_documents("a", "a", OLD, OLD)
    assert all(
        not d[k]["added"] and not d[k]["removed"] and not d[k]["changed"]
        for k in ("clusters", "zones", "firms", "projects")
    )


def test_timeline_gives_zones_gained_and_lost_and_targets_by_year() -> None:
    t = timeline(
        {
            "key": "c",
            "name": "c",
            "actuals": [{"year": 2019, "revenue_yi": 80.0, "source": "x"}],
            "documents": [
                {"doc": "a", "target_yi": 100.0, "target_year": 2020, "zones": ["z1"]},
                {"doc": "b", "target_yi": 300.0, "target_year": 2025, "zones": ["z2"]},
                {"doc": "c", "target_yi": 320.0, "target_year": 2025, "zones": ["z2"]},
            ],
        }
    )
    assert [(d["zones_gained"], d["zones_lost"]) for d in t["documents"]] == [(["z1"], []), (["z2"], ["z1"]), ([], [])]
    assert t["targets"] == [
        {"target_year": 2020, "stated": [{"doc": "a", "target_yi": 100.0}]},
        {"target_year": 2025, "stated": [{"doc": "b", "target_yi": 300.0}, {"doc": "c", "target_yi": 320.0}]},
    ]
    assert t["actuals"] == [{"year": 2019, "revenue_yi": 80.0, "source": "x"}]
