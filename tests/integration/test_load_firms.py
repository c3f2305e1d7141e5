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
    f.write_bytes(rows(
        f"甲智能终端有限公司,{GOOD1},郑州航空港区,新郑市,C3922,智能手机整机,120000,是",
        f"乙电子有限公司,{GOOD2},郑州航空港经济综合实验区,新郑市,3982,印制电路板,8000,否",
    ).encode("gb18030"))
    result = load_firms(driver, settings, f)
    assert result.counts["Enterprise"] == 2 and result.rejected == 0
    got = read(driver, settings, "MATCH (e:Enterprise {uscc: $u})-[:SITED_IN]->(z:Zone) "
               "MATCH (e)-[:LOCATED_IN]->(c:County) RETURN z.key AS z, c.key AS c, e.chain_leader AS lead, e.revenue_wan AS rev",
               {"u": GOOD1})
    assert got == [{"z": "郑州航空港经济综合实验区", "c": "410184", "lead": True, "rev": 120000.0}]
    segs = read(driver, settings, "MATCH (e:Enterprise {uscc: $u})-[r:IN_SEGMENT]->(s) RETURN s.key AS s, r.rule AS rule", {"u": GOOD1})
    assert segs and all(r["rule"].split(":")[0] in ("industry_code", "keyword") for r in segs)


def test_bad_check_digit_unknown_zone_and_duplicate_are_all_reported_and_nothing_is_written(
    plan_only, driver, settings, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    f = tmp_path / "bad.csv"
    f.write_text(rows(
        f"甲公司,{GOOD1},郑州航空港区,新郑市,C3922,手机,100,否",
        f"乙公司,{BAD_CHECK},漯河经济技术产业集聚区,,1353,肉制品,100,否",
        f"丙公司,{GOOD2},不存在的园区,,1353,肉制品,100,否",
        f"丁公司,{GOOD1},郑州航空港区,新郑市,C3922,手机,100,否",
    ), encoding="utf-8")
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
    f.write_text(rows(
        f"甲公司,{GOOD1},郑州航空港区,新郑市,C3922,手机,100,否",
        f"乙公司,{BAD_CHECK},漯河经济技术产业集聚区,,1353,肉制品,100,否",
    ), encoding="utf-8")
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
    got = read(driver, settings, "MATCH (e:Enterprise {source: 'registry'}) RETURN e.name AS n, e.revenue_wan AS r, e.chain_leader AS l")
    assert got == [{"n": "甲公司(更名)", "r": 250.0, "l": True}]
