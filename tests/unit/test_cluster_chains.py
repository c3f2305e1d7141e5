"""Clusters matched to the chains of their sector by name: specific where the name says, all otherwise."""

from __future__ import annotations

from pathlib import Path

from clusterkg.graph.model import Label, RelType
from clusterkg.loaders.chains import load_chains
from clusterkg.loaders.cluster_chains import chains_by_name, cluster_chain_batch
from clusterkg.loaders.load_plan import parse_plan
from clusterkg.loaders.plan.build import plan_batch
from clusterkg.loaders.plan.document import read_plan


def _links(plan_path: Path) -> dict[str, tuple[set[str], set[str]]]:
    rows = cluster_chain_batch(plan_batch(read_plan(plan_path)), load_chains())
    out: dict[str, tuple[set[str], set[str]]] = {}
    for r in rows:
        chains, segments = out.setdefault(r.from_key, (set(), set()))
        (chains if r.type is RelType.HAS_CHAIN else segments).add(r.to_key)
    return out


def test_named_product_picks_that_chain_and_segment_only(plan_path: Path) -> None:
    got = _links(plan_path)
    assert got["郑州航空港区智能终端(手机)产业集群"] == ({"smart-terminal"}, {"smart-terminal/assembly"})
    assert got["巩义铝板带箔产业集群"] == ({"aluminium"}, {"aluminium/flat-rolled"})


def test_sector_only_name_gets_every_chain_of_its_sector(plan_path: Path) -> None:
    got = _links(plan_path)
    assert got["漯河食品产业集群"] == (
        {"meat-cold-chain", "grain-oil", "frozen-food", "dairy", "snacks", "beverages"},
        set(),
    )


def test_every_cluster_of_the_plan_has_a_chain_and_rows_carry_the_document(plan_path: Path) -> None:
    rows = cluster_chain_batch(plan_batch(read_plan(plan_path)), load_chains())
    _, batch = parse_plan(plan_path)
    clusters = {n.key for n in batch.nodes if n.label is Label.CLUSTER}
    assert {r.from_key for r in rows if r.type is RelType.HAS_CHAIN} == clusters
    assert {r.props["doc"] for r in rows} == {"henan-2015-baiqianwan-clusters"}
    assert all(r in batch.relationships for r in rows)  # parse_plan writes them with the plan


def test_clusters_of_sectors_outside_the_catalogue_get_the_chains_their_names_name() -> None:
    _, batch = parse_plan(Path(__file__).resolve().parents[1] / "fixtures" / "mini-plan.txt")
    sector_of = {r.from_key: r.to_key for r in batch.relationships if r.type is RelType.IN_SECTOR}
    catalog = load_chains()
    chained = {r.from_key for r in batch.relationships if r.type is RelType.HAS_CHAIN and r.from_label is Label.CLUSTER}
    clusters = {n.key for n in batch.nodes if n.label is Label.CLUSTER}
    assert clusters and any(not catalog.has_sector(s) for s in sector_of.values())
    names = {n.key: n.name for n in batch.nodes if n.label is Label.CLUSTER}
    expected = {c for c in clusters if catalog.has_sector(sector_of.get(c, "")) or chains_by_name(names[c], catalog)}
    assert chained == expected
    assert any(not catalog.has_sector(sector_of.get(c, "")) for c in chained)  # some came by name
