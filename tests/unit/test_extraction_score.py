"""Scoring of extracted facts against gold: exact counts on small hand-written cases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from clusterkg.loaders.extract.facts import (
    ClusterFacts,
    DocumentFacts,
    Facts,
    FirmFacts,
    PlaceRef,
    ProjectFacts,
    ZoneFacts,
)
from clusterkg.loaders.extract.score import (
    Gold,
    KindScore,
    facts_of_gold,
    match_key,
    micro,
    same_place,
    score_document,
)


def facts(**kw: Any) -> Facts:
    return Facts(document=DocumentFacts(key="t"), **kw)


def counts(s: KindScore) -> tuple[int, int, int]:
    return (s.tp, s.fp, s.fn)


def test_cluster_matches_gold_through_an_alias_on_either_side() -> None:
    gold = Gold.model_validate(
        {
            "clusters": [
                {"name": "武汉智能网联汽车产业集群", "aliases": ["武汉智能网联汽车集群"]},
                {"name": "襄阳再生资源产业集群"},
            ]
        }
    )
    predicted = facts(
        clusters=[
            ClusterFacts(name="武汉智能网联汽车集群"),  # the gold's alias
            ClusterFacts(name="襄阳再生资源集群", aliases=["襄阳再生资源产业集群"]),  # our alias, gold's name
        ]
    )
    assert counts(score_document(predicted, gold)["clusters"]) == (2, 0, 0)


def test_a_gold_entity_is_matched_once_and_the_repeat_is_a_false_positive() -> None:
    gold = Gold.model_validate({"firms": [{"name": "曙光汽车集团股份有限公司", "aliases": ["曙光汽车"]}]})
    predicted = facts(firms=[FirmFacts(name="曙光汽车集团股份有限公司"), FirmFacts(name="曙光汽车")])
    s = score_document(predicted, gold)["firms"]
    assert (counts(s), s.false_positives, s.misses) == ((1, 1, 0), ("曙光汽车",), ())


def test_matching_is_greedy_in_predicted_order() -> None:
    # The first prediction takes the first gold entity it shares a name with; the second
    # prediction could only have matched that one, so it is a false positive and B is missed.
    gold = Gold.model_validate({"zones": [{"name": "甲产业园", "aliases": ["乙产业园"]}, {"name": "丙产业园"}]})
    predicted = facts(zones=[ZoneFacts(name="乙产业园"), ZoneFacts(name="甲产业园")])
    s = score_document(predicted, gold)["zones"]
    assert (counts(s), s.false_positives, s.misses) == ((1, 1, 1), ("甲产业园",), ("丙产业园",))


def test_names_compare_without_width_space_or_the_jujiqu_typo() -> None:
    assert match_key("驻马店装备产业聚集区") == match_key("驻马店装备产业集聚区")
    assert match_key("汽车及零部件（含 电动汽车）") == "汽车及零部件(含电动汽车)"
    gold = Gold.model_validate({"zones": [{"name": "商丘经济开发区环保装备产业园"}]})
    predicted = facts(zones=[ZoneFacts(name="商丘经济开发区　环保装备产业园")])
    assert counts(score_document(predicted, gold)["zones"]) == (1, 0, 0)


def test_links_match_through_the_entities_names_and_their_cluster() -> None:
    gold = Gold.model_validate(
        {
            "clusters": [{"name": "甲市纺织产业集群", "aliases": ["甲市纺织集群"]}, {"name": "乙县机械产业集群"}],
            "zones": [{"name": "甲市高新技术产业开发区", "aliases": ["甲市高新区"]}, {"name": "乙县经济开发区"}],
            "firms": [{"name": "丙纺织股份有限公司", "aliases": ["丙纺织"]}],
            "cluster_zone": [["甲市纺织集群", "甲市高新区"], ["乙县机械产业集群", "乙县经济开发区"]],
            "cluster_firm": [["甲市纺织产业集群", "丙纺织股份有限公司"]],
        }
    )
    predicted = facts(
        clusters=[
            # The zone is named by the predicted zone's alias; the firm by the gold's alias.
            ClusterFacts(name="甲市纺织产业集群", zones=["高新区"], firms=["丙纺织"]),
            # Right zone, wrong cluster for it; and a cluster the gold does not have.
            ClusterFacts(name="乙县机械产业集群", zones=["甲市高新区"]),
            ClusterFacts(name="丁区化工产业集群", zones=["乙县经济开发区"]),
        ],
        zones=[ZoneFacts(name="甲市高新技术产业开发区", aliases=["高新区"])],
    )
    scores = score_document(predicted, gold)
    assert counts(scores["cluster_zone"]) == (1, 2, 1)
    assert scores["cluster_zone"].false_positives == (
        "乙县机械产业集群 → 甲市高新区",
        "丁区化工产业集群 → 乙县经济开发区",
    )
    assert scores["cluster_zone"].misses == ("乙县机械产业集群 → 乙县经济开发区",)
    assert counts(scores["cluster_firm"]) == (1, 0, 0)
    assert counts(scores["cluster_project"]) == (0, 0, 0)


def test_a_link_stated_twice_counts_once() -> None:
    gold = Gold.model_validate(
        {
            "clusters": [{"name": "甲市纺织产业集群"}],
            "projects": [{"name": "智能纺纱项目"}],
            "cluster_project": [["甲市纺织产业集群", "智能纺纱项目"]],
        }
    )
    predicted = facts(
        clusters=[ClusterFacts(name="甲市纺织产业集群", projects=["智能纺纱项目", "智能纺纱项目"])],
        projects=[ProjectFacts(name="智能纺纱项目")],
    )
    assert counts(score_document(predicted, gold)["cluster_project"]) == (1, 1, 0)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("武汉", "武汉市", True),
        ("宽甸", "宽甸满族自治县", True),
        ("葫芦岛市", "葫芦岛", True),
        ("东港市", "东港", True),
        ("丹东市", "东港市", False),
        ("郑州市", "郑州高新区", True),  # a prefix of two characters or more
        ("东", "东港市", False),  # a one-character prefix is not enough
    ],
)
def test_place_names_match_without_suffix_or_by_prefix(a: str, b: str, same: bool) -> None:
    assert same_place(a, b) is same


def test_cluster_places_score_per_cluster_one_to_one() -> None:
    gold = Gold.model_validate(
        {
            "clusters": [
                {"name": "凤城汽车增压器产业集群", "places": ["凤城市"]},
                {"name": "宽甸特色农产品产业集群", "places": ["宽甸满族自治县"]},
            ]
        }
    )
    predicted = facts(
        clusters=[
            ClusterFacts(
                name="凤城汽车增压器产业集群",
                places=[PlaceRef(code="210682", name="凤城"), PlaceRef(code="210600", name="丹东市")],
            ),
            ClusterFacts(name="宽甸特色农产品产业集群", places=[PlaceRef(code="210624", name="宽甸满族自治县")]),
        ]
    )
    s = score_document(predicted, gold)["cluster_place"]
    assert (counts(s), s.false_positives) == ((2, 1, 0), ("凤城汽车增压器产业集群 @ 丹东市",))


def test_nothing_predicted_leaves_precision_undefined_and_f1_zero() -> None:
    gold = Gold.model_validate({"clusters": [{"name": "甲市纺织产业集群"}]})
    scores = score_document(facts(), gold)
    c = scores["clusters"]
    assert (counts(c), c.precision, c.recall, c.f1) == ((0, 0, 1), None, 0.0, 0.0)
    p = scores["projects"]
    assert (counts(p), p.precision, p.recall, p.f1) == ((0, 0, 0), None, None, None)


def test_micro_average_sums_counts_over_documents() -> None:
    a = {"clusters": KindScore(2, 1, 0), "zones": KindScore(0, 0, 3)}
    b = {"clusters": KindScore(1, 0, 1), "zones": KindScore(1, 1, 0)}
    total = micro([a, b])
    assert {k: counts(v) for k, v in total.items()} == {"clusters": (3, 1, 1), "zones": (1, 1, 3)}
    assert total["clusters"].f1 == pytest.approx(0.75)


def test_gold_with_an_unknown_key_is_rejected() -> None:
    with pytest.raises(ValidationError, match="clustres"):
        Gold.model_validate({"clustres": []})


def test_gold_pair_naming_an_unlisted_cluster_is_a_problem() -> None:
    gold = Gold.model_validate(
        {"clusters": [{"name": "甲市纺织产业集群"}], "cluster_zone": [["乙市纺织产业集群", "某园"]]}
    )
    assert gold.problems() == [
        "cluster_zone: pair ['乙市纺织产业集群', '某园'] names a cluster that clusters does not list"
    ]


GOLD_FILES = sorted((Path(__file__).resolve().parents[2] / "bench").glob("*/*.gold.json"))


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name.removesuffix(".gold.json"))
def test_gold_of_the_repository_scores_perfectly_against_itself(path: Path) -> None:
    gold = Gold.model_validate_json(path.read_bytes())
    assert gold.problems() == []
    scores = score_document(facts_of_gold(gold), gold)
    assert {k: (s.fp, s.fn) for k, s in scores.items()} == {k: (0, 0) for k in scores}


def test_the_repository_has_gold_for_its_own_plans_and_henan() -> None:
    assert len(GOLD_FILES) == 7


def test_a_pages_pinyin_glosses_in_the_gold_do_not_keep_names_apart() -> None:
    gold = Gold.model_validate(
        {
            "clusters": [{"name": "沈陽(yáng)大東汽車(chē)產(chǎn)業(yè)集群"}],
            "zones": [{"name": "通許高新區(qū)"}],
        }
    )
    got = facts(clusters=[ClusterFacts(name="沈陽大東汽車產業集群")], zones=[ZoneFacts(name="通許高新區")])
    s = score_document(got, gold)
    assert counts(s["clusters"]) == (1, 0, 0) and counts(s["zones"]) == (1, 0, 0)
    assert match_key("鐵嶺(lǐng)改裝車(chē)") == "鐵嶺改裝車"
    assert match_key("智能终端(手机)") == "智能终端(手机)"  # a bracket of Chinese stays
