"""Stage 3 on its own: the mentions a folded sentence gives, kind by kind (texts written for the test)."""

from __future__ import annotations

from clusterkg.loaders.extract.mentions import cluster_mentions, zone_mentions
from clusterkg.loaders.extract.segments import Piece, fold


def _piece(text: str) -> Piece:
    folded = fold(text)
    return Piece(0, 0, len(folded), folded)


def test_a_zone_whose_place_ends_in_a_conjunction_character_is_named() -> None:
    # 太和 ends in 和, which elsewhere ends a list's item (A和B开发区); a whole place name is no list
    assert [m.name for m in zone_mentions(_piece("该集群主要布局在太和经开区,拥有企业多家"))] == ["太和经开区"]
    assert [m.name for m in zone_mentions(_piece("加快郑州和开发区建设"))] == []


def test_a_zone_with_a_two_character_name_after_a_preposition() -> None:
    assert [m.name for m in zone_mentions(_piece("显示产业集群以新站高新技术产业开发区为主要载体"))] == [
        "新站高新技术产业开发区"
    ]
    assert [m.name for m in zone_mentions(_piece("支持新开发区建设"))] == []


def test_a_count_of_rounds_cuts_a_name_but_a_three_wheeler_is_a_product() -> None:
    assert [m.name for m in cluster_mentions(_piece("洛阳市偃师区三轮摩托车产业集群"))] == [
        "洛阳市偃师区三轮摩托车产业集群"
    ]
    assert [m.name for m in cluster_mentions(_piece("开展新一轮汽车产业集群培育"))] == ["汽车产业集群"]
