"""Cross-cluster links: the plan's stating sentence picks the supplier cluster, the chain picks the customers."""

from __future__ import annotations

from pathlib import Path

import pytest

from clusterkg.errors import InputError
from clusterkg.graph.model import Label, RelRow, RelType
from clusterkg.loaders.chains import load_chains
from clusterkg.loaders.cluster_chains import cluster_chain_batch
from clusterkg.loaders.cluster_links import cluster_link_batch, load_stated_links, stating_sentences
from clusterkg.loaders.load_plan import parse_plan
from clusterkg.loaders.plan.build import plan_batch
from clusterkg.loaders.plan.document import PlanDocument, read_plan

MG = "鹤壁镁及镁合金产业集群"
AL = "巩义铝板带箔产业集群"
VEHICLE_PARTS = [
    "郑汴整车及零部件产业集群",
    "孟州汽车及零部件特色产业集群",
    "博爱汽车及零部件特色产业集群",
    "许昌尚集汽车及零部件特色产业集群",
    "西峡汽车及零部件特色产业集群",
    "淅川汽车及零部件特色产业集群",
    "鹤壁金山汽车及零部件特色产业集群",
    "驻马店驿城区汽车及零部件特色产业集群",
]
ELECTRONICS = ["郑州航空港区智能终端(手机)产业集群", "信阳高新区电子信息特色产业集群"]

HENAN_LINKS = (
    {(MG, c, "magnesium/die-castings→vehicles-parts/parts") for c in VEHICLE_PARTS}
    | {(MG, c, "magnesium/die-castings→smart-terminal/structure") for c in ELECTRONICS}
    | {(AL, c, "aluminium/flat-rolled→vehicles-parts/body") for c in VEHICLE_PARTS}
)


def _rows(plan_path: Path) -> tuple[PlanDocument, list[RelRow]]:
    doc = read_plan(plan_path)
    plan = plan_batch(doc)
    catalog = load_chains()
    return doc, cluster_link_batch(doc, plan, cluster_chain_batch(plan, catalog), load_stated_links(catalog))


def test_henan_plan_links_magnesium_and_aluminium_sheet_clusters_to_their_customers(plan_path: Path) -> None:
    _, rows = _rows(plan_path)
    assert {(r.from_key, r.to_key, r.props["via"]) for r in rows} == HENAN_LINKS
    assert len(rows) == len(HENAN_LINKS) == 18  # one row per cluster pair
    assert {(r.type, r.from_label, r.to_label) for r in rows} == {(RelType.LINKS_TO, Label.CLUSTER, Label.CLUSTER)}


def test_a_chain_given_by_the_sector_rule_alone_does_not_make_a_supplier(plan_path: Path) -> None:
    # 信阳上天梯 works on every 新材料 chain (its name names none), magnesium included, but the
    # plan states the magnesium link in 鹤壁's clause only.
    doc = read_plan(plan_path)
    works_on = cluster_chain_batch(plan_batch(doc), load_chains())
    assert ("信阳上天梯新型节能环保建筑材料产业集群", "magnesium") in {(r.from_key, r.to_key) for r in works_on}
    _, rows = _rows(plan_path)
    assert {r.from_key for r in rows} == {MG, AL}


def test_the_battery_link_is_stated_inside_the_ev_cluster_so_links_no_clusters(plan_path: Path) -> None:
    doc = read_plan(plan_path)
    battery = next(x for x in load_stated_links(load_chains()) if x.source == "ev-battery/packs")
    found = stating_sentences(doc, battery.stated_by)
    ev = next(n for n in plan_batch(doc).nodes if n.key == "郑(州)新(乡)电动汽车产业集群")
    assert [(s.start, s.end) for s in found] == [(sp.start, sp.end) for sp in ev.spans]
    _, rows = _rows(plan_path)
    assert not [r for r in rows if "ev-battery" in r.props["via"]]


def test_each_link_carries_the_span_of_its_suppliers_clause(plan_path: Path) -> None:
    doc, rows = _rows(plan_path)
    nodes = {n.key: n for n in plan_batch(doc).nodes if n.label is Label.CLUSTER}
    words = {x.via: x.stated_by for x in load_stated_links(load_chains())}
    for r in rows:
        assert r.span is not None and r.span.document == "henan-2015-baiqianwan-clusters"
        assert r.span in nodes[r.from_key].spans
        quote = doc.quote(r.span.start, r.span.end)
        assert quote.endswith("。") and all(w in quote for w in words[r.props["via"]])
    assert {(r.from_key, r.span.paragraph) for r in rows if r.span} == {(MG, 26), (AL, 27)}


def test_parse_plan_writes_the_links_with_the_plan(plan_path: Path) -> None:
    _, batch = parse_plan(plan_path)
    links = [r for r in batch.relationships if r.type is RelType.LINKS_TO]
    assert {(r.from_key, r.to_key, r.props["via"]) for r in links} == HENAN_LINKS
    assert batch.counts()["LINKS_TO"] == 18


def test_a_link_the_plan_does_not_state_is_not_written(plan_path: Path, tmp_path: Path) -> None:
    # The same plan with 汽车零部件 dropped from the magnesium sentence: 镁 still ties to 电子信息.
    edited = tmp_path / "edited-plan.txt"
    text = plan_path.read_text(encoding="utf-8")
    assert text.count("镁与汽车零部件、") == 1
    edited.write_text(text.replace("镁与汽车零部件、", "镁与"), encoding="utf-8")
    _, rows = _rows(edited)
    assert {(r.from_key, r.to_key, r.props["via"]) for r in rows} == {
        x for x in HENAN_LINKS if not x[2].startswith("magnesium/die-castings→vehicles")
    }
    assert {r.span.document for r in rows if r.span} == {"edited-plan"}


def test_a_link_that_is_not_a_cross_link_of_the_catalogue_is_refused_naming_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "links.toml"
    bad.write_text(
        '[[links]]\nfrom = "magnesium/die-castings"\nto = "ev/ev-assembly"\nstated_by = ["镁"]\n', encoding="utf-8"
    )
    with pytest.raises(
        InputError, match=r"links\.toml: link #1 magnesium/die-castings → ev/ev-assembly is not a \[\[cross_links\]\]"
    ):
        load_stated_links(load_chains(), bad)


def test_a_link_without_words_to_find_its_sentence_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "links.toml"
    bad.write_text(
        '[[links]]\nfrom = "magnesium/die-castings"\nto = "vehicles-parts/parts"\nstated_by = []\n', encoding="utf-8"
    )
    with pytest.raises(InputError, match=r"links\.toml: links\.0\.stated_by"):
        load_stated_links(load_chains(), bad)
