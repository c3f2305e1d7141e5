"""The facts file: legacy reading → facts → graph rows, the file on disk, and its checks (no database)."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

import pytest

from clusterkg.errors import InputError
from clusterkg.graph.model import GraphBatch, Label, RelType
from clusterkg.loaders.extract.facts import ClusterFacts, DocumentFacts, Facts
from clusterkg.loaders.extract.legacy import PROFILE, facts_from_parsed
from clusterkg.loaders.extract.pipeline import (
    CLUSTER_STATEMENTS,
    choose,
    extract_path,
    facts_to_json,
    read_facts,
    write_facts,
)
from clusterkg.loaders.extract.to_graph import FactsError, facts_batch
from clusterkg.loaders.gazetteer import Gazetteer
from clusterkg.loaders.plan.build import plan_batch
from clusterkg.loaders.plan.document import PlanDocument, read_plan
from clusterkg.loaders.plan.parser import parse_plan

ROOT = Path(__file__).resolve().parents[2]
PLAN = Path(os.environ.get("CLUSTERKG_PLANS", ROOT.parent / "shared" / "plans")) / "henan-2015-baiqianwan-clusters.txt"


@pytest.fixture(scope="module")
def henan_doc() -> PlanDocument:
    if not PLAN.exists():
        pytest.skip(f"the Henan plan is not at {PLAN} (../shared absent; set CLUSTERKG_PLANS)")
    return read_plan(PLAN)


@pytest.fixture(scope="module")
def henan_facts(henan_doc: PlanDocument, gazetteer: Gazetteer) -> Facts:
    return facts_from_parsed(parse_plan(henan_doc, gazetteer), gazetteer)


def nodes_of(batch: GraphBatch) -> dict[tuple[Label, str], tuple[Any, ...]]:
    return {(n.label, n.key): (n.name, n.aliases, n.props, n.spans, n.search_text) for n in batch.nodes}


def rels_of(batch: GraphBatch) -> dict[tuple[Any, ...], tuple[Any, ...]]:
    return {(r.type, r.from_label, r.from_key, r.to_label, r.to_key): (r.props, r.span) for r in batch.relationships}


def assert_same_graph(got: GraphBatch, expected: GraphBatch) -> None:
    assert got.counts() == expected.counts()
    assert len(got.nodes) == len(expected.nodes) and len(got.relationships) == len(expected.relationships)
    assert nodes_of(got) == nodes_of(expected)
    assert rels_of(got) == rels_of(expected)


# -- the "same graph as now" guarantee ---------------------------------------------------
def test_henan_through_the_facts_gives_the_graph_the_parser_gave(henan_doc: PlanDocument, henan_facts: Facts) -> None:
    assert_same_graph(facts_batch(henan_facts, source_text=henan_doc.text), plan_batch(read_plan(PLAN)))


def test_henan_facts_file_round_trip_gives_the_same_graph(
    henan_doc: PlanDocument, henan_facts: Facts, tmp_path: Path
) -> None:
    again = read_facts(write_facts(henan_facts, tmp_path / "henan.facts.json"))
    assert again == henan_facts
    assert_same_graph(facts_batch(again, source_text=henan_doc.text), plan_batch(henan_doc))


def test_henan_facts_in_yaml_read_back_equal(henan_facts: Facts, tmp_path: Path) -> None:
    assert read_facts(write_facts(henan_facts, tmp_path / "henan.facts.yaml")) == henan_facts


def test_henan_is_read_by_the_legacy_profile_with_its_province_table(henan_facts: Facts) -> None:
    doc = henan_facts.document
    assert (doc.profile, doc.province, doc.province_code, doc.file) == (
        PROFILE,
        "河南省",
        "410000",
        "henan-2015-baiqianwan-clusters.txt",
    )
    levels = [p.level for p in henan_facts.places]
    assert (levels.count("province"), levels.count("city"), levels.count("county")) == (1, 18, 157)
    assert {p.parent_code for p in henan_facts.places if p.level == "city"} == {"410000"}


def test_every_henan_evidence_quotes_the_document(henan_doc: PlanDocument, henan_facts: Facts) -> None:
    evidence = [e for c in henan_facts.clusters for e in c.evidence] + [
        lk.evidence for c in henan_facts.clusters for lk in c.link_evidence
    ]
    assert evidence and all(e.quote == henan_doc.text[e.start : e.end] for e in evidence)
    by_name = {c.name: c for c in henan_facts.clusters}
    food = by_name["漯河食品产业集群"]
    assert (food.appendix_no, food.target_yi, food.sector) == (8, 2000.0, "食品")
    assert "漯河2000亿级食品产业集群" in food.evidence[0].quote


def test_extract_path_picks_the_legacy_reading_for_henan(henan_doc: PlanDocument, henan_facts: Facts) -> None:
    assert extract_path(PLAN) == henan_facts


# -- choosing a reading, finding nothing -------------------------------------------------
def _with_clusters(profile: str, n: int, appendix: bool = False) -> Facts:
    return Facts(
        document=DocumentFacts(key="k", profile=profile),
        clusters=[ClusterFacts(name=f"某{i}产业集群", appendix_no=i + 1 if appendix else None) for i in range(n)],
    )


@pytest.mark.parametrize(
    ("legacy", "appendix", "general", "chosen"),
    [
        (2, True, 5, "henan-action-plan"),
        (2, False, 1, "general"),
        (1, False, 0, "general"),
        (0, False, 0, "general"),
    ],
)
def test_the_legacy_reading_is_kept_only_for_a_plan_with_its_appendix_table(
    legacy: int, appendix: bool, general: int, chosen: str
) -> None:
    legacy_facts = _with_clusters("henan-action-plan", legacy, appendix)
    assert choose(legacy_facts, _with_clusters("general", general)).document.profile == chosen


def test_a_document_stating_no_cluster_is_an_error_naming_what_was_looked_for(tmp_path: Path) -> None:
    text = tmp_path / "services.txt"
    text.write_text("关于加快服务业发展的意见\n一、总体要求\n坚持市场主导。\n", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        extract_path(text)
    assert str(exc.value) == (f"{text}: no cluster statement found (looked for {CLUSTER_STATEMENTS}); nothing written")


# -- checks on an edited file ------------------------------------------------------------
SMALL: dict[str, Any] = {
    "format": "clusterkg-facts/1",
    "document": {"key": "demo", "title": "某市产业集群实施意见", "chars": 40},
    "clusters": [
        {
            "name": "甲市食品产业集群",
            "sector": "食品",
            "places": [{"code": "410100", "name": "郑州市"}],
            "zones": ["甲市产业集聚区"],
            "firms": ["甲集团"],
            "evidence": [{"paragraph": 1, "start": 0, "end": 8}],
        },
    ],
    "zones": [{"name": "甲市产业集聚区", "places": [{"code": "410102", "name": "中原区"}]}],
    "firms": [{"name": "甲集团"}],
    "projects": [{"name": "甲集团扩能项目", "firms": ["甲集团"]}],
    "places": [
        {"code": "410000", "name": "河南省", "level": "province"},
        {"code": "410100", "name": "郑州市", "level": "city", "parent_code": "410000"},
        {"code": "410102", "name": "中原区", "level": "county", "parent_code": "410100"},
    ],
}


def load_small(tmp_path: Path, data: dict[str, Any]) -> Facts:
    path = tmp_path / "small.facts.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return read_facts(path)


def test_a_small_facts_file_gives_its_graph(tmp_path: Path) -> None:
    batch = facts_batch(load_small(tmp_path, SMALL))
    assert batch.counts() == {
        "ANCHORS": 1, "City": 1, "Cluster": 1, "County": 1, "Document": 1, "Enterprise": 1, "IN_SECTOR": 1,
        "LOCATED_IN": 2, "PART_OF": 1, "Project": 1, "RUN_BY": 1, "SERVES": 1, "Sector": 1, "Zone": 1,
    }  # fmt: skip
    sector = next(n for n in batch.nodes if n.label is Label.SECTOR)
    assert (sector.key, [s.start for s in sector.spans]) == ("食品", [0]), "made from the cluster naming it"
    serves = next(r for r in batch.relationships if r.type is RelType.SERVES)
    assert serves.span is not None and (serves.span.start, serves.span.end) == (0, 8), "the cluster's evidence"


def test_names_are_normalised_so_an_edit_may_use_full_width_brackets(tmp_path: Path) -> None:
    data = copy.deepcopy(SMALL)
    data["firms"][0]["name"] = "甲 集团（控股）"
    data["clusters"][0]["firms"] = ["甲集团(控股)"]
    data["projects"][0]["firms"] = ["甲集团 (控股)"]
    batch = facts_batch(load_small(tmp_path, data))
    assert {n.key for n in batch.nodes if n.label is Label.ENTERPRISE} == {"甲集团(控股)"}


def test_every_problem_of_a_broken_file_is_named_by_its_path(tmp_path: Path) -> None:
    data = copy.deepcopy(SMALL)
    data["zones"].append({"name": "甲市产业 集聚区"})  # the same name once normalised
    data["clusters"][0]["zones"].append("乙市产业集聚区")
    data["clusters"][0]["places"].append({"code": "419999", "name": "无此县"})
    data["projects"][0]["firms"] = ["乙集团"]
    with pytest.raises(FactsError) as exc:
        facts_batch(load_small(tmp_path, data), origin="small.facts.json")
    assert exc.value.problems == (
        "zones[1].name: '甲市产业集聚区' is already zones[0]",
        "clusters[0].zones[1]: '乙市产业集聚区' is not declared in zones",
        "clusters[0].places[1].code: 419999 (无此县) is not declared in places",
        "projects[0].firms[0]: '乙集团' is not declared in firms",
    )
    assert str(exc.value).startswith("small.facts.json: 4 problems: zones[1].name: ")


def test_unknown_keys_and_bad_codes_are_named_with_the_file(tmp_path: Path) -> None:
    data = copy.deepcopy(SMALL)
    data["clusters"][0]["colour"] = "red"
    data["zones"][0]["places"][0]["code"] = "41010"
    with pytest.raises(InputError) as exc:
        load_small(tmp_path, data)
    path = tmp_path / "small.facts.json"
    assert str(exc.value) == (
        f"{path}: 2 problems: clusters[0].colour: Extra inputs are not permitted; "
        "zones[0].places[0].code: String should match pattern '^[0-9]{6}$'"
    )


def test_evidence_is_checked_against_the_document_text(tmp_path: Path) -> None:
    data = copy.deepcopy(SMALL)
    data["clusters"][0]["evidence"] = [
        {"paragraph": 0, "start": 0, "end": 4, "quote": "某市产业"},
        {"paragraph": 0, "start": 2, "end": 4, "quote": "某市"},
        {"paragraph": 0, "start": 5, "end": 60},
    ]
    text = "某市产业集群实施意见\n"
    with pytest.raises(FactsError) as exc:
        facts_batch(load_small(tmp_path, data), source_text=text)
    assert exc.value.problems == (
        "clusters[0].evidence[1]: quote '某市' differs from the text at 2-4 ('产业')",
        "clusters[0].evidence[2]: span 5-60 lies outside the document's 11 characters",
    )


def test_empty_names_are_refused(tmp_path: Path) -> None:
    data = copy.deepcopy(SMALL)
    data["firms"].append({"name": "  　"})
    with pytest.raises(FactsError) as exc:
        facts_batch(load_small(tmp_path, data))
    assert exc.value.problems == ("firms[1].name: empty name",)


def test_a_facts_file_of_another_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"format: 'other/2' is not 'clusterkg-facts/1'"):
        load_small(tmp_path, {**SMALL, "format": "other/2"})


def test_the_json_keeps_the_reviewers_keys_even_when_empty() -> None:
    facts = Facts(document=DocumentFacts(key="k"), clusters=[ClusterFacts(name="某产业集群")])
    data = json.loads(facts_to_json(facts))
    assert data["document"] == {"key": "k", "title": None, "issuer": None, "date": None, "province": None}
    assert data["clusters"] == [
        {
            "name": "某产业集群",
            "aliases": [],
            "level": None,
            "target_yi": None,
            "target_year": None,
            "sector": None,
            "places": [],
            "zones": [],
            "firms": [],
            "projects": [],
            "evidence": [],
        }
    ]
    assert data["warnings"] == []
