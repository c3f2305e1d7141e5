"""Matching names across documents: what merges on load, what is only proposed."""

from __future__ import annotations

from pathlib import Path

import pytest

from clusterkg.errors import InputError
from clusterkg.graph.model import Label
from clusterkg.loaders.same_as import SamePair, forms_for, propose, read_pairs

HENAN = "410000"


def same(label: Label, a: str, b: str, pairs: tuple[SamePair, ...] = ()) -> bool:
    forms = forms_for(HENAN, pairs)
    return bool(forms(label, a) & forms(label, b))


def test_a_place_renamed_in_the_gazetteers_history_is_the_same_cluster() -> None:
    assert same(Label.CLUSTER, "长垣县起重装备产业集群", "长垣市起重装备产业集群")


def test_a_countys_zone_is_the_same_whatever_kind_of_zone_it_is_called() -> None:
    for other in ("长垣经济技术开发区", "长垣市高新技术产业开发区", "长垣县经济开发区"):
        assert same(Label.ZONE, "长垣县产业集聚区", other), other


def test_two_zones_of_one_city_with_different_names_stay_apart() -> None:
    assert not same(Label.ZONE, "郑州经济技术产业集聚区", "郑州高新技术产业开发区")
    assert not same(Label.ZONE, "驻马店装备产业集聚区", "驻马店产业集聚区")


def test_clusters_of_one_county_in_different_industries_stay_apart() -> None:
    assert not same(Label.CLUSTER, "长垣县起重装备产业集群", "长垣市卫生材料产业集群")


def test_an_accepted_pair_makes_two_unlike_names_one() -> None:
    pair = SamePair(Label.CLUSTER, ("甲县乙产业集群", "丙产业基地"))
    assert same(Label.CLUSTER, "甲县乙产业集群", "丙产业基地", (pair,))
    assert not same(Label.ZONE, "甲县乙产业集群", "丙产业基地", (pair,))


def test_the_henan_pairs_file_reads() -> None:
    pairs = read_pairs(HENAN)
    assert pairs and all(p.label is Label.CLUSTER or p.label is Label.ZONE for p in pairs)
    assert read_pairs("650000") == ()


def test_a_bad_pairs_file_names_the_file_and_the_pair(tmp_path: Path) -> None:
    bad = tmp_path / "410000.toml"
    bad.write_text('[[pair]]\nlabel = "Sector"\nnames = ["a", "b"]\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"410000.toml: pair\[0\]: label must be one of"):
        read_pairs(HENAN, bad)
    bad.write_text('[[pair]]\nlabel = "Zone"\nnames = ["a"]\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"pair\[0\]: names must be two"):
        read_pairs(HENAN, bad)


def test_proposals_pair_like_names_of_one_place_once_each_and_never_across_places() -> None:
    got = propose(
        Label.CLUSTER,
        ["淅川县产业集聚区汽车零部件特色产业集群", "新野县纺织服装产业集群"],
        ["淅川汽车及零部件特色产业集群", "西峡汽车及零部件特色产业集群", "夏邑县纺织服装产业集群"],
        HENAN,
    )
    assert [(p.a, p.b) for p in got] == [("淅川县产业集聚区汽车零部件特色产业集群", "淅川汽车及零部件特色产业集群")]
    assert 0.75 <= got[0].score <= 1.0
