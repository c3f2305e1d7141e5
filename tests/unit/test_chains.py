"""Chain templates: the packaged catalogue's coverage and shape, classification, graph rows,
and one clear InputError per kind of malformed template."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest

from clusterkg.errors import InputError, NotFoundError
from clusterkg.graph.model import GraphBatch, Label, RelType
from clusterkg.graph.writes import validate_batch
from clusterkg.loaders.chains import SECTORS, ChainCatalog, Stage, chain_batch, load_chains
from clusterkg.loaders.load_plan import parse_plan
from clusterkg.loaders.plan.build import plan_batch
from clusterkg.loaders.plan.document import read_plan

PLAN_SECTORS = {
    "电子信息",
    "装备制造",
    "汽车及零部件",
    "食品",
    "现代家居",
    "服装服饰",
    "生物医药",
    "节能环保",
    "新材料",
    "铝精深加工",
    "精品钢",
    "黄金深加工",
    "绿色化工",
}


@pytest.fixture(scope="module")
def catalog() -> ChainCatalog:
    return load_chains()


# ─────────────────────────── the packaged catalogue ───────────────────────────


def test_packaged_catalogue_covers_exactly_the_plans_13_sectors(catalog: ChainCatalog) -> None:
    assert {c.sector for c in catalog.chains} == PLAN_SECTORS
    assert set(SECTORS) == PLAN_SECTORS and len(SECTORS) == 13


def test_sector_chains_named_in_the_brief_are_present(catalog: ChainCatalog) -> None:
    by_sector = {s: {c.key for c in catalog.chains_of_sector(s)} for s in PLAN_SECTORS}
    assert {"smart-terminal", "software-it"} <= by_sector["电子信息"]
    assert {
        "smart-grid",
        "construction-mining",
        "bearings-basic-parts",
        "rail-transit",
        "lifting",
        "agricultural-machinery",
    } <= by_sector["装备制造"]
    assert by_sector["汽车及零部件"] == {"vehicles-parts", "ev", "ev-battery"}
    assert {"meat-cold-chain", "grain-oil", "frozen-food", "dairy", "snacks", "beverages"} == by_sector["食品"]
    assert {"renewable-metals", "env-equipment"} == by_sector["节能环保"]
    assert {"superhard", "refractory-alloys", "magnesium", "building-materials"} == by_sector["新材料"]


def test_every_chain_has_five_to_ten_segments(catalog: ChainCatalog) -> None:
    sizes = {c.key: len(c.segments) for c in catalog.chains}
    assert {k: n for k, n in sizes.items() if not 5 <= n <= 10} == {}


def test_every_chains_feeds_are_acyclic_and_connect_all_its_segments(catalog: ChainCatalog) -> None:
    for chain in catalog.chains:
        g = nx.DiGraph()
        g.add_nodes_from(s.key for s in chain.segments)
        g.add_edges_from(chain.feeds)
        assert set(g.nodes) == {s.key for s in chain.segments}, chain.key  # no feed invents a segment
        assert nx.is_directed_acyclic_graph(g), chain.key
        assert nx.is_weakly_connected(g), chain.key


def test_every_feed_runs_forward_in_order_and_stage(catalog: ChainCatalog) -> None:
    rank = {Stage.UPSTREAM: 0, Stage.MIDSTREAM: 1, Stage.DOWNSTREAM: 2}
    backwards = [
        (c.key, a, b)
        for c in catalog.chains
        for a, b in c.feeds
        if c.segment(a).order >= c.segment(b).order or rank[c.segment(a).stage] > rank[c.segment(b).stage]
    ]
    assert backwards == []


def test_industry_codes_are_four_digit_strings(catalog: ChainCatalog) -> None:
    bad = [
        (s.node_key, code)
        for c in catalog.chains
        for s in c.segments
        for code in s.industry_codes
        if not (isinstance(code, str) and len(code) == 4 and code.isdigit())
    ]
    assert bad == []


def test_plan_stated_cross_links_are_exactly_the_expected_set(catalog: ChainCatalog) -> None:
    pairs = {(f"{x.from_chain}/{x.from_segment}", f"{x.to_chain}/{x.to_segment}") for x in catalog.cross_links}
    assert pairs == {
        ("magnesium/die-castings", "vehicles-parts/parts"),
        ("magnesium/die-castings", "smart-terminal/structure"),
        ("ev-battery/packs", "ev/ev-assembly"),
        ("aluminium/flat-rolled", "vehicles-parts/body"),
        ("aluminium/extrusions", "rail-transit/carbody"),
        ("aluminium/wheels", "vehicles-parts/assembly"),
        ("renewable-metals/secondary-aluminium", "aluminium/casting"),
        ("textiles/dyeing", "apparel/woven-garments"),
        ("textiles/dyeing", "apparel/knitwear"),
    }
    assert all(x.note for x in catalog.cross_links)


def test_segment_lookup_names_the_segment_and_unknown_keys_raise_not_found(catalog: ChainCatalog) -> None:
    seg = catalog.segment("ev-battery", "cells")
    assert (seg.node_key, seg.name, seg.stage, seg.industry_codes) == (
        "ev-battery/cells",
        "电芯",
        Stage.MIDSTREAM,
        ("3841",),
    )
    with pytest.raises(NotFoundError, match="no chain 'nowhere'"):
        catalog.segment("nowhere", "cells")
    with pytest.raises(NotFoundError, match="chain 'ev-battery' has no segment 'wheels'"):
        catalog.segment("ev-battery", "wheels")
    with pytest.raises(NotFoundError, match="no sector '电子'"):
        catalog.chains_of_sector("电子")


# ─────────────────────────── classification ───────────────────────────


def test_code_lookup_returns_every_segment_listing_the_class(catalog: ChainCatalog) -> None:
    assert [s.node_key for s in catalog.segments_for_code("3841")] == [
        "smart-terminal/battery",
        "ev-battery/cells",
        "ev-battery/packs",
    ]
    assert [s.node_key for s in catalog.segments_for_code("C3217")] == ["magnesium/primary-magnesium"]
    assert catalog.segments_for_code("0100") == []


def test_code_lookup_rejects_a_code_that_is_not_four_digits(catalog: ChainCatalog) -> None:
    with pytest.raises(InputError, match="'392' is not a 4-digit"):
        catalog.segments_for_code("392")


@pytest.mark.parametrize(
    ("products", "expected"),
    [
        # a keyword inside a longer keyword's match does not count: not also smart-terminal/assembly (手机)
        ("手机外壳", [("smart-terminal/structure", "手机外壳")]),
        # not also vehicles-parts/assembly (客车)
        ("新能源客车", [("ev/ev-assembly", "新能源客车")]),
        ("火腿肠、低温肉制品", [("meat-cold-chain/processed-meat", "火腿肠")]),
        # full-width letters fold to ASCII, and results follow the order of the text
        ("动力电池ＰＡＣＫ", [("ev-battery/cells", "动力电池"), ("ev-battery/packs", "PACK")]),
        # the same product in two chains is reported for both
        ("柴油机", [("construction-mining/engines", "柴油机"), ("agricultural-machinery/diesel-engines", "柴油机")]),
        ("镁合金压铸件", [("magnesium/die-castings", "镁合金压铸件")]),
        ("咨询服务", []),
    ],
)
def test_text_lookup_places_products_in_their_segments(
    catalog: ChainCatalog, products: str, expected: list[tuple[str, str]]
) -> None:
    assert [(s.node_key, kw) for s, kw in catalog.segments_for_text(products)] == expected


# ─────────────────────────── graph rows ───────────────────────────


def test_chain_batch_writes_one_node_per_chain_and_segment_and_every_feed(catalog: ChainCatalog) -> None:
    batch = chain_batch(catalog)
    n_segments = sum(len(c.segments) for c in catalog.chains)
    n_feeds = sum(len(c.feeds) for c in catalog.chains)
    assert batch.counts() == {
        "Chain": len(catalog.chains),
        "ChainSegment": n_segments,
        "FEEDS": n_feeds + len(catalog.cross_links),
        "HAS_CHAIN": len(catalog.chains),
        "HAS_SEGMENT": n_segments,
    }
    keys = {(n.label, n.key) for n in batch.nodes}
    assert len(keys) == len(batch.nodes)  # no node written twice
    for r in batch.relationships:
        assert (r.to_label, r.to_key) in keys
        assert r.from_label == Label.SECTOR or (r.from_label, r.from_key) in keys


def test_chain_batch_hangs_off_the_sector_nodes_the_plan_load_writes(catalog: ChainCatalog, plan_path: Path) -> None:
    # HAS_CHAIN starts at Sector nodes this batch does not define, so it is written merged with
    # the plan batch; the writer refuses relationships to nodes outside the batch.
    plan = plan_batch(read_plan(plan_path))
    assert [n.key for n in plan.nodes if n.label == Label.SECTOR] == list(SECTORS)
    chains = chain_batch(catalog)
    validate_batch(GraphBatch(plan.nodes + chains.nodes, plan.relationships + chains.relationships))
    # and the plan loader does exactly that merge
    _, loaded = parse_plan(plan_path)
    assert loaded.counts()["Chain"] == len(catalog.chains)
    # Clusters get HAS_CHAIN too (loaders.cluster_chains); the sectors' ones are one per chain.
    sector_chains = [r for r in loaded.relationships if r.type is RelType.HAS_CHAIN and r.from_label is Label.SECTOR]
    assert len(sector_chains) == len(catalog.chains)


def test_chain_batch_rows_carry_the_documented_keys_and_props(catalog: ChainCatalog) -> None:
    batch = chain_batch(catalog)
    nodes = {(n.label, n.key): n for n in batch.nodes}
    chain = nodes[(Label.CHAIN, "ev-battery")]
    assert (chain.name, chain.props) == ("锂离子动力电池", {"sector": "汽车及零部件"})
    seg = nodes[(Label.CHAIN_SEGMENT, "ev-battery/cells")]
    assert (seg.name, seg.props) == (
        "电芯",
        {
            "chain": "ev-battery",
            "stage": "中游",
            "order": 3,
            "industry_codes": ["3841"],
            "keywords": ["电芯", "锂离子电池", "动力电池", "储能电池"],
        },
    )
    rels = {(r.type, r.from_key, r.to_key): r for r in batch.relationships}
    has_chain = rels[(RelType.HAS_CHAIN, "汽车及零部件", "ev-battery")]
    assert (has_chain.from_label, has_chain.to_label) == (Label.SECTOR, Label.CHAIN)
    assert (RelType.HAS_SEGMENT, "ev-battery", "ev-battery/cells") in rels
    assert rels[(RelType.FEEDS, "ev-battery/cells", "ev-battery/packs")].props == {"cross_chain": False, "note": ""}
    cross = rels[(RelType.FEEDS, "ev-battery/packs", "ev/ev-assembly")]
    assert cross.props["cross_chain"] is True and "锂离子动力电池" in cross.props["note"]


# ─────────────────────────── validation ───────────────────────────

MINI = """\
[[chains]]
key = "mini"
name = "小链"
sector = "食品"
segments = [
  { key = "farm", name = "养殖", stage = "上游", order = 1, industry_codes = ["0313"], keywords = ["养猪"] },
  { key = "plant", name = "屠宰", stage = "中游", order = 2, industry_codes = ["1351"], keywords = ["屠宰"] },
  { key = "shop", name = "零售", stage = "下游", order = 3, industry_codes = ["5212"], keywords = ["超市"] },
]
feeds = [["farm", "plant"], ["plant", "shop"]]
"""

MILL = (
    '  { key = "mill", name = "饲料", stage = "上游", order = 1, industry_codes = ["1329"], keywords = ["饲料"] },\n]'
)


def _link(from_chain: str, from_segment: str, to_chain: str, to_segment: str) -> str:
    return (
        f'\n[[cross_links]]\nfrom_chain = "{from_chain}"\nfrom_segment = "{from_segment}"\n'
        f'to_chain = "{to_chain}"\nto_segment = "{to_segment}"\nnote = "测试"\n'
    )


def _second_chain(key: str) -> str:
    return MINI.replace('key = "mini"', f'key = "{key}"')


def test_a_well_formed_small_catalogue_loads(tmp_path: Path) -> None:
    path = tmp_path / "chains.toml"
    path.write_text(MINI + "\n" + _second_chain("other") + _link("mini", "shop", "other", "farm"), encoding="utf-8")
    catalog = load_chains(path)
    assert [c.key for c in catalog.chains] == ["mini", "other"]
    assert catalog.chain("mini").feeds == (("farm", "plant"), ("plant", "shop"))
    assert [(x.from_chain, x.to_segment) for x in catalog.cross_links] == [("mini", "farm")]


BAD_CASES: dict[str, tuple[Callable[[str], str], list[str]]] = {
    "unknown_sector": (
        lambda t: t.replace('sector = "食品"', 'sector = "食物"'),
        ["chain 'mini'", "unknown sector '食物'"],
    ),
    "duplicate_chain_key": (lambda t: t + "\n" + t, ["chain 'mini' is defined twice"]),
    "duplicate_segment_key": (
        lambda t: t.replace('key = "shop"', 'key = "farm"'),
        ["chain 'mini'", "segment 'farm' is defined twice"],
    ),
    "stage_not_one_of_three": (
        lambda t: t.replace('stage = "下游"', 'stage = "末端"'),
        ["chain 'mini', segment 'shop'", "stage '末端' is not one of 上游, 中游, 下游"],
    ),
    "industry_code_not_four_digits": (
        lambda t: t.replace('"5212"', '"521"'),
        ["chain 'mini', segment 'shop'", "industry code '521' is not 4 digits"],
    ),
    "segment_key_not_a_slug": (
        lambda t: t.replace('key = "shop"', 'key = "Shop_1"'),
        ["chain 'mini', segment 'Shop_1'", "'Shop_1' is not an ASCII slug"],
    ),
    "keyword_in_two_segments": (
        lambda t: t.replace('keywords = ["超市"]', 'keywords = ["屠宰"]'),
        ["chain 'mini'", "keyword '屠宰' is in both segment 'plant' and segment 'shop'"],
    ),
    "feed_naming_unknown_segment": (
        lambda t: t.replace('["plant", "shop"]', '["plant", "store"]'),
        ["chain 'mini'", "names unknown segment 'store'"],
    ),
    "cycle_in_feeds": (
        lambda t: t.replace('["plant", "shop"]]', '["plant", "shop"], ["shop", "farm"]]'),
        ["chain 'mini'", "feeds form a cycle: farm → plant → shop → farm"],
    ),
    "orphan_segment": (
        lambda t: t.replace(', ["plant", "shop"]', ""),
        ["chain 'mini'", "segment 'shop' is an orphan"],
    ),
    "feeds_in_two_unconnected_parts": (
        lambda t: t.replace("\n]\nfeeds", "\n" + MILL + "\nfeeds").replace('["plant", "shop"]', '["mill", "shop"]'),
        ["chain 'mini'", "2 unconnected parts: {farm, plant} and {shop, mill}"],
    ),
    "feed_running_backwards_in_order": (
        lambda t: t.replace('stage = "下游", order = 3', 'stage = "下游", order = 2'),
        ["chain 'mini'", "feed 'plant' → 'shop' runs backwards along the chain: order 2 → 2"],
    ),
    "cross_link_to_unknown_chain": (
        lambda t: t + _link("mini", "shop", "nowhere", "farm"),
        ["cross link mini/shop → nowhere/farm", "unknown chain 'nowhere'"],
    ),
    "cross_link_to_unknown_segment": (
        lambda t: t + _link("mini", "store", "mini", "farm"),
        ["cross link mini/store → mini/farm", "unknown segment 'store' of chain 'mini'"],
    ),
    "cross_link_inside_one_chain": (
        lambda t: t + _link("mini", "farm", "mini", "shop"),
        ["cross link mini/farm → mini/shop", "stays inside chain 'mini'"],
    ),
    "unknown_field": (
        lambda t: t.replace('keywords = ["超市"]', 'keywords = ["超市"], colour = "red"'),
        ["chain 'mini', segment 'shop', field colour", "Extra inputs are not permitted"],
    ),
    "toml_syntax_error": (
        lambda t: t.replace('name = "小链"', 'name = "小链'),
        ["TOML syntax error", "line 3"],
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES), ids=sorted(BAD_CASES))
def test_bad_catalogue_raises_input_error_naming_file_place_and_reason(tmp_path: Path, case: str) -> None:
    mutate, fragments = BAD_CASES[case]
    text = mutate(MINI)
    assert text != MINI  # the mutation applied
    path = tmp_path / "bad-chains.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_chains(path)
    message = str(err.value)
    assert message.startswith(f"{path}: ")
    for fragment in fragments:
        assert fragment in message
    assert "\n" not in message  # the CLI prints it as one line


def test_missing_file_raises_not_found_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "absent.toml"
    with pytest.raises(NotFoundError, match="absent.toml: no such chain-template file"):
        load_chains(path)


def test_each_error_is_reported_once_with_no_spurious_second_reason(tmp_path: Path) -> None:
    path = tmp_path / "bad-chains.toml"
    path.write_text(MINI.replace('stage = "下游"', 'stage = "末端"'), encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_chains(path)
    assert str(err.value) == (
        f"{path}: chain 'mini', segment 'shop', field stage: stage '末端' is not one of 上游, 中游, 下游"
    )


def test_empty_segments_and_keywords_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "bad-chains.toml"
    path.write_text(MINI.replace('keywords = ["超市"]', "keywords = []"), encoding="utf-8")
    with pytest.raises(InputError, match="segment 'shop', field keywords: no keywords"):
        load_chains(path)
    path.write_text('[[chains]]\nkey = "mini"\nname = "小链"\nsector = "食品"\nsegments = []\n', encoding="utf-8")
    with pytest.raises(InputError, match="chain 'mini', field segments: no segments"):
        load_chains(path)
