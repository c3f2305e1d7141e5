"""The registry's contact columns in the real Neo4j: loaded from CSV and XLSX, read back, shown on
the firm's page and in /api/enterprises/{key}, cleared by a re-load without them."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from clusterkg.graph.db import read
from clusterkg.loaders.load_firms import load_firms
from clusterkg.loaders.uscc import make_uscc

pytestmark = pytest.mark.integration

HEADER = [
    "企业名称",
    "统一社会信用代码",
    "所在园区",
    "所在县区",
    "营业收入(万元)",
    "地址",
    "联系人",
    "联系电话",
    "法定代表人",
    "从业人员",
    "成立日期",
]
FIRM_A = make_uscc("91410100MA0000A01")
FIRM_B = make_uscc("91410100MA0000B02")
ZONE = "郑州航空港经济综合实验区"
CONTACTS = (
    "MATCH (e:Enterprise {source: 'registry'}) RETURN e.key AS key, e.address AS address, e.contact AS contact, "
    "e.phone AS phone, e.legal_rep AS legal_rep, e.employees AS employees, e.founded AS founded ORDER BY key"
)
A_READ_BACK = {
    "key": FIRM_A,
    "address": "郑州航空港区振兴路8号",
    "contact": "张经理",
    "phone": "0371-67891234-801",
    "legal_rep": "李明",
    "employees": 1200,
    "founded": "2015-03-02",
}
B_READ_BACK = {
    "key": FIRM_B,
    "address": None,
    "contact": None,
    "phone": "13812345678",
    "legal_rep": None,
    "employees": None,
    "founded": "2009-12-31",
}


@pytest.fixture()
def plan_only(loaded_plan, driver, settings):  # type: ignore[no-untyped-def]
    from clusterkg.graph.db import write

    write(driver, settings, "MATCH (e:Enterprise {source: 'registry'}) DETACH DELETE e")
    return loaded_plan


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


def write_csv(path: Path, records: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([HEADER, *records])
    return path


def test_csv_contact_columns_land_on_the_firms_and_absent_ones_stay_null(
    plan_only, driver, settings, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    f = write_csv(
        tmp_path / "firms.csv",
        [
            [
                "甲电子有限公司",
                FIRM_A,
                ZONE,
                "新郑市",
                "8000",
                "郑州航空港区振兴路8号",
                "张经理",
                "0371-6789 1234 转801",
                "李明",
                "1,200人",
                "2015/3/2",
            ],
            ["乙电子有限公司", FIRM_B, ZONE, "新郑市", "", "", "", "+86 138 1234 5678", "", "", "20091231"],
        ],
    )
    result = load_firms(driver, settings, f)
    assert result.counts["Enterprise"] == 2 and result.rejected == 0
    assert read(driver, settings, CONTACTS) == [A_READ_BACK, B_READ_BACK]
    # Absent means no property at all, not an empty string.
    keys = read(driver, settings, "MATCH (e:Enterprise {key: $k}) RETURN keys(e) AS keys", {"k": FIRM_B})
    assert {"address", "contact", "legal_rep", "employees"}.isdisjoint(keys[0]["keys"])
    assert {"phone", "founded"} <= set(keys[0]["keys"])


def test_a_reload_without_the_columns_clears_them(plan_only, driver, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = write_csv(
        tmp_path / "firms.csv",
        [
            [
                "甲电子有限公司",
                FIRM_A,
                ZONE,
                "新郑市",
                "8000",
                "郑州航空港区振兴路8号",
                "张经理",
                "0371-67891234-801",
                "李明",
                "1200",
                "2015-03-02",
            ]
        ],
    )
    load_firms(driver, settings, f)
    old = tmp_path / "old.csv"
    old.write_text(f"企业名称,统一社会信用代码,所在园区\n甲电子有限公司,{FIRM_A},{ZONE}\n", encoding="utf-8")
    load_firms(driver, settings, old)
    assert read(driver, settings, CONTACTS) == [{**A_READ_BACK, **dict.fromkeys(A_READ_BACK.keys() - {"key"})}]


def test_xlsx_with_date_and_number_cells_loads_through_the_cli(plan_only, driver, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for record in [
        HEADER,
        [
            "甲电子有限公司",
            FIRM_A,
            ZONE,
            "新郑市",
            8000,
            "郑州航空港区振兴路8号",
            "张经理",
            "0371-67891234-801",
            "李明",
            1200,
            datetime(2015, 3, 2),
        ],
        ["乙电子有限公司", FIRM_B, ZONE, "新郑市", None, None, None, 13812345678, None, None, "2009年12月31日"],
    ]:
        sheet.append(record)
    f = tmp_path / "名录.xlsx"
    book.save(f)
    proc = clusterkg_cli("load", "firms", str(f))
    assert proc.returncode == 0, proc.stderr
    assert read(driver, settings, CONTACTS) == [A_READ_BACK, B_READ_BACK]


def test_bad_contact_cells_refuse_the_file_and_skip_invalid_writes_them_to_the_rejects(
    plan_only, driver, settings, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    f = write_csv(
        tmp_path / "bad.csv",
        [
            ["甲电子有限公司", FIRM_A, ZONE, "新郑市", "", "", "", "67891234", "", "约200", ""],
            ["乙电子有限公司", FIRM_B, ZONE, "新郑市", "", "", "", "", "", "", "2015-02-30"],
            ["丙电子有限公司", "", ZONE, "新郑市", "", "", "=1+1", "", "", "", ""],
        ],
    )
    proc = clusterkg_cli("load", "firms", str(f))
    assert proc.returncode != 0
    assert "4 problem(s)" in proc.stderr + proc.stdout
    assert read(driver, settings, CONTACTS) == []
    proc = clusterkg_cli("load", "firms", str(f), "--skip-invalid")
    assert proc.returncode == 0, proc.stderr
    with (tmp_path / "bad.csv.rejects.csv").open(encoding="utf-8-sig", newline="") as handle:
        rejects = [r[:3] for r in csv.reader(handle)]
    assert rejects == [
        ["row", "column", "reason"],
        [
            "2",
            "phone",
            (
                "'67891234' is not a phone number (mobile 13812345678, landline with area code 0371-67891234, "
                "or 400-123-4567)"
            ),
        ],
        ["2", "employees", "'约200' is not a whole number of people (1200, 1,200 or 1200人)"],
        ["3", "founded", "'2015-02-30' is not a calendar date"],
        ["4", "contact", "starts with '=' (spreadsheet formula)"],
    ]
    assert read(driver, settings, CONTACTS) == []


def registry_rows(html: str) -> dict[str, str]:
    import re

    table = html.split('<table id="registry">', 1)[1].split("</table>", 1)[0]
    return dict(re.findall(r"<tr><th>([^<]*)</th><td>([^<]*)</td></tr>", table))


def test_the_firm_page_and_api_show_the_columns_and_a_dash_when_missing(
    plan_only, driver, settings, tmp_path: Path, client: TestClient
) -> None:  # type: ignore[no-untyped-def]
    f = write_csv(
        tmp_path / "firms.csv",
        [
            [
                "甲电子有限公司",
                FIRM_A,
                ZONE,
                "新郑市",
                "8000",
                "郑州航空港区振兴路8号",
                "张经理",
                "0371-67891234-801",
                "李明",
                "1200",
                "2015-03-02",
            ],
            ["乙电子有限公司", FIRM_B, ZONE, "新郑市", "", "", "", "", "", "", ""],
        ],
    )
    load_firms(driver, settings, f)
    page = client.get(f"/enterprise/{FIRM_A}")
    assert page.status_code == 200
    assert registry_rows(page.text) == {
        "统一社会信用代码": FIRM_A,
        "法定代表人": "李明",
        "成立日期": "2015-03-02",
        "地址": "郑州航空港区振兴路8号",
        "联系人": "张经理",
        "联系电话": "0371-67891234-801",
        "从业人员": "1,200 人",
        "营业收入": "8,000.0 万元",
        "主营产品": "—",
        "行业代码": "—",
        "是否链主": "否",
    }
    assert "示例数据" not in page.text
    bare = registry_rows(client.get(f"/enterprise/{FIRM_B}").text)
    assert [k for k, v in bare.items() if v != "—"] == ["统一社会信用代码", "是否链主"]
    api: dict[str, Any] = client.get(f"/api/enterprises/{FIRM_A}").json()
    assert {k: api[k] for k in A_READ_BACK} == A_READ_BACK
    assert (api["uscc"], api["revenue_wan"], api["chain_leader"], api["sample"]) == (FIRM_A, 8000.0, False, False)
    assert client.get(f"/api/enterprises/{FIRM_B}").json()["employees"] is None


def test_a_sample_firm_page_says_it_is_a_sample(
    plan_only, driver, settings, tmp_path: Path, client: TestClient
) -> None:  # type: ignore[no-untyped-def]
    from clusterkg.loaders.chains import load_chains
    from clusterkg.loaders.sample_firms import generate_firms

    out = generate_firms(3, 5, [(ZONE, "410184")], load_chains(), tmp_path / "sample.csv")
    load_firms(driver, settings, out)
    key = read(driver, settings, "MATCH (e:Enterprise {sample: true}) RETURN e.key AS k ORDER BY k LIMIT 1")[0]["k"]
    page = client.get(f"/enterprise/{key}")
    assert "示例数据：本企业由样例生成器生成，并非真实企业。" in page.text
    shown = registry_rows(page.text)
    assert shown["联系电话"].startswith("0371-5550") and "示例" in shown["地址"]
    assert client.get(f"/api/enterprises/{key}").json()["sample"] is True


def test_the_cli_writes_the_registry_template_and_refuses_other_types(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "企业名录模板.xlsx"
    proc = clusterkg_cli("template", "firms", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "14 columns" in proc.stdout
    book = load_workbook(out)
    assert [c.value for c in book["企业名录"][1]] == [
        *HEADER[:4],
        "行业代码",
        "主营产品",
        *HEADER[4:5],
        "是否链主",
        *HEADER[5:],
    ]
    proc = clusterkg_cli("template", "firms", str(tmp_path / "模板.txt"))
    assert proc.returncode != 0
    assert "a registry template is .csv or .xlsx, got .txt" in proc.stderr + proc.stdout
    assert not (tmp_path / "模板.txt").exists()
