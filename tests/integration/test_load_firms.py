"""Firm registries into the real Neo4j: all-or-nothing by default, --skip-invalid, re-loads update."""

from __future__ import annotations

from pathlib import Path

import pytest

from clusterkg.errors import InputError
from clusterkg.graph.db import read
from clusterkg.graph.export import export_graph
from clusterkg.loaders.load_firms import load_firms
from clusterkg.loaders.uscc import make_uscc

pytestmark = pytest.mark.integration

HEADER = "企业名称,统一社会信用代码,所在园区,所在县区,行业代码,主营产品,营业收入(万元),是否链主\n"
GOOD1 = make_uscc("91410100MA0000001")
GOOD2 = make_uscc("91410100MA0000002")
GOOD3 = make_uscc("91411000MA0000003")
BAD_CHECK = GOOD3[:-1] + ("0" if GOOD3[-1] != "0" else "1")


def rows(*lines: str) -> str:
    return HEADER + "".join(line + "\n" for line in lines)


@pytest.fixture()
def plan_only(loaded_plan, driver, settings):  # type: ignore[no-untyped-def]
    from clusterkg.graph.db import write

    write(driver, settings, "MATCH (e:Enterprise {source: 'registry'}) DETACH DELETE e")
    return loaded_plan


def test_gb18030_file_with_chinese_headers_loads_and_links(plan_only, driver, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "firms.csv"
    f.write_bytes(
        rows(
            f"甲智能终端有限公司,{GOOD1},郑州航空港区,新郑市,C3922,智能手机整机,120000,是",
            f"乙电子有限公司,{GOOD2},郑州航空港经济综合实验区,新郑市,3982,印制电路板,8000,否",
        ).encode("gb18030")
    )
    result = load_firms(driver, settings, f)
    assert result.counts["Enterprise"] == 2 and result.rejected == 0
    got = read(
        driver,
        settings,
        "MATCH (e:Enterprise {uscc: $u})-[:SITED_IN]->(z:Zone) "
        "MATCH (e)-[:LOCATED_IN]->(c:County) RETURN z.key AS z, c.key AS c, e.chain_leader AS lead, e.revenue_wan AS rev",
        {"u": GOOD1},
    )
    assert got == [{"z": "郑州航空港经济综合实验区", "c": "410184", "lead": True, "rev": 120000.0}]
    segs = read(
        driver,
        settings,
        "MATCH (e:Enterprise {uscc: $u})-[r:IN_SEGMENT]->(s) RETURN s.key AS s, r.rule AS rule",
        {"u": GOOD1},
    )
    assert segs and all(r["rule"].split(":")[0] in ("industry_code", "keyword") for r in segs)


def test_bad_check_digit_unknown_zone_and_duplicate_are_all_reported_and_nothing_is_written(
    plan_only,
    driver,
    settings,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    f = tmp_path / "bad.csv"
    f.write_text(
        rows(
            f"甲公司,{GOOD1},郑州航空港区,新郑市,C3922,手机,100,否",
            f"乙公司,{BAD_CHECK},漯河经济技术产业集聚区,,1353,肉制品,100,否",
            f"丙公司,{GOOD2},不存在的园区,,1353,肉制品,100,否",
            f"丁公司,{GOOD1},郑州航空港区,新郑市,C3922,手机,100,否",
        ),
        encoding="utf-8",
    )
    before = export_graph(driver, settings)
    with pytest.raises(InputError) as exc:
        load_firms(driver, settings, f)
    msg = str(exc.value)
    assert "3 problem(s)" in msg
    assert "row 3" in msg and "check" in msg
    assert "row 4" in msg and "不存在的园区" in msg
    assert "row 5" in msg and "duplicate" in msg.lower()
    assert export_graph(driver, settings) == before


def test_skip_invalid_loads_the_rest_and_writes_rejects(plan_only, driver, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "mixed.csv"
    f.write_text(
        rows(
            f"甲公司,{GOOD1},郑州航空港区,新郑市,C3922,手机,100,否",
            f"乙公司,{BAD_CHECK},漯河经济技术产业集聚区,,1353,肉制品,100,否",
        ),
        encoding="utf-8",
    )
    result = load_firms(driver, settings, f, skip_invalid=True)
    assert result.counts["Enterprise"] == 1 and result.rejected == 1
    assert result.rejects_file is not None and result.rejects_file.exists()
    assert "乙公司" in result.rejects_file.read_text(encoding="utf-8-sig")
    assert read(driver, settings, "MATCH (e:Enterprise {source: 'registry'}) RETURN e.name AS n") == [{"n": "甲公司"}]


def test_reloading_a_file_updates_firms_instead_of_duplicating(plan_only, driver, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "firms.csv"
    f.write_text(rows(f"甲公司,{GOOD1},郑州航空港区,新郑市,C3922,手机,100,否"), encoding="utf-8")
    load_firms(driver, settings, f)
    f.write_text(rows(f"甲公司(更名),{GOOD1},郑州航空港区,新郑市,C3922,手机,250,是"), encoding="utf-8")
    load_firms(driver, settings, f)
    got = read(
        driver,
        settings,
        "MATCH (e:Enterprise {source: 'registry'}) RETURN e.name AS n, e.revenue_wan AS r, e.chain_leader AS l",
    )
    assert got == [{"n": "甲公司(更名)", "r": 250.0, "l": True}]


# ─────────────── registry files as users get them: XLSX and GB18030 CSV, through the CLI ───────────────

CHINESE_HEADER = [
    "企业名称",
    "统一社会信用代码",
    "所在园区",
    "所在县区",
    "行业代码",
    "主营产品",
    "营业收入(万元)",
    "是否链主",
]
AL_FIRM = make_uscc("91410181MA0000011")
SCRAP_FIRM = make_uscc("91411082MA0000012")
PHONE_FIRM = make_uscc("91410100MA0000013")
# Firms of three real zones of the plan, each with the zone, county and segments it must land in.
REGISTRY = [
    ["测试巩义铝材有限公司", AL_FIRM, "巩义产业集聚区", "巩义市", "C3252", "铝板带箔", 52000, "是"],
    ["测试长葛再生金属有限公司", SCRAP_FIRM, "长葛市产业集聚区", "长葛市", "4210", "再生铝锭", 8000.5, "否"],
    ["测试航空港智能终端有限公司", PHONE_FIRM, "郑州航空港经济综合实验区", "新郑市", "3922", "智能手机", 120000, "是"],
]
EXPECTED_FIRMS = [
    {
        "uscc": AL_FIRM,
        "name": "测试巩义铝材有限公司",
        "zone": "巩义产业集聚区",
        "county": "410181",
        "code": "3252",
        "products": "铝板带箔",
        "revenue": 52000.0,
        "lead": True,
    },
    {
        "uscc": SCRAP_FIRM,
        "name": "测试长葛再生金属有限公司",
        "zone": "长葛市产业集聚区",
        "county": "411082",
        "code": "4210",
        "products": "再生铝锭",
        "revenue": 8000.5,
        "lead": False,
    },
    {
        "uscc": PHONE_FIRM,
        "name": "测试航空港智能终端有限公司",
        "zone": "郑州航空港经济综合实验区",
        "county": "410184",
        "code": "3922",
        "products": "智能手机",
        "revenue": 120000.0,
        "lead": True,
    },
]
EXPECTED_SEGMENTS = sorted(
    [
        (AL_FIRM, "aluminium/extrusions", "industry_code:3252"),
        (AL_FIRM, "aluminium/flat-rolled", "industry_code:3252"),
        (AL_FIRM, "ev-battery/foils", "industry_code:3252"),
        (SCRAP_FIRM, "aluminium/primary-aluminium", "keyword:铝锭"),
        (SCRAP_FIRM, "ev-battery/recycling", "industry_code:4210"),
        (SCRAP_FIRM, "renewable-metals/dismantling", "industry_code:4210"),
        (SCRAP_FIRM, "renewable-metals/secondary-aluminium", "keyword:再生铝"),
        (SCRAP_FIRM, "steel/scrap", "industry_code:4210"),
        (PHONE_FIRM, "smart-terminal/assembly", "industry_code:3922"),
    ]
)


def write_xlsx(path: Path, records: list[list[object]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "企业名录"
    for record in [CHINESE_HEADER, *records]:
        sheet.append(record)
    book.save(path)
    return path


def clusterkg_cli(*args: str):  # type: ignore[no-untyped-def]
    import os
    import subprocess
    import sys

    return subprocess.run(
        [str(Path(sys.executable).parent / "clusterkg"), *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "COLUMNS": "200"},
        check=False,
    )


def registry_firms(driver, settings):  # type: ignore[no-untyped-def]
    return read(
        driver,
        settings,
        "MATCH (e:Enterprise {source: 'registry'}) "
        "OPTIONAL MATCH (e)-[:SITED_IN]->(z:Zone) OPTIONAL MATCH (e)-[:LOCATED_IN]->(c:County) "
        "RETURN e.uscc AS uscc, e.name AS name, z.key AS zone, c.key AS county, e.industry_code AS code, "
        "e.products AS products, e.revenue_wan AS revenue, e.chain_leader AS lead ORDER BY uscc",
    )


def registry_segments(driver, settings):  # type: ignore[no-untyped-def]
    rows = read(
        driver,
        settings,
        "MATCH (e:Enterprise {source: 'registry'})-[r:IN_SEGMENT]->(s:ChainSegment) "
        "RETURN e.uscc AS u, s.key AS s, r.rule AS rule",
    )
    return sorted((r["u"], r["s"], r["rule"]) for r in rows)


def test_xlsx_with_chinese_headers_loads_through_the_cli_into_zones_counties_and_segments(
    plan_only,
    driver,
    settings,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    f = write_xlsx(tmp_path / "招商企业名录.xlsx", REGISTRY)
    proc = clusterkg_cli("load", "firms", str(f))
    assert proc.returncode == 0, proc.stderr
    assert registry_firms(driver, settings) == sorted(EXPECTED_FIRMS, key=lambda r: str(r["uscc"]))
    assert registry_segments(driver, settings) == EXPECTED_SEGMENTS
    assert not (tmp_path / "招商企业名录.xlsx.rejects.csv").exists()


def test_gb18030_csv_with_chinese_headers_lands_the_same_firms_as_the_xlsx(
    plan_only,
    driver,
    settings,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    import csv
    import io

    text = io.StringIO()
    csv.writer(text).writerows([CHINESE_HEADER, *REGISTRY])
    f = tmp_path / "firms-gbk.csv"
    f.write_bytes(text.getvalue().encode("gb18030"))
    with pytest.raises(UnicodeDecodeError):
        f.read_bytes().decode("utf-8")  # really GB18030 on disk, not UTF-8 in disguise
    proc = clusterkg_cli("load", "firms", str(f))
    assert proc.returncode == 0, proc.stderr
    assert registry_firms(driver, settings) == sorted(EXPECTED_FIRMS, key=lambda r: str(r["uscc"]))
    assert registry_segments(driver, settings) == EXPECTED_SEGMENTS


AL_BAD_CHECK = AL_FIRM[:-1] + ("0" if AL_FIRM[-1] != "0" else "1")


def _three_problem_xlsx(path: Path) -> Path:
    return write_xlsx(
        path,
        [
            REGISTRY[0],  # row 2: good
            ["测试坏校验码有限公司", AL_BAD_CHECK, "巩义产业集聚区", "巩义市", "3252", "铝箔", 10, "否"],  # row 3
            ["测试未知园区有限公司", SCRAP_FIRM, "月球产业集聚区", "长葛市", "4210", "再生铝", 10, "否"],  # row 4
            REGISTRY[2],  # row 5: good
            ["测试重复有限公司", PHONE_FIRM, "郑州航空港经济综合实验区", "新郑市", "3922", "手机", 10, "否"],  # row 6
        ],
    )


def test_xlsx_with_bad_check_digit_unknown_zone_and_duplicate_reports_all_three_and_writes_nothing(
    plan_only,
    driver,
    settings,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    f = _three_problem_xlsx(tmp_path / "bad.xlsx")
    counts = "MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS rels"
    before = read(driver, settings, counts)
    proc = clusterkg_cli("load", "firms", str(f))
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    out = " ".join(proc.stderr.split())  # the console may wrap long lines
    assert "3 problem(s)" in out and "nothing written" in out
    assert (
        f"row 3, column uscc: '{AL_BAD_CHECK}' is not a valid 统一社会信用代码: check character: expected {AL_FIRM[-1]}"
        in out
    )
    assert "row 4, column zone: unknown zone '月球产业集聚区'" in out
    assert f"row 6, column uscc: duplicate of row 5 ({PHONE_FIRM})" in out
    assert "row 2" not in out and "row 5," not in out
    assert read(driver, settings, counts) == before
    assert registry_firms(driver, settings) == []
    assert not (tmp_path / "bad.xlsx.rejects.csv").exists()


def test_skip_invalid_loads_the_good_xlsx_rows_and_writes_the_three_rejects(
    plan_only,
    driver,
    settings,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    import csv

    f = _three_problem_xlsx(tmp_path / "mixed.xlsx")
    proc = clusterkg_cli("load", "firms", str(f), "--skip-invalid")
    assert proc.returncode == 0, proc.stderr
    assert "3 invalid row(s) skipped" in " ".join(proc.stderr.split())
    assert registry_firms(driver, settings) == [EXPECTED_FIRMS[2], EXPECTED_FIRMS[0]]  # by USCC
    assert registry_segments(driver, settings) == [s for s in EXPECTED_SEGMENTS if s[0] != SCRAP_FIRM]
    rejects = tmp_path / "mixed.xlsx.rejects.csv"
    with rejects.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0] == ["row", "column", "reason", "cells"]
    assert [(r[0], r[1], r[3]) for r in table[1:]] == [
        ("3", "uscc", "测试坏校验码有限公司"),
        ("4", "zone", "测试未知园区有限公司"),
        ("6", "uscc", "测试重复有限公司"),
    ]
    assert table[3][2] == f"duplicate of row 5 ({PHONE_FIRM})"
