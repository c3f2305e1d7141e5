"""The plan parser on the Henan plan and on a small plan of the same genre (no database)."""

from __future__ import annotations

from pathlib import Path

import pytest
from quoting import states

from clusterkg.errors import InputError
from clusterkg.graph.model import Label
from clusterkg.loaders.gazetteer import Gazetteer
from clusterkg.loaders.plan.document import read_plan
from clusterkg.loaders.plan.parser import Cluster, ParsedPlan, parse_plan
from clusterkg.loaders.plan.resolve import Aliases
from clusterkg.text import normalise_name

ROOT = Path(__file__).resolve().parents[2]
MINI_PLAN = ROOT / "tests" / "fixtures" / "mini-plan.txt"


@pytest.fixture(scope="module")
def henan(gazetteer: Gazetteer, plan_path: Path) -> ParsedPlan:
    return parse_plan(read_plan(plan_path), gazetteer)


@pytest.fixture(scope="module")
def mini(gazetteer: Gazetteer) -> ParsedPlan:
    aliases = Aliases.load()
    extra = {Label.ENTERPRISE: {**aliases.variants(Label.ENTERPRISE), "星河": "星河重机"}}
    return parse_plan(read_plan(MINI_PLAN), gazetteer, Aliases({**aliases.table, **extra}, aliases.known_firms))


def cluster(plan: ParsedPlan, name: str) -> Cluster:
    return next(c for c in plan.clusters if c.name == name)


def linked(plan: ParsedPlan, kind: str, target: str) -> list[str]:
    return [lk.source for lk in plan.links if lk.type == kind and lk.target == target]


def summary(c: Cluster) -> tuple[object, ...]:
    return (c.name, c.level, c.target_yi, c.target_year, c.sector, c.scope, c.appendix_no, [p.name for p in c.places])


# -- the Henan plan --------------------------------------------------------------------


def test_header_gives_title_issuer_and_iso_date(henan: ParsedPlan) -> None:
    h = henan.header
    assert (h.title, h.issuer, h.date) == (
        "“百千万”亿级优势产业集群培育工程行动计划",
        "河南省人民政府办公厅",
        "2015-04-27",
    )


def test_thirteen_sectors_carry_the_goals_of_the_targets_paragraph(henan: ParsedPlan) -> None:
    assert [(s.section_no, s.name, s.goal_yi, s.goal_year) for s in henan.sectors] == [
        (1, "电子信息", 5000.0, 2017),
        (2, "装备制造", 12000.0, 2017),
        (3, "汽车及零部件", 4000.0, 2017),
        (4, "食品", 12000.0, 2017),
        (5, "现代家居", 4000.0, 2017),
        (6, "服装服饰", 4000.0, 2017),
        (7, "生物医药", None, None),
        (8, "节能环保", None, None),
        (9, "新材料", None, None),
        (10, "铝精深加工", None, None),
        (11, "精品钢", None, None),
        (12, "黄金深加工", None, None),
        (13, "绿色化工", None, None),
    ]


def test_every_thousand_yi_cluster_is_an_appendix_row_merged_with_its_body_statement(henan: ParsedPlan) -> None:
    big = {(c.appendix_no, c.name, c.target_yi, c.sector, c.scope) for c in henan.clusters if c.level == "千亿级"}
    assert big == {
        (1, "郑州航空港区智能终端(手机)产业集群", 3000.0, "电子信息", "body"),
        (2, "洛阳现代装备制造产业集群", 3000.0, "装备制造", "body"),
        (3, "郑州高端装备制造产业集群", 2500.0, "装备制造", "body"),
        (4, "中原电气谷智能电网装备产业集群", 1200.0, "装备制造", "body"),
        (5, "新(乡)长(垣)高端装备产业集群", 1200.0, "装备制造", "body"),
        (6, "焦作高端装备产业集群", 1200.0, "装备制造", "body"),
        (7, "郑汴整车及零部件产业集群", 1200.0, "汽车及零部件", "body"),
        (8, "漯河食品产业集群", 2000.0, "食品", "body"),
        (9, "周口食品产业集群", 1500.0, "食品", "body"),
        (10, "郑州食品产业集群", 1200.0, "食品", "body"),
        (11, "信阳食品产业集群", 1000.0, "食品", "body"),
        (12, "驻马店食品产业集群", 1000.0, "食品", "body"),
        (13, "郑州综合性现代家居产业集群", 1000.0, "现代家居", "body"),
        (14, "郑州中高端服装产业集群", 1000.0, "服装服饰", "body"),
        (15, "周口纺织服装制鞋产业集群", 1000.0, "服装服饰", "body"),
        (16, "商丘纺织服装制鞋产业集群", 1000.0, "服装服饰", "body"),
        (17, '许昌长葛大周国家"城市矿产"产业集群', 1000.0, "节能环保", "body"),
        (18, "洛阳、焦作、三门峡铝精深加工产业基地", 1000.0, "铝精深加工", "body"),
        (19, "安阳精品钢产业基地", 1000.0, "精品钢", "body"),
        (20, "三门峡黄金深加工产业基地", 1000.0, "黄金深加工", "body"),
        (21, "洛阳石油化工产业基地", 1000.0, "绿色化工", "body"),
        (22, "濮阳油煤盐联合化工产业基地", 1000.0, "绿色化工", "body"),
    }


def test_body_wording_of_a_merged_cluster_becomes_its_alias(henan: ParsedPlan) -> None:
    aliased = {c.name: c.aliases for c in henan.clusters if c.aliases}
    assert aliased == {
        '许昌长葛大周国家"城市矿产"产业集群': ['长葛大周"城市矿产"示范基地'],
        "洛阳、焦作、三门峡铝精深加工产业基地": ["洛阳、焦作铝深加工产业基地"],
    }
    aluminium = cluster(henan, "洛阳、焦作、三门峡铝精深加工产业基地")
    assert [p.name for p in aluminium.places] == ["洛阳市", "焦作市", "三门峡市"]


def test_clusters_below_a_thousand_yi_formed_in_the_body(henan: ParsedPlan) -> None:
    formed = [summary(c) for c in henan.clusters if c.scope == "body" and c.level != "千亿级"]
    assert formed == [
        (
            "洛阳高新区、郑州高新区软件及以新兴业态发展为主的产业集群",
            "500亿级",
            500.0,
            2017,
            "电子信息",
            "body",
            None,
            ["洛阳市", "郑州市"],
        ),
        ("信阳高新区电子信息特色产业集群", "百亿级", 100.0, 2017, "电子信息", "body", None, ["信阳市"]),
        ("南阳光电电子信息特色产业集群", "百亿级", 100.0, 2017, "电子信息", "body", None, ["南阳市"]),
        ("郑(州)新(乡)电动汽车产业集群", "500亿级", 500.0, 2017, "汽车及零部件", "body", None, ["郑州市", "新乡市"]),
        ("南阳针织服装产业集群", "500亿级", 500.0, 2017, "服装服饰", "body", None, ["南阳市"]),
        ("新乡生物医药产业集群", "400亿级", 400.0, 2017, "生物医药", "body", None, ["新乡市"]),
        ("平顶山医药及医疗器械产业集群", "200亿级", 200.0, 2017, "生物医药", "body", None, ["平顶山市"]),
        ("超硬材料产业集群", "500亿级", 500.0, 2017, "新材料", "body", None, []),
        ("高端钨钼钛合金材料产业集群", "300亿级", 300.0, 2017, "新材料", "body", None, ["洛阳市"]),
        ("鹤壁镁及镁合金产业集群", "百亿级", 100.0, 2017, "新材料", "body", None, ["鹤壁市"]),
        ("巩义铝板带箔产业集群", "800亿级", 800.0, 2017, "铝精深加工", "body", None, ["巩义市"]),
    ]


def test_county_clusters_of_the_car_sector_are_one_per_place_named_for_the_sector(henan: ParsedPlan) -> None:
    county = [
        (c.name, [p.name for p in c.places])
        for c in henan.clusters
        if c.scope == "county" and c.sector == "汽车及零部件"
    ]
    assert county == [
        ("孟州汽车及零部件特色产业集群", ["孟州市"]),
        ("博爱汽车及零部件特色产业集群", ["博爱县"]),
        ("许昌尚集汽车及零部件特色产业集群", ["许昌市"]),
        ("西峡汽车及零部件特色产业集群", ["西峡县"]),
        ("淅川汽车及零部件特色产业集群", ["淅川县"]),
        ("鹤壁金山汽车及零部件特色产业集群", ["鹤壁市"]),
        ("驻马店驿城区汽车及零部件特色产业集群", ["驿城区"]),
    ]
    assert {(c.level, c.target_yi, c.target_year) for c in henan.clusters if c.scope == "county"} == {
        ("百亿级", 100.0, 2017)
    }


def test_county_list_items_that_carry_their_own_industry_name_the_cluster_after_it(henan: ParsedPlan) -> None:
    names = [
        c.name
        for c in henan.clusters
        if c.scope == "county" and c.sector in {"服装服饰", "现代家居", "节能环保", "新材料"}
    ]
    assert names == [
        "民权家电产业集群",
        "新乡家电产业集群",
        "许昌发制品特色产业集群",
        "鄢陵箱包特色产业集群",
        "偃师鞋帽特色产业集群",
        "洛阳节能环保装备制造特色产业集群",
        "平顶山节能环保装备制造特色产业集群",
        "信阳上天梯新型节能环保建筑材料产业集群",
    ]
    assert len([c for c in henan.clusters if c.scope == "county"]) == 30


def test_anchor_firms_of_the_luoyang_equipment_cluster(henan: ParsedPlan) -> None:
    assert linked(henan, "anchors", "洛阳现代装备制造产业集群") == ["中信重工", "中国一拖", "洛轴", "洛阳南车"]


def test_anchor_firms_listed_around_vehicle_makers_include_the_cooperation_partner(henan: ParsedPlan) -> None:
    assert linked(henan, "anchors", "郑汴整车及零部件产业集群") == [
        "宇通客车", "东风日产", "郑州日产", "海马汽车", "少林客车", "奇瑞汽车", "东风",
    ]  # fmt: skip
    assert linked(henan, "anchors", "洛阳石油化工产业基地") == ["中石化集团"]
    assert linked(henan, "anchors", "安阳精品钢产业基地") == ["安钢集团"]  # a firm in the table's zone column


def test_projects_of_the_zhengbian_vehicle_cluster(henan: ParsedPlan) -> None:
    assert linked(henan, "supports", "郑汴整车及零部件产业集群") == [
        "东风日产年产30万辆新工厂", "郑州日产年产18万辆产能提升", "宇通高端商务车",
    ]  # fmt: skip


def test_single_projects_built_or_backed_are_found(henan: ParsedPlan) -> None:
    assert linked(henan, "supports", "平顶山医药及医疗器械产业集群") == ["圣光医疗器械产业孵化园"]
    assert "富士康智能手机项目" in linked(henan, "supports", "郑州航空港区智能终端(手机)产业集群")
    # the Xinyang project supports the Xinyang cluster, not its Nanyang sibling of the same sentence
    assert linked(henan, "supports", "信阳高新区电子信息特色产业集群") == ["中国信阳智能终端(手机)产业园及总部基地"]
    assert linked(henan, "supports", "南阳光电电子信息特色产业集群") == []


def test_projects_are_run_by_the_firm_their_name_starts_with(henan: ParsedPlan) -> None:
    run_by = {lk.source: lk.target for lk in henan.links if lk.type == "run_by"}
    assert {p: run_by[p] for p in ("中信重工高端装备制造基地", "万基控股高精度铝板带箔", "东风日产年产30万辆新工厂",
                                   "宇通高端商务车", "厦工二期技改扩建", "洛阳中兴通讯智慧产业基地")} == {
        "中信重工高端装备制造基地": "中信重工",
        "万基控股高精度铝板带箔": "万基控股",
        "东风日产年产30万辆新工厂": "东风日产",
        "宇通高端商务车": "宇通客车",
        "厦工二期技改扩建": "焦作厦工",
        "洛阳中兴通讯智慧产业基地": "中兴通讯",
    }  # fmt: skip
    assert "郑州台湾软件园" not in run_by
    assert henan.enterprises["宇通客车"].aliases == {"宇通"}


def test_zones_of_the_luoyang_cluster_merge_body_and_appendix(henan: ParsedPlan) -> None:
    assert list(dict.fromkeys(linked(henan, "serves", "洛阳现代装备制造产业集群"))) == [
        "洛阳伊滨产业集聚区", "洛阳先进制造业产业集聚区", "洛阳工业产业集聚区", "宜阳县产业集聚区",
        "偃师市产业集聚区", "洛阳市洛新产业集聚区",
    ]  # fmt: skip


def test_abbreviated_zone_lists_take_the_shared_suffix(henan: ParsedPlan) -> None:
    zones = list(dict.fromkeys(linked(henan, "serves", "郑汴整车及零部件产业集群")))
    assert zones == [
        "郑汴百亿级汽车零部件产业园", "郑州经济技术产业集聚区", "中牟汽车产业集聚区", "开封汴西产业集聚区",
        "郑州国际物流产业集聚区", "荥阳市产业集聚区",
    ]  # fmt: skip


def test_zone_variants_resolve_by_rule_and_by_alias_table(henan: ParsedPlan) -> None:
    aliased = {z.name: z.aliases for z in henan.zones.values() if z.aliases}
    assert aliased == {
        "郑州航空港经济综合实验区": {"郑州航空港区"},
        "漯河经济技术产业集聚区": {"漯河经济技术开发区"},
        "商丘睢阳区产业集聚区": {"商丘市睢阳区产业集聚区"},
        "濮阳经济技术开发产业集聚区": {"濮阳经济技术开发区"},
        "漯河淞江产业集聚区": {"漯河淞江产业聚集区"},
    }


def test_zones_are_located_in_the_most_specific_place_their_name_gives(henan: ParsedPlan) -> None:
    where = {z.name: [p.name for p in z.places] for z in henan.zones.values()}
    assert where["信阳平桥产业集聚区"] == ["平桥区"]
    assert where["郑州家具产业园(登封)"] == ["登封市"]
    assert where["长葛市产业集聚区"] == ["长葛市"]
    assert where["金马凯旋现代家居生产基地"] == ["郑州市"]  # no place in the name: its cluster's city
    assert where["中原电气谷核心区"] == []  # its cluster spans two cities


def test_a_place_cell_of_the_table_locates_the_cluster_instead_of_making_a_zone(henan: ParsedPlan) -> None:
    assert [p.name for p in cluster(henan, "三门峡黄金深加工产业基地").places] == ["三门峡市", "灵宝市"]
    assert "灵宝市" not in henan.zones


def test_spans_of_firms_and_projects_quote_a_sentence_naming_them(henan: ParsedPlan) -> None:
    doc = henan.document
    for table in (henan.enterprises, henan.projects):
        for item in table.values():
            for span in item.spans:
                quoted = normalise_name(doc.quote(span.start, span.end))
                assert any(states(n, quoted) for n in (item.name, *item.aliases)), (item.name, quoted)
                assert (
                    doc.paragraphs[span.paragraph].start <= span.start < span.end <= doc.paragraphs[span.paragraph].end
                )


def test_spans_of_thousand_yi_clusters_include_the_table_row(henan: ParsedPlan) -> None:
    doc = henan.document
    for c in henan.clusters:
        if c.appendix_no:
            quotes = [normalise_name(doc.quote(s.start, s.end)) for s in c.spans]
            assert any(c.name in q for q in quotes), c.name
            assert "到2017年" in quotes[0]  # the body sentence comes first


# -- a plan of the same genre ------------------------------------------------------------


def test_mini_plan_header_and_sector_goals(mini: ParsedPlan) -> None:
    assert (mini.header.title, mini.header.issuer, mini.header.date) == (
        "示范省装备与食品产业集群提升方案", "示范省人民政府办公厅", "2016-03-08",
    )  # fmt: skip
    assert [(s.section_no, s.name, s.goal_yi, s.goal_year) for s in mini.sectors] == [
        (1, "智能装备", 2500.0, 2018),
        (2, "绿色食品", 3000.0, 2018),
    ]


def test_mini_plan_clusters(mini: ParsedPlan) -> None:
    assert [summary(c) for c in mini.clusters] == [
        ("许昌智能装备产业集群", "千亿级", 1500.0, 2018, "智能装备", "body", 1, ["许昌市"]),
        ("漯河智能装备产业集群", "百亿级", 100.0, 2018, "智能装备", "body", None, ["漯河市"]),
        ("周口智能装备产业集群", "百亿级", 100.0, 2018, "智能装备", "body", None, ["周口市"]),
        ("鄢陵智能装备特色产业集群", "百亿级", 100.0, 2018, "智能装备", "county", None, ["鄢陵县"]),
        ("襄城智能装备特色产业集群", "百亿级", 100.0, 2018, "智能装备", "county", None, ["襄城县"]),
        ("舞钢智能装备特色产业集群", "百亿级", 100.0, 2018, "智能装备", "county", None, ["舞钢市"]),
        ("商丘绿色食品加工产业集群", "千亿级", 1000.0, 2018, "绿色食品", "body", 2, ["商丘市"]),
        ("宁陵果蔬加工产业集群", "300亿级", 300.0, 2018, "绿色食品", "body", None, ["宁陵县"]),
        ("民权冷链特色产业集群", "百亿级", 100.0, 2018, "绿色食品", "county", None, ["民权县"]),
        ("虞城面业特色产业集群", "百亿级", 100.0, 2018, "绿色食品", "county", None, ["虞城县"]),
    ]
    assert cluster(mini, "商丘绿色食品加工产业集群").aliases == ["商丘绿色食品产业集群"]


def test_mini_plan_firms_projects_and_zones(mini: ParsedPlan) -> None:
    assert linked(mini, "anchors", "许昌智能装备产业集群") == ["星河重机", "云岭智控", "北辰液压"]
    assert linked(mini, "anchors", "商丘绿色食品加工产业集群") == ["丰禾食品", "麦香园", "金穗粮业", "金穗集团"]
    assert linked(mini, "supports", "许昌智能装备产业集群") == [
        "星河重机数控机床扩产",
        "云岭智控伺服电机产业园",
        "星河二期总装线",
    ]
    assert linked(mini, "supports", "宁陵果蔬加工产业集群") == ["宁陵果蔬加工孵化园"]
    assert sorted((lk.source, lk.target) for lk in mini.links if lk.type == "run_by") == [
        ("丰禾食品冷链物流中心", "丰禾食品"),
        ("云岭智控伺服电机产业园", "云岭智控"),
        ("星河二期总装线", "星河重机"),  # through the alias 星河 given to the parser
        ("星河重机数控机床扩产", "星河重机"),
        ("金穗粮业全麦面粉生产线", "金穗粮业"),
    ]
    assert mini.enterprises["星河重机"].aliases == {"星河"}
    assert list(dict.fromkeys(linked(mini, "serves", "许昌智能装备产业集群"))) == [
        "许昌经济技术产业集聚区", "禹州市产业集聚区", "长葛市产业集聚区",
    ]  # fmt: skip
    assert mini.zones["长葛市产业集聚区"].aliases == {"长葛市产业聚集区"}


# -- bad input ----------------------------------------------------------------------------


def _mini_with(tmp_path: Path, old: str, new: str) -> Path:
    text = MINI_PLAN.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "broken-plan.txt"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_garbled_appendix_target_names_the_table_row(tmp_path: Path, gazetteer: Gazetteer) -> None:
    path = _mini_with(tmp_path, "1500亿元", "一千五百亿元")
    row = next(p.index for p in read_plan(path).paragraphs if p.text.startswith("1\t"))
    with pytest.raises(InputError, match=rf"paragraph {row} \(table row\)"):
        parse_plan(read_plan(path), gazetteer)


def test_appendix_row_with_a_missing_cell_names_the_table_row(tmp_path: Path, gazetteer: Gazetteer) -> None:
    path = _mini_with(tmp_path, "夏邑县产业集聚区、金穗集团\t1000亿元", "夏邑县产业集聚区、金穗集团1000亿元")
    row = next(p.index for p in read_plan(path).paragraphs if p.text.startswith("2\t"))
    with pytest.raises(InputError, match=rf"paragraph {row} \(table row\): 3 cells"):
        parse_plan(read_plan(path), gazetteer)


def test_cluster_target_in_words_is_rejected_naming_the_paragraph(tmp_path: Path, gazetteer: Gazetteer) -> None:
    path = _mini_with(tmp_path, "许昌1500亿级", "许昌一千五百亿级")
    para = next(p.index for p in read_plan(path).paragraphs if "（一）智能装备产业" in p.text)
    with pytest.raises(InputError, match=rf"paragraph {para}: cluster target .* is not a number"):
        parse_plan(read_plan(path), gazetteer)


def test_sector_sections_out_of_order_are_rejected(tmp_path: Path, gazetteer: Gazetteer) -> None:
    path = _mini_with(tmp_path, "（二）绿色食品产业", "（三）绿色食品产业")
    with pytest.raises(InputError, match=r"numbered \[1, 3\]"):
        parse_plan(read_plan(path), gazetteer)


def test_upgrade_projects_sharing_one_suffix_are_split_and_a_focus_firm_is_named() -> None:
    from clusterkg.loaders.plan.mentions import firm_mention, project_mention

    got = project_mention("大力推进甲石化总厂、乙乙烯扩能改造")
    assert got is not None and got.names == ("甲石化总厂扩能改造", "乙乙烯扩能改造")
    firm = firm_mention("重点发展丙丁集团肉类精深加工及配套产业")
    assert firm is not None and firm.names == ("丙丁集团",)
    assert project_mention("大力推进技术进步") is None
