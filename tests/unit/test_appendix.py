from pathlib import Path

import pytest

from clusterkg.errors import InputError
from clusterkg.loaders.plan.appendix import parse_appendix
from clusterkg.loaders.plan.document import read_plan
from clusterkg.loaders.plan.numbers import to_yi

# (row number, cluster name, 2017 target in 亿元): facts of the plan's appendix table.
EXPECTED_ROWS = [
    (1, "郑州航空港区智能终端(手机)产业集群", 3000.0),
    (2, "洛阳现代装备制造产业集群", 3000.0),
    (3, "郑州高端装备制造产业集群", 2500.0),
    (4, "中原电气谷智能电网装备产业集群", 1200.0),
    (5, "新(乡)长(垣)高端装备产业集群", 1200.0),
    (6, "焦作高端装备产业集群", 1200.0),
    (7, "郑汴整车及零部件产业集群", 1200.0),
    (8, "漯河食品产业集群", 2000.0),
    (9, "周口食品产业集群", 1500.0),
    (10, "郑州食品产业集群", 1200.0),
    (11, "信阳食品产业集群", 1000.0),
    (12, "驻马店食品产业集群", 1000.0),
    (13, "郑州综合性现代家居产业集群", 1000.0),
    (14, "郑州中高端服装产业集群", 1000.0),
    (15, "周口纺织服装制鞋产业集群", 1000.0),
    (16, "商丘纺织服装制鞋产业集群", 1000.0),
    (17, '许昌长葛大周国家"城市矿产"产业集群', 1000.0),
    (18, "洛阳、焦作、三门峡铝精深加工产业基地", 1000.0),
    (19, "安阳精品钢产业基地", 1000.0),
    (20, "三门峡黄金深加工产业基地", 1000.0),
    (21, "洛阳石油化工产业基地", 1000.0),
    (22, "濮阳油煤盐联合化工产业基地", 1000.0),
]


def test_all_22_appendix_rows_parse_with_their_targets(plan_path: Path) -> None:
    rows = parse_appendix(read_plan(plan_path))
    assert [(r.number, r.name, r.target_yi) for r in rows] == EXPECTED_ROWS
    assert {r.target_year for r in rows} == {2017}


def test_wrapped_zone_cells_are_split_and_normalised(plan_path: Path) -> None:
    rows = {r.number: r for r in parse_appendix(read_plan(plan_path))}
    assert rows[2].zones == (
        "洛阳伊滨产业集聚区",
        "洛阳先进制造业产业集聚区",
        "洛阳工业产业集聚区",
        "宜阳县产业集聚区",
        "偃师市产业集聚区",
        "洛阳市洛新产业集聚区",
    )
    assert rows[13].zones[1] == "郑州家具产业园(登封)"
    assert rows[17].zones == ('长葛大周国家"城市矿产"示范基地',)
    assert sum(len(r.zones) for r in rows.values()) == 90


def test_each_row_keeps_its_paragraph_for_provenance(plan_path: Path) -> None:
    doc = read_plan(plan_path)
    row = parse_appendix(doc)[7]
    quoted = doc.quote(row.paragraph.start, row.paragraph.end)
    assert quoted.startswith("8\t漯河食品产业集群")


def test_a_row_with_a_missing_cell_names_its_paragraph(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(
        "附件\n集群名单\n序号\t产业集群\t主要包含的产业集聚区\t2017年目标\n1\t甲产业集群\t乙产业集聚区\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"bad.txt: paragraph 3 \(table row\): 3 cells, the header has 4"):
        parse_appendix(read_plan(bad))


def test_a_target_that_is_not_an_amount_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(
        "序号\t产业集群\t主要包含的产业集聚区\t2017年目标\n1\t甲产业集群\t乙产业集聚区\t很多\n", encoding="utf-8"
    )
    with pytest.raises(InputError, match="paragraph 1 .*not an amount"):
        parse_appendix(read_plan(bad))


@pytest.mark.parametrize(("text", "yi"), [("1.2万亿元", 12000.0), ("3000亿元", 3000.0), ("500亿", 500.0)])
def test_amounts_convert_to_yi(text: str, yi: float) -> None:
    assert to_yi(text) == yi


def test_undecodable_plan_is_refused_with_the_byte_offset(tmp_path: Path) -> None:
    # GBK plans are read now (tests/unit/test_reader.py); bytes neither UTF-8 nor GB18030 are not.
    bad = tmp_path / "latin.txt"
    bad.write_bytes("食品产业集群 ".encode() + b"caf\xe9 au lait")
    with pytest.raises(InputError, match=r"latin.txt: neither UTF-8 \(byte 22: .*\) nor GB18030 \(byte 22"):
        read_plan(bad)


def test_missing_and_empty_plan_files_are_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such plan file"):
        read_plan(tmp_path / "nope.txt")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    with pytest.raises(InputError, match="empty.txt: the file is empty"):
        read_plan(tmp_path / "empty.txt")
