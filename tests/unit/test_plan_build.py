"""The graph rows built from a plan: nodes, relationships, provenance, validation (no database)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from quoting import states

from clusterkg.errors import InputError
from clusterkg.graph.model import GraphBatch, Label, NodeRow, RelType
from clusterkg.loaders.gazetteer import Gazetteer
from clusterkg.loaders.plan.build import batch_from, plan_batch
from clusterkg.loaders.plan.document import read_plan
from clusterkg.loaders.plan.parser import Link, parse_plan
from clusterkg.text import normalise_name

ROOT = Path(__file__).resolve().parents[2]
MINI_PLAN = ROOT / "tests" / "fixtures" / "mini-plan.txt"


@pytest.fixture(scope="module")
def henan_path(plan_path: Path) -> Path:
    return plan_path


@pytest.fixture(scope="module")
def henan(henan_path: Path) -> GraphBatch:
    return plan_batch(read_plan(henan_path))  # the lead's loader calls it just so


@pytest.fixture(scope="module")
def mini(gazetteer: Gazetteer) -> GraphBatch:
    return plan_batch(read_plan(MINI_PLAN), gazetteer)


def node(batch: GraphBatch, label: Label, key: str) -> NodeRow:
    return next(n for n in batch.nodes if n.label is label and n.key == key)


def targets(batch: GraphBatch, type_: RelType, from_key: str) -> list[str]:
    return [r.to_key for r in batch.relationships if r.type is type_ and r.from_key == from_key]


def test_henan_plan_counts_per_label_and_relationship_type(henan: GraphBatch) -> None:
    assert henan.counts() == {
        "ANCHORS": 33, "City": 18, "Cluster": 63, "County": 157, "Document": 1, "Enterprise": 53,
        "IN_SECTOR": 63, "LOCATED_IN": 162, "PART_OF": 157, "Project": 53, "RUN_BY": 30, "SERVES": 98,
        "SUPPORTS": 53, "Sector": 13, "Zone": 93,
    }  # fmt: skip


@pytest.mark.parametrize("which", ["henan", "mini"])
def test_every_relationship_ends_at_a_node_of_the_batch(which: str, request: pytest.FixtureRequest) -> None:
    batch: GraphBatch = request.getfixturevalue(which)
    keys = {(n.label, n.key) for n in batch.nodes}
    dangling = [
        r for r in batch.relationships if (r.from_label, r.from_key) not in keys or (r.to_label, r.to_key) not in keys
    ]
    assert dangling == []
    assert len(keys) == len(batch.nodes)


def test_building_twice_gives_the_same_rows_in_the_same_order(henan_path: Path, henan: GraphBatch) -> None:
    assert plan_batch(read_plan(henan_path)) == henan


def test_document_node_carries_title_issuer_date_and_hash(henan: GraphBatch, henan_path: Path) -> None:
    doc = node(henan, Label.DOCUMENT, "henan-2015-baiqianwan-clusters")
    props = dict(doc.props)
    assert re.fullmatch(r"[0-9a-f]{64}", props.pop("sha256"))
    assert props == {
        "file": henan_path.name,
        "chars": len(read_plan(henan_path).text),
        "title": "“百千万”亿级优势产业集群培育工程行动计划",
        "issuer": "河南省人民政府办公厅",
        "date": "2015-04-27",
    }


def test_sector_nodes_carry_goal_and_section_number(henan: GraphBatch) -> None:
    sectors = {n.key: n.props for n in henan.nodes if n.label is Label.SECTOR}
    assert sectors["装备制造"] == {"section_no": 2, "goal_yi": 12000.0, "goal_year": 2017}
    assert sectors["绿色化工"] == {"section_no": 13}


def test_every_gazetteer_place_is_a_node_and_counties_are_part_of_their_city(
    henan: GraphBatch, gazetteer: Gazetteer
) -> None:
    places = {(n.label, n.key) for n in henan.nodes if n.label in (Label.CITY, Label.COUNTY)}
    assert places == {(p.label, p.code) for p in gazetteer.places}
    part_of = {(r.from_key, r.to_key) for r in henan.relationships if r.type is RelType.PART_OF}
    assert part_of == {(p.code, p.parent_code) for p in gazetteer.places if p.label is Label.COUNTY}
    changge = node(henan, Label.COUNTY, "411082")
    assert (changge.name, changge.props) == ("长葛市", {"level": "county_city", "short": "长葛", "direct_admin": False})


def test_two_place_cluster_is_located_in_both(henan: GraphBatch, gazetteer: Gazetteer) -> None:
    located = targets(henan, RelType.LOCATED_IN, "新(乡)长(垣)高端装备产业集群")
    assert [gazetteer.by_code(c).name for c in located] == ["新乡市", "长垣县"]


def test_cluster_node_props_and_sector(henan: GraphBatch) -> None:
    luoyang = node(henan, Label.CLUSTER, "洛阳现代装备制造产业集群")
    assert luoyang.props == {
        "level": "千亿级",
        "target_yi": 3000.0,
        "target_year": 2017,
        "appendix_no": 2,
        "scope": "body",
    }
    assert targets(henan, RelType.IN_SECTOR, luoyang.key) == ["装备制造"]
    assert len(luoyang.spans) == 2  # the body sentence and the table row


def test_every_node_the_plan_states_has_spans_inside_its_paragraph(henan: GraphBatch, henan_path: Path) -> None:
    doc = read_plan(henan_path)
    stated = [
        n for n in henan.nodes if n.label in (Label.SECTOR, Label.CLUSTER, Label.ZONE, Label.ENTERPRISE, Label.PROJECT)
    ]
    assert len(stated) == 13 + 63 + 93 + 53 + 53
    for n in stated:
        assert n.spans, n.key
        for s in n.spans:
            para = doc.paragraphs[s.paragraph]
            assert (s.document, para.start <= s.start < s.end <= para.end) == (doc.key, True)
    # provenance edges are the writer's job, derived from these spans
    assert not [r for r in henan.relationships if r.type is RelType.STATED_IN]


def test_anchor_and_support_spans_quote_the_firm_or_project(henan: GraphBatch, henan_path: Path) -> None:
    doc = read_plan(henan_path)
    names = {(n.label, n.key): (n.name, *n.aliases) for n in henan.nodes}
    checked = 0
    for r in henan.relationships:
        if r.type in (RelType.ANCHORS, RelType.SUPPORTS, RelType.RUN_BY):
            assert r.span is not None
            quoted = normalise_name(doc.quote(r.span.start, r.span.end))
            assert any(states(n, quoted) for n in names[(r.from_label, r.from_key)]), (r, quoted)
            checked += 1
    assert checked == 33 + 53 + 30


def test_keys_of_named_nodes_are_normalised(henan: GraphBatch) -> None:
    for n in henan.nodes:
        if n.label in (Label.CLUSTER, Label.ZONE, Label.ENTERPRISE, Label.PROJECT, Label.SECTOR):
            assert n.key == normalise_name(n.key) == n.name
            assert not re.search(r"[（）\u3000\s]", n.key)


def test_mini_plan_counts(mini: GraphBatch) -> None:
    assert mini.counts() == {
        "ANCHORS": 7, "City": 18, "Cluster": 10, "County": 157, "Document": 1, "Enterprise": 7, "IN_SECTOR": 10,
        "LOCATED_IN": 15, "PART_OF": 157, "Project": 6, "RUN_BY": 4, "SERVES": 5, "SUPPORTS": 6,
        "Sector": 2, "Zone": 5,
    }  # fmt: skip


def test_a_relationship_to_an_unstated_node_is_rejected_naming_the_paragraph(gazetteer: Gazetteer) -> None:
    plan = parse_plan(read_plan(MINI_PLAN), gazetteer)
    span = plan.clusters[0].spans[0]
    plan.links.append(Link("supports", "星河重机数控机床扩产", "不存在的产业集群", span))
    with pytest.raises(InputError, match=rf"SUPPORTS ends at Cluster '不存在的产业集群'.*paragraph {span.paragraph}"):
        batch_from(plan, gazetteer)
