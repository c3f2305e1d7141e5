"""A place comparison as CSV (one line per place and segment) and as a formatted workbook."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .compare import CompareView
from .pages import level_size

CSV_COLUMNS = (
    "place",
    "place_name",
    "kind",
    "place_firms",
    "chain",
    "chain_name",
    "segment",
    "segment_name",
    "stage",
    "firms",
    "revenue_wan",
    "share",
    "lq",
    "rank_city",
    "rank_province",
)


def _blank(value: object) -> object:
    return "" if value is None else value


def compare_csv(view: CompareView) -> str:
    """One line per place and segment; empty cells where a figure is undefined."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    refs = {s.key: s for s in view.segments}
    for p in view.places:
        for f in p.segments:
            s = refs[f.segment]
            writer.writerow(
                (
                    p.key,
                    p.name,
                    p.kind,
                    p.firms,
                    s.chain.key,
                    s.chain.name,
                    s.key,
                    s.name,
                    _blank(s.stage),
                    f.firms,
                    f"{f.revenue_wan:.1f}",
                    _blank(f.share),
                    _blank(f.lq),
                    _blank(f.rank_city),
                    _blank(f.rank_province),
                )
            )
    return out.getvalue()


HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
SHEETS = ("概览", "集群", "环节企业数", "区位商")


def _sheet(
    ws: Worksheet, header: list[str], rows: list[list[object]], widths: list[int], formats: dict[int, str]
) -> None:
    ws.append(header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in rows:
        ws.append(row)
    ws.freeze_panes = "B2"
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    for col, fmt in formats.items():
        for (cell,) in ws.iter_rows(min_row=2, min_col=col, max_col=col):
            cell.number_format = fmt


def compare_xlsx(view: CompareView) -> bytes:
    """Sheets 概览 (a line per place), 集群, 环节企业数 and 区位商 (a line per segment, a column per place)."""
    wb = Workbook()
    overview = wb.active
    assert overview is not None
    overview.title = SHEETS[0]
    # by the size a level names (千亿级 before 800亿级 before 百亿级), across all the places
    levels = sorted({lv.level for p in view.places for lv in p.levels}, key=lambda lv: (-level_size(lv), lv))
    _sheet(
        overview,
        [
            "地区",
            "代码",
            "类别",
            "登记企业（家）",
            "集群（个）",
            *[f"{lv}（个）" for lv in levels],
            "目标合计（亿元）",
            f"{view.year} 年报送集群（个）",
            "报送集群目标（亿元）",
            f"{view.year} 年实际（亿元）",
            "完成率",
        ],
        [
            [
                p.name,
                p.key,
                p.kind,
                p.firms,
                len(p.clusters),
                *[next((x.clusters for x in p.levels if x.level == lv), 0) for lv in levels],
                p.target_yi,
                p.reported,
                p.reported_target_yi,
                p.actual_yi,
                p.attainment,
            ]
            for p in view.places
        ],
        [18, 10, 14, 14, 10, *[12 for _ in levels], 16, 16, 18, 16, 10],
        {
            4: "#,##0",
            6 + len(levels): "#,##0.0",
            8 + len(levels): "#,##0.0",
            9 + len(levels): "#,##0.0",
            10 + len(levels): "0.0%",
        },
    )
    _sheet(
        wb.create_sheet(SHEETS[1]),
        ["地区", "集群", "级别", "目标（亿元）", "所在地数", f"{view.year} 年实际（亿元）", "产业领域"],
        [
            [p.name, c.name, c.level, c.target_yi, c.places, c.actual_yi, c.sector]
            for p in view.places
            for c in p.clusters
        ],
        [18, 40, 10, 14, 10, 18, 14],
        {4: "#,##0.0", 6: "#,##0.0"},
    )
    head = ["产业链", "环节", "环节代码", "链上位置"]
    seg_cols = [[s.chain.name, s.name, s.key, s.stage] for s in view.segments]
    widths = [16, 16, 28, 10, *[14 for _ in view.places]]
    firms = {p.key: {f.segment: f for f in p.segments} for p in view.places}
    _sheet(
        wb.create_sheet(SHEETS[2]),
        [*head, *[p.name for p in view.places]],
        [[*seg_cols[i], *[firms[p.key][s.key].firms for p in view.places]] for i, s in enumerate(view.segments)],
        widths,
        {5 + i: "#,##0" for i in range(len(view.places))},
    )
    _sheet(
        wb.create_sheet(SHEETS[3]),
        [*head, *[p.name for p in view.places]],
        [[*seg_cols[i], *[firms[p.key][s.key].lq for p in view.places]] for i, s in enumerate(view.segments)],
        widths,
        {5 + i: "0.00" for i in range(len(view.places))},
    )
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
