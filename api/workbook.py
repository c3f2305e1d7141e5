"""The visit list as an Excel workbook: a summary sheet, then one sheet per 缺链/弱链 segment.

Built from :func:`clusterkg.api.gaps_view.workbench`'s mapping, so the workbook says what the
gap page and the JSON say.  Other reports (the Word briefing) reuse that mapping, not this file.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .gaps_view import GAP_FLAGS, PART_LABELS

SUMMARY = "概览"
FLAG_FILLS = {"强链": "CFE8CF", "弱链": "FDE9B8", "缺链": "F6C6C6"}
_HEAD_FONT = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="DDDDDD")
_MONEY = "#,##0"
_SCORE = "0.00"
_LQ = "0.00"
# Excel refuses these in sheet names, and names over 31 characters.
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")

SEGMENT_COLUMNS: tuple[tuple[str, int, str | None], ...] = (
    ("排名", 6, None),
    ("企业名称", 28, None),
    ("统一社会信用代码", 22, None),
    ("县（市、区）", 12, None),
    ("城市", 10, None),
    ("产业集聚区", 26, None),
    ("营业收入（万元）", 14, _MONEY),
    ("从业人员", 10, _MONEY),
    ("链主", 6, None),
    ("联系人", 10, None),
    ("联系电话", 16, None),
    ("地址", 30, None),
    ("法定代表人", 10, None),
    ("成立日期", 12, None),
    ("主营产品", 24, None),
    ("总分", 8, _SCORE),
    *((f"{label}得分", 10, _SCORE) for label in PART_LABELS.values()),
    ("匹配依据", 24, None),
    ("距离", 16, None),
    ("已有关联", 20, None),
)


def sheet_title(flag: str, segment_name: str, taken: set[str]) -> str:
    """A sheet name Excel accepts, unique in the workbook: ``缺链-显示面板`` (31 characters at most).

    >>> sheet_title("缺链", "芯片/设计", set())
    '缺链-芯片_设计'
    """
    base = _BAD_SHEET_CHARS.sub("_", f"{flag}-{segment_name}")[:31]
    title, n = base, 2
    while title in taken:
        suffix = f"({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title)
    return title


def _header(ws: Worksheet, row: int, columns: Sequence[tuple[str, int, str | None]]) -> None:
    for i, (title, width, _) in enumerate(columns, start=1):
        cell = ws.cell(row=row, column=i, value=title)
        cell.font, cell.fill = _HEAD_FONT, _HEAD_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(i)].width = width


def _put(ws: Worksheet, row: int, values: Sequence[Any], columns: Sequence[tuple[str, int, str | None]]) -> None:
    for i, (value, (_, _, number_format)) in enumerate(zip(values, columns, strict=True), start=1):
        cell = ws.cell(row=row, column=i, value=value)
        if number_format and isinstance(value, (int, float)):
            cell.number_format = number_format


def _name(x: Mapping[str, Any] | None) -> str | None:
    return None if x is None else str(x["name"])


SUMMARY_COLUMNS: tuple[tuple[str, int, str | None], ...] = (
    ("产业链", 16, None),
    ("环节", 20, None),
    ("位置", 8, None),
    ("判断", 8, None),
    ("补链优先", 8, None),
    ("本地企业", 10, _MONEY),
    ("本地营业收入（万元）", 16, _MONEY),
    ("候选企业", 10, _MONEY),
    ("工作表", 24, None),
    ("说明", 50, None),
)


def _summary(ws: Worksheet, report: Mapping[str, Any], titles: Mapping[str, str]) -> None:
    counts = report["counts"]
    lines = [
        f"{report['cluster']['name']} 招商引资目标企业清单",
        report["scope"]["sentence"],
        report["thresholds"],
        f"强链 {counts['强链']} 个、弱链 {counts['弱链']} 个、缺链 {counts['缺链']} 个环节；补链优先 {counts['补链']} 个。",
        "评分权重："
        + "、".join(f"{PART_LABELS[k]} {w:.0%}" for k, w in report["weights"].items())
        + "（总分 0–100，各项得分 = 100 × 权重 × 该项取值）。",
    ]
    if report.get("directory_empty_reason"):
        lines.append(report["directory_empty_reason"])
    for i, line in enumerate(lines, start=1):
        ws.cell(row=i, column=1, value=line).font = Font(bold=i == 1, size=14 if i == 1 else 11)
    head = len(lines) + 2
    _header(ws, head, SUMMARY_COLUMNS)
    ws.freeze_panes = ws.cell(row=head + 1, column=1)
    for n, s in enumerate(report["segments"], start=head + 1):
        seg = s["segment"]["key"]
        found = report["candidates"].get(seg)
        _put(
            ws,
            n,
            (
                s["chain"]["name"],
                s["segment"]["name"],
                s["segment"]["stage"],
                s["flag"],
                "是" if s["priority"] else "",
                s["firm_count"],
                s["revenue_wan"],
                None if found is None else found["total"],
                titles.get(seg, ""),
                "" if found is None else found["firms_empty_reason"],
            ),
            SUMMARY_COLUMNS,
        )
        ws.cell(row=n, column=4).fill = PatternFill("solid", fgColor=FLAG_FILLS[s["flag"]])


def _segment_sheet(ws: Worksheet, segment: Mapping[str, Any], found: Mapping[str, Any]) -> None:
    _header(ws, 1, SEGMENT_COLUMNS)
    ws.freeze_panes = "C2"  # header and the firm's name stay in view
    for n, f in enumerate(found["firms"], start=1):
        parts = {p["part"]: p for p in f["parts"]}
        _put(
            ws,
            n + 1,
            (
                n,
                f["name"],
                f["uscc"],
                _name(f["county"]),
                _name(f["city"]),
                _name(f["zone"]),
                f["revenue_wan"],
                f["employees"],
                "是" if f["chain_leader"] else "",
                f["contact"],
                f["phone"],
                f["address"],
                f["legal_rep"],
                f["founded"],
                f["products"],
                f["score"],
                *(parts[k]["points"] for k in PART_LABELS),
                parts["fit"]["why"],
                parts["distance"]["why"],
                parts["ties"]["why"],
            ),
            SEGMENT_COLUMNS,
        )
    if not found["firms"]:
        ws.cell(row=2, column=2, value=found["firms_empty_reason"] or "无候选企业")
    # Zones specialised in the segment, below the firms.
    row = len(found["firms"]) + 3
    ws.cell(row=row, column=1, value=f"{segment['segment']['name']}：专业化的产业集聚区（区位商）").font = _HEAD_FONT
    zone_columns = (("排名", 6, None), ("产业集聚区", 28, None), ("该环节企业", 10, _MONEY), ("区位商", 10, _LQ),
                    ("园区企业", 10, _MONEY), ("营业收入（万元）", 14, _MONEY))  # fmt: skip
    for i, (title, _, _) in enumerate(zone_columns, start=1):
        ws.cell(row=row + 1, column=i, value=title).font = _HEAD_FONT
    for n, z in enumerate(found["zones"], start=1):
        _put(ws, row + 1 + n, (n, z["name"], z["firm_count"], z["lq"], z["zone_firms"], z["revenue_wan"]), zone_columns)
    if not found["zones"]:
        ws.cell(row=row + 2, column=2, value=found["zones_empty_reason"] or "无")


def candidates_workbook(report: Mapping[str, Any]) -> bytes:
    """The workbook of :func:`clusterkg.api.gaps_view.workbench`'s report, as .xlsx bytes."""
    wb = Workbook()
    summary = wb.active
    assert summary is not None
    summary.title = SUMMARY
    taken = {SUMMARY}
    titles: dict[str, str] = {}
    for s in report["segments"]:
        seg = s["segment"]["key"]
        if s["flag"] not in GAP_FLAGS or seg not in report["candidates"]:
            continue
        titles[seg] = sheet_title(s["flag"], s["segment"]["name"], taken)
        _segment_sheet(wb.create_sheet(titles[seg]), s, report["candidates"][seg])
    _summary(summary, report, titles)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
