"""Lines of a PDF plan with a text layer, hard-wrapped lines joined back into paragraphs.

A PDF keeps no paragraphs, only lines as they were set on the page. A line is joined to the
next when it ran out of room rather than ended: it is about as wide as the page's text, does
not end a sentence or clause (。；：！？), and the next line does not start a heading or a list
item (一、 （一） 1. (1) ① 第X条). Page numbers ("- 3 -", "第3页", and "3" when it is set in the
page's margin) are dropped. A table's structure is not recovered: its cells come out as lines.
"""

from __future__ import annotations

import io
import itertools
import re
import unicodedata
from pathlib import Path

from pypdf import PageObject, PdfReader
from pypdf.errors import PdfReadError, PyPdfError

from clusterkg.errors import InputError

from .lines import DocumentLines

_PAGE_NUMBER = re.compile(
    r"[-—–－~～]\s*\d{1,3}\s*[-—–－~～]"
    r"|第\s*\d{1,3}\s*页(\s*[,，/]?\s*共\s*\d{1,3}\s*页)?"
    r"|\d{1,3}\s*/\s*\d{1,3}"
)
# A bare number is a page number only when it is set in the page's top or bottom margin (this
# share of the page's height); elsewhere it is a table's row number or a figure.
_BARE_NUMBER = re.compile(r"\d{1,3}")
MARGIN = 0.1
_LIST_START = re.compile(
    r"[一二三四五六七八九十百]+[、.．]"
    r"|[（(][一二三四五六七八九十百]+[）)]"
    r"|\d{1,2}[.．、](?!\d)"
    r"|[（(]\d{1,2}[）)]"
    r"|[①-⑳⑴-⒇⒈-⒛]"
    r"|第[一二三四五六七八九十百零〇\d]+[条章节部分]"
)
_ENDS_CLAUSE = frozenset("。；：！？;:!?")
_CLOSERS = "”’」』）)》】〕"
# A line this share of the document's usual full line width or wider ran out of room.
FULL_LINE = 0.8


def pdf_lines(raw: bytes, path: Path) -> DocumentLines:
    """The paragraphs of a PDF's text layer and its title (document info); InputError if it has none."""
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{path}: the PDF is encrypted with a password; save an unprotected copy")
        pages = [_page_lines(page) for page in reader.pages]
        info = reader.metadata
        title = (info.title or "").strip() or None if info is not None else None
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{path}: not a readable PDF ({exc})") from None
    lines = [line for page in pages for line in page]
    if not lines:
        raise InputError(
            f"{path}: the PDF has no text layer (a scanned document?); OCR it into a text PDF or .txt first"
        )
    return DocumentLines(tuple(join_wrapped_lines(lines)), title)


def _page_lines(page: PageObject) -> list[str]:
    """The page's non-blank lines, stripped, without its page number."""
    bottom, height = float(page.mediabox.bottom), float(page.mediabox.height)
    in_margin: list[str] = []  # bare numbers set in the top or bottom margin

    def note_margin_number(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5] - bottom
        if _BARE_NUMBER.fullmatch(text.strip()) and not MARGIN * height < y < (1 - MARGIN) * height:
            in_margin.append(text.strip())

    text = page.extract_text(extraction_mode="plain", visitor_text=note_margin_number) or ""
    lines: list[str] = []
    for line in (line.strip() for line in text.splitlines()):
        if not line or _PAGE_NUMBER.fullmatch(line):
            continue
        if line in in_margin:
            in_margin.remove(line)
            continue
        lines.append(line)
    return lines


def display_width(text: str) -> int:
    """Width in half-width cells: Chinese and full-width characters count two.

    >>> display_width("集群A1")
    6
    """
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def join_wrapped_lines(lines: list[str]) -> list[str]:
    """Join lines that a page's width broke inside a paragraph.

    >>> join_wrapped_lines(["一、发展目标", "到2030年，培育十个产业集群，打造", "一批特色园区。", "1.数控机床"])
    ['一、发展目标', '到2030年，培育十个产业集群，打造一批特色园区。', '1.数控机床']
    """
    if not lines:
        return []
    widths = sorted(display_width(line) for line in lines)
    full = widths[(len(widths) * 9) // 10] * FULL_LINE  # the 90th percentile: a usual full line
    paragraphs = [lines[0]]
    for previous, line in itertools.pairwise(lines):
        if (
            display_width(previous) >= full
            and previous.rstrip(_CLOSERS)[-1:] not in _ENDS_CLAUSE
            and not _LIST_START.match(line)
        ):
            paragraphs[-1] += _joint(previous, line) + line
        else:
            paragraphs.append(line)
    return paragraphs


def _joint(before: str, after: str) -> str:
    """A space between two Latin words or numbers; nothing between Chinese characters."""
    return (
        " " if before[-1:].isascii() and before[-1:].isalnum() and after[:1].isascii() and after[:1].isalnum() else ""
    )
