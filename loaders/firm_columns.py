"""The registry columns a visiting team needs, checked: 联系电话, 从业人员 and 成立日期 parsers,
and the empty registry template that documents every column (``clusterkg template firms``).

Each parser takes the cell's text and a ``bad(column, reason)`` callback, as the row checker
of :mod:`clusterkg.loaders.firms` calls them, and returns the normalised value or None.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path

from clusterkg.errors import InputError

MAX_EMPLOYEES = 2_000_000
EARLIEST_FOUNDED = date(1800, 1, 1)
MAX_PHONES = 3

_INTL = r"(?:(?:\+|00)86-?)"
_MOBILE = re.compile(rf"{_INTL}?(1[3-9]\d)-?(\d{{4}})-?(\d{{4}})")
# Area codes: 010, 02x, then four digits (0371); local numbers are 7-8 digits and never start 0 or 1.
_LANDLINE = re.compile(
    rf"(?:{_INTL}\(?0?|\(?0)(10|2\d|[3-9]\d{{2}})\)?-?([2-9]\d{{2,3}})-?(\d{{4}})(?:(?:-|转|ext\.?|x|#)(\d{{1,6}}))?"
)
_SERVICE = re.compile(r"([48]00)-?(\d{3})-?(\d{4})")
_PHONE_SPLIT = re.compile(r"[、,;/]+")
_EMPLOYEES = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)人?")
_DATE = re.compile(
    r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T ]00:00(?::00)?)?|(\d{4})年(\d{1,2})月(\d{1,2})日?|(\d{4})(\d{2})(\d{2})"
)


def _one_phone(text: str) -> str | None:
    if m := _MOBILE.fullmatch(text):
        return "".join(m.groups())
    if m := _LANDLINE.fullmatch(text):
        area, head, tail, extension = m.groups()
        return f"0{area}-{head}{tail}" + (f"-{extension}" if extension else "")
    if m := _SERVICE.fullmatch(text):
        return "-".join(m.groups())
    return None


def parse_phone(text: str, bad: Callable[[str, str], None]) -> str | None:
    """A Chinese mobile, landline (with area code) or 400/800 number, normalised; None when blank.

    Up to :data:`MAX_PHONES` numbers separated by 、 , ; or / are kept, joined by 、.

    >>> parse_phone("+86 138 1234 5678；(0371)6789-1234转801", print)
    '13812345678、0371-67891234-801'
    >>> parse_phone("67891234", print)
    phone '67891234' is not a phone number (mobile 13812345678, landline with area code 0371-67891234, or 400-123-4567)
    """
    value = unicodedata.normalize("NFKC", text).strip()
    if not value:
        return None
    parts = [p for p in _PHONE_SPLIT.split(re.sub(r"\s+", "", value)) if p]
    if len(parts) > MAX_PHONES:
        bad("phone", f"{len(parts)} phone numbers, at most {MAX_PHONES}")
        return None
    numbers: list[str] = []
    for part in parts:
        number = _one_phone(part.lower())
        if number is None:
            bad(
                "phone",
                f"{part[:30]!r} is not a phone number (mobile 13812345678, landline with area code "
                "0371-67891234, or 400-123-4567)",
            )
            return None
        if number not in numbers:
            numbers.append(number)
    return "、".join(numbers) or None


def parse_employees(text: str, bad: Callable[[str, str], None]) -> int | None:
    """从业人员 as a whole number of people ("1,200", "1200人"); None when blank.

    >>> parse_employees(" 1,200 人", print)
    1200
    >>> parse_employees("约200", print)
    employees '约200' is not a whole number of people (1200, 1,200 or 1200人)
    """
    value = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    if not value:
        return None
    m = _EMPLOYEES.fullmatch(value)
    if m is None:
        bad("employees", f"{text.strip()[:20]!r} is not a whole number of people (1200, 1,200 or 1200人)")
        return None
    count = int(m.group(1).replace(",", ""))
    if count > MAX_EMPLOYEES:
        bad("employees", f"{count:,} people is more than {MAX_EMPLOYEES:,}")
        return None
    return count


def parse_founded(text: str, bad: Callable[[str, str], None], today: date) -> str | None:
    """成立日期 as an ISO date (2015-03-02), not after ``today``; None when blank.

    Accepts 2015-03-02, 2015/3/2, 2015.3.2, 2015年3月2日, 20150302 and XLSX date cells.

    >>> parse_founded("2015年3月2日", print, date(2026, 1, 1))
    '2015-03-02'
    >>> parse_founded("2015-02-30", print, date(2026, 1, 1))
    founded '2015-02-30' is not a calendar date
    """
    value = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    if not value:
        return None
    m = _DATE.fullmatch(value)
    if m is None:
        bad("founded", f"{text.strip()[:20]!r} is not a date (2015-03-02, 2015/3/2, 2015年3月2日 or 20150302)")
        return None
    g = m.groups()
    year, month, day = (g[0], g[2], g[3]) if g[0] else (g[4], g[5], g[6]) if g[4] else (g[7], g[8], g[9])
    try:
        when = date(int(year), int(month), int(day))
    except ValueError:
        bad("founded", f"{text.strip()[:20]!r} is not a calendar date")
        return None
    if when > today:
        bad("founded", f"{when.isoformat()} is in the future")
        return None
    if when < EARLIEST_FOUNDED:
        bad("founded", f"{when.isoformat()} is before {EARLIEST_FOUNDED.year}")
        return None
    return when.isoformat()


# ─────────────────────────── the registry template ───────────────────────────

#: Every registry column in template order: (header, English header, required, rule).
COLUMNS: tuple[tuple[str, str, bool, str], ...] = (
    ("企业名称", "name", True, "必填"),
    ("统一社会信用代码", "uscc", False, "18 位，校验位须正确；空缺时以企业名称为键"),
    ("所在园区", "zone", False, "已加载规划中的产业集聚区名称或别名"),
    ("所在县区", "county", False, "县（市、区）或省辖市名称，须唯一"),
    ("行业代码", "industry_code", False, "GB/T 4754 四位小类，可带门类字母，如 C3922"),
    ("主营产品", "products", False, "文字；据此归入产业链环节"),
    ("营业收入(万元)", "revenue", False, "非负数，可带千分位逗号"),
    ("是否链主", "chain_leader", False, "是/否、1/0、true/false、Y/N；空为否"),
    ("地址", "address", False, "不超过 200 字"),
    ("联系人", "contact", False, "不超过 50 字"),
    (
        "联系电话",
        "phone",
        False,
        (
            "手机 13812345678（可带 +86）、带区号座机 0371-67891234（分机写 转801）或 400/800 号码；"
            f"最多 {MAX_PHONES} 个，以 、 , ; / 分隔"
        ),
    ),
    ("法定代表人", "legal_rep", False, "不超过 50 字"),
    ("从业人员", "employees", False, f"整数人数，如 1200、1,200 或 1200人；不超过 {MAX_EMPLOYEES:,}"),
    (
        "成立日期",
        "founded",
        False,
        f"2015-03-02、2015/3/2、2015年3月2日 或 20150302；不得晚于今天、早于 {EARLIEST_FOUNDED.year} 年",
    ),
)
TEMPLATE_NOTE = "任何单元格不得超过 500 字，文字单元格不得以 = + - @ 开头（会被表格软件当作公式）。"


def write_template(path: str | Path) -> Path:
    """Write an empty registry with every column's header: ``.csv`` (UTF-8 with BOM, so Excel
    shows the Chinese) or ``.xlsx`` (with a 说明 sheet giving each column's rule).

    >>> write_template("企业名录模板.xlsx")  # doctest: +SKIP
    PosixPath('企业名录模板.xlsx')
    """
    out = Path(path)
    headers = [c[0] for c in COLUMNS]
    suffix = out.suffix.lower()
    if suffix == ".csv":
        with out.open("w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle).writerow(headers)
        return out
    if suffix != ".xlsx":
        raise InputError(f"{out}: a registry template is .csv or .xlsx, got {suffix or 'no extension'}")
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "企业名录"
    sheet.append(headers)
    sheet.freeze_panes = "A2"
    for index, header in enumerate(headers):
        letter = sheet.cell(row=1, column=index + 1).column_letter
        sheet.column_dimensions[letter].width = max(12, 2 * len(header) + 4)
        sheet.cell(row=1, column=index + 1).font = Font(bold=True)
        # Text cells keep leading zeros (0371-…) and long codes as typed.
        sheet.column_dimensions[letter].number_format = "@"
    notes = book.create_sheet("说明")
    notes.append(["表头", "英文表头", "是否必填", "规则"])
    for header, english, required, rule in COLUMNS:
        notes.append([header, english, "是" if required else "否", rule])
    notes.append([])
    notes.append([TEMPLATE_NOTE])
    for letter, width in zip("ABCD", (18, 16, 10, 90), strict=True):
        notes.column_dimensions[letter].width = width
    book.save(out)
    return out
