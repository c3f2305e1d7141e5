"""Firm registry exports: CSV in either encoding and XLSX, every problem with its row, graph rows."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook

from clusterkg.errors import InputError
from clusterkg.graph.model import GraphBatch, Label, NodeRow, RelRow, RelType
from clusterkg.loaders.chains import ChainCatalog, load_chains
from clusterkg.loaders.firms import FirmFile, FirmRow, Problem, firm_batch, read_firms, write_rejects
from clusterkg.loaders.gazetteer import Gazetteer

HUAWEI = "91440300708461136T"
EXAMPLE = "91350100M000100Y43"
ZH_HEADER = [
    "企业名称",
    "统一社会信用代码",
    "所在园区",
    "所在县区",
    "行业代码",
    "主营产品",
    "营业收入（万元）",
    "是否链主",
]
EN_HEADER = ["name", "uscc", "zone", "county", "industry_code", "products", "revenue", "chain_leader"]
ZONES = {"长葛市产业集聚区": "长葛市产业集聚区", "郑州航空港经济综合实验区": "airport-zone"}


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def catalog() -> ChainCatalog:
    return load_chains()


def write_csv(path: Path, rows: list[list[str]], encoding: str = "gb18030") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def read(path: Path, gazetteer: Gazetteer, catalog: ChainCatalog) -> FirmFile:
    return read_firms(path, ZONES.get, gazetteer, catalog)


def found(problems: list[Problem]) -> list[tuple[int, str, str]]:
    return [(p.row, p.column, p.reason) for p in problems]


def test_gb18030_csv_with_chinese_headers_gives_checked_rows(
    tmp_path: Path, gazetteer: Gazetteer, catalog: ChainCatalog
) -> None:
    path = write_csv(
        tmp_path / "firms.csv",
        [
            ZH_HEADER,
            [
                "华为技术有限公司",
                HUAWEI,
                "郑州航空港经济综合实验区",
                "新郑市",
                "C3922",
                "智能手机、锂电池",
                "1,200.5",
                "是",
            ],
            ["长葛　某某 机械厂", "", "长葛市产业集聚区", "长葛", "", "", "", "否"],
        ],
    )
    result = read(path, gazetteer, catalog)
    assert result.problems == []
    assert result.rows == [
        FirmRow(
            2,
            HUAWEI,
            "华为技术有限公司",
            HUAWEI,
            "airport-zone",
            "410184",
            "3922",
            "智能手机、锂电池",
            1200.5,
            True,
            (("smart-terminal/assembly", "industry_code:3922"), ("smart-terminal/battery", "keyword:锂电池")),
            Label.COUNTY,
        ),
        FirmRow(
            3,
            "长葛某某机械厂",
            "长葛 某某 机械厂",
            None,
            "长葛市产业集聚区",
            "411082",
            None,
            "",
            None,
            False,
            (),
            Label.COUNTY,
        ),
    ]


def test_utf8_csv_with_bom_and_a_city_as_county(tmp_path: Path, gazetteer: Gazetteer, catalog: ChainCatalog) -> None:
    path = write_csv(tmp_path / "firms.csv", [EN_HEADER[:4], ["甲公司", EXAMPLE, "", "郑州市"]], encoding="utf-8-sig")
    result = read(path, gazetteer, catalog)
    assert result.problems == []
    assert [(r.key, r.county_code, r.county_label, r.zone_key) for r in result.rows] == [
        (EXAMPLE, "410100", Label.CITY, None)
    ]


def test_xlsx_with_english_headers_and_numeric_cells(
    tmp_path: Path, gazetteer: Gazetteer, catalog: ChainCatalog
) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(EN_HEADER)
    sheet.append(["乙公司", EXAMPLE, "长葛市产业集聚区", "长葛市", 3841, "电池", 88.0, 1])
    sheet.append([None] * 8)
    sheet.append(["丙公司", None, None, None, None, None, 0, "N"])
    path = tmp_path / "firms.xlsx"
    book.save(path)
    result = read(path, gazetteer, catalog)
    assert result.problems == []
    assert [(r.row, r.key, r.industry_code, r.revenue_wan, r.chain_leader) for r in result.rows] == [
        (2, EXAMPLE, "3841", 88.0, True),
        (4, "丙公司", None, 0.0, False),
    ]
    assert {seg for seg, _ in result.rows[0].segments} == {
        "smart-terminal/battery",
        "ev-battery/cells",
        "ev-battery/packs",
    }


def test_bad_check_digit_unknown_zone_and_duplicate_are_exactly_the_problems(
    tmp_path: Path, gazetteer: Gazetteer, catalog: ChainCatalog
) -> None:
    path = write_csv(
        tmp_path / "firms.csv",
        [
            ZH_HEADER,
            ["甲公司", HUAWEI, "长葛市产业集聚区", "长葛市", "3922", "手机", "10", "否"],
            ["乙公司", HUAWEI[:-1] + "X", "长葛市产业集聚区", "长葛市", "3922", "手机", "10", "否"],
            ["丙公司", EXAMPLE, "月球产业园", "长葛市", "3922", "手机", "10", "否"],
            ["丁公司", HUAWEI, "长葛市产业集聚区", "长葛市", "3922", "手机", "10", "否"],
        ],
    )
    result = read(path, gazetteer, catalog)
    assert found(result.problems) == [
        (3, "uscc", "'91440300708461136X' is not a valid 统一社会信用代码: check character: expected T, got X"),
        (4, "zone", "unknown zone '月球产业园'"),
        (5, "uscc", f"duplicate of row 2 ({HUAWEI})"),
    ]
    assert [r.row for r in result.rows] == [2]
    assert all(p.file == str(path) for p in result.problems)
    assert sorted(result.rejected) == [3, 4, 5]


def test_firms_without_uscc_are_duplicates_when_their_normalised_names_match(
    tmp_path: Path, gazetteer: Gazetteer, catalog: ChainCatalog
) -> None:
    path = write_csv(
        tmp_path / "firms.csv",
        [
            ["企业名称", "统一社会信用代码"],
            ["戊公司（郑州）", ""],
            ["戊 公司(郑州)", ""],
            ["戊公司（郑州）", EXAMPLE],
        ],
    )
    result = read(path, gazetteer, catalog)
    assert found(result.problems) == [(3, "name", "duplicate of row 2 (戊公司(郑州))")]
    assert [r.key for r in result.rows] == ["戊公司(郑州)", EXAMPLE]


def test_every_kind_of_cell_problem_is_reported_with_its_column(
    tmp_path: Path, gazetteer: Gazetteer, catalog: ChainCatalog
) -> None:
    path = write_csv(
        tmp_path / "firms.csv",
        [
            ZH_HEADER + ["备注"],
            ['=HYPERLINK("http://x")', "", "", "", "", "", "", "", ""],
            ["甲公司", "", "", "", "", "手" * 501, "", "", ""],
            ["乙公司", "", "", "火星县", "392", "", "-5", "也许", ""],
            ["丙公司", "", "", "", "C39221", "@SUM(A1)", "abc", "", ""],
            ["丁公司", "", ""],
        ],
    )
    result = read(path, gazetteer, catalog)
    assert found(result.problems) == [
        (1, "备注", "unknown column"),
        (2, "name", "starts with '=' (spreadsheet formula)"),
        (3, "products", "longer than 500 characters (501)"),
        (4, "county", "unknown county '火星县'"),
        (4, "industry_code", "'392' is not a 4-digit GB/T 4754 class (a section letter may lead: C3922)"),
        (4, "revenue", "'-5' is not a non-negative amount in 万元"),
        (4, "chain_leader", "'也许' is not 是/否, 1/0, true/false or Y/N"),
        (5, "products", "starts with '@' (spreadsheet formula)"),
        (6, "", "3 cells, the header has 9"),
    ]
    assert result.rows == []


def test_empty_file_and_header_only_are_problems(tmp_path: Path, gazetteer: Gazetteer, catalog: ChainCatalog) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    header_only = write_csv(tmp_path / "header.csv", [ZH_HEADER])
    assert found(read(empty, gazetteer, catalog).problems) == [(1, "", "empty file")]
    assert found(read(header_only, gazetteer, catalog).problems) == [(1, "", "header only: no data rows")]


def test_a_file_without_a_name_column_is_refused(tmp_path: Path, gazetteer: Gazetteer, catalog: ChainCatalog) -> None:
    path = write_csv(tmp_path / "firms.csv", [["统一社会信用代码"], [HUAWEI]])
    with pytest.raises(InputError, match=r"firms\.csv: row 1: no 企业名称 \(name\) column"):
        read(path, gazetteer, catalog)


def test_other_file_types_and_missing_files_are_refused(
    tmp_path: Path, gazetteer: Gazetteer, catalog: ChainCatalog
) -> None:
    other = tmp_path / "firms.txt"
    other.write_text("企业名称\n甲\n", encoding="utf-8")
    with pytest.raises(InputError, match="expected a .csv or .xlsx"):
        read(other, gazetteer, catalog)
    with pytest.raises(InputError, match="no such file"):
        read(tmp_path / "absent.csv", gazetteer, catalog)


def test_firm_batch_links_zone_place_and_segments() -> None:
    firm = FirmRow(
        2,
        HUAWEI,
        "华为技术有限公司",
        HUAWEI,
        "airport-zone",
        "410184",
        "3922",
        "智能手机",
        1200.5,
        True,
        (("smart-terminal/assembly", "industry_code:3922"),),
        Label.COUNTY,
        address="郑州航空港区振兴路1号",
        contact="张三",
        phone="0371-67891234",
        legal_rep="李四",
        employees=1200,
        founded="2015-03-02",
    )
    bare = FirmRow(3, "乙公司", "乙公司", None, None, "410100", None, "", None, False, (), Label.CITY)
    assert firm_batch([firm, bare]) == GraphBatch(
        (
            NodeRow(
                Label.ENTERPRISE,
                HUAWEI,
                "华为技术有限公司",
                props={
                    "uscc": HUAWEI,
                    "industry_code": "3922",
                    "products": "智能手机",
                    "revenue_wan": 1200.5,
                    "chain_leader": True,
                    "source": "registry",
                    "address": "郑州航空港区振兴路1号",
                    "contact": "张三",
                    "phone": "0371-67891234",
                    "legal_rep": "李四",
                    "employees": 1200,
                    "founded": "2015-03-02",
                    "sample": None,
                },
                search_text="华为技术有限公司 huaweijishuyouxiangongsi hwjsyxgs",
            ),
            NodeRow(
                Label.ENTERPRISE,
                "乙公司",
                "乙公司",
                props={
                    "uscc": None,
                    "industry_code": None,
                    "products": "",
                    "revenue_wan": None,
                    "chain_leader": False,
                    "source": "registry",
                    "address": None,
                    "contact": None,
                    "phone": None,
                    "legal_rep": None,
                    "employees": None,
                    "founded": None,
                    "sample": None,
                },
                search_text="乙公司 yigongsi ygs",
            ),
        ),
        (
            RelRow(RelType.SITED_IN, Label.ENTERPRISE, HUAWEI, Label.ZONE, "airport-zone"),
            RelRow(RelType.LOCATED_IN, Label.ENTERPRISE, HUAWEI, Label.COUNTY, "410184"),
            RelRow(
                RelType.IN_SEGMENT,
                Label.ENTERPRISE,
                HUAWEI,
                Label.CHAIN_SEGMENT,
                "smart-terminal/assembly",
                props={"rule": "industry_code:3922"},
            ),
            RelRow(RelType.LOCATED_IN, Label.ENTERPRISE, "乙公司", Label.CITY, "410100"),
        ),
    )


def test_rejects_file_sits_beside_the_input_with_bom_and_inert_formulas(
    tmp_path: Path, gazetteer: Gazetteer, catalog: ChainCatalog
) -> None:
    path = write_csv(
        tmp_path / "firms.csv",
        [
            ["企业名称", "所在园区"],
            ["=1+1", ""],
            ["甲公司", "月球产业园"],
        ],
    )
    result = read(path, gazetteer, catalog)
    out = write_rejects(path, result.problems, result.rejected)
    assert out == tmp_path / "firms.csv.rejects.csv"
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert list(csv.reader(raw.decode("utf-8-sig").splitlines())) == [
        ["row", "column", "reason", "cells"],
        ["2", "name", "starts with '=' (spreadsheet formula)", "'=1+1", ""],
        ["3", "zone", "unknown zone '月球产业园'", "甲公司", "月球产业园"],
    ]
