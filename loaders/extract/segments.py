"""Stage 2: a document's structure — headings, list items, sentences, clauses and tables.

Input: a :class:`PlanDocument` (non-blank lines with absolute offsets). Output: a
:class:`Segmented` document whose every piece keeps its absolute span, so any fact read
from it points back into the document.

Matching works on a *folded* copy of each line of the same length (NFKC applied character by
character where it maps one character to one, the ideographic space made an ASCII space), so
full-width ``（，：；`` and ASCII ``(,:;`` read alike and offsets stay those of the document.

>>> from clusterkg.loaders.plan.document import Paragraph
>>> fold("（一）汽车产业集群。")
'(一)汽车产业集群。'
>>> heading_of("（二）着力培育")
('paren', 2, '着力培育')
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

from clusterkg.loaders.plan.document import Paragraph, PlanDocument
from clusterkg.text import PINYIN_GLOSS

from .lexicon import LEXICON


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    if c in "\u3000\u00a0":
        return " "  # a tab stays: it separates a table's cells
    if "\u2460" <= c <= "\u2473":
        return c  # ① … ⑳ mark list items; NFKC would make them bare digits
    n = unicodedata.normalize("NFKC", c)
    return n if len(n) == 1 else c


@lru_cache(maxsize=1)
def _traditional_map() -> dict[str, str]:
    """Traditional → simplified for single characters, from OpenCC's table as the pinned
    ``opencc-purepy`` package ships it; characters whose simplified forms include themselves
    (於 → 于/於) are left alone."""
    table = files("opencc_purepy") / "dicts" / "TSCharacters.txt"
    out: dict[str, str] = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        trad, _, cands = line.partition("\t")
        options = cands.split()
        if len(trad) == 1 and options and trad not in options and len(options[0]) == 1:
            out[trad] = options[0]
    return out


def is_traditional(text: str) -> bool:
    """True when a text is written in traditional characters (a mirror page, a Hong Kong copy).

    >>> is_traditional("山東省特色產業集群名單"), is_traditional("山东省特色产业集群名单")
    (True, False)
    """
    table = _traditional_map()
    cjk = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    trad = sum(1 for c in text if c in table)
    return trad >= 3 and trad > 0.03 * cjk


def fold(text: str, traditional: bool = False) -> str:
    """The same text with one-to-one NFKC folding (and traditional characters made simplified
    when ``traditional``): offsets are unchanged."""
    if traditional:
        table = _traditional_map()
        return "".join(table.get(c) or _fold_char(c) for c in text)
    return "".join(_fold_char(c) for c in text)


_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def cn_int(text: str) -> int | None:
    """A small Chinese or Arabic whole number: 三 → 3, 十二 → 12, 二十 → 20, 12 → 12.

    >>> cn_int("十二"), cn_int("二十三"), cn_int("7"), cn_int("第")
    (12, 23, 7, None)
    """
    if text.isdigit():
        return int(text)
    if not text or any(c not in _CN_DIGITS and c not in "十百" for c in text):
        return None
    total, current = 0, 0
    for c in text:
        if c == "百":
            total += (current or 1) * 100
            current = 0
        elif c == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _CN_DIGITS[c]
    return total + current


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# Heading / list-item markers, most specific first. Each gives (style, number, rest).
_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("chapter", re.compile(r"^\s*第([一二三四五六七八九十百零〇\d]+)([章节篇部分条])\s*(.*)$")),
    ("cn", re.compile(r"^\s*([一二三四五六七八九十]+)\s*[、.．]\s*(.*)$")),
    ("paren", re.compile(r"^\s*\(([一二三四五六七八九十]+)\)\s*(.*)$")),
    ("num", re.compile(r"^\s*(\d{1,3})\s*[、.．](?!\d)\s*(.*)$")),
    ("pnum", re.compile(r"^\s*\((\d{1,3})\)\s*(.*)$")),
    # a list copied out of a table or a PDF keeps only a space after the number: 1 某县某产业集群 某市
    (
        "num",
        re.compile(
            r"^\s*(\d{1,3})[ \u3000]+(?=[\u4e00-\u9fff])(?![亿万千百元年月日号个家项余多吨米亩人台辆套户座条期倍])(.*)$"
        ),
    ),
    ("circled", re.compile(rf"^\s*([{_CIRCLED}])\s*(.*)$")),
    ("shi", re.compile(r"^\s*([一二三四五六七八九十]+)是\s*[,:：，]?\s*(.*)$")),
    # a plan's box (专栏1 某某产业集群重点项目): a heading of its own kind, over the items listed in it
    ("box", re.compile(r"^\s*专栏\s*([\d一二三四五六七八九十]+)\s*[:：]?\s*(.*)$")),
)


def heading_of(line: str) -> tuple[str, int, str] | None:
    """The marker style, number and remaining text of a heading or list item, if the line has one."""
    folded = fold(line)
    for style, rx in _MARKERS:
        m = rx.match(folded)
        if not m:
            continue
        if style == "chapter":
            n = cn_int(m.group(1))
            return ("chapter", n or 0, m.group(3))
        if style == "circled":
            return ("circled", _CIRCLED.index(m.group(1)) + 1, m.group(2))
        n = cn_int(m.group(1))
        if n is None:
            continue
        return (style, n, m.group(2))
    return None


# A line that is a place heading of a grouped list: 济南市（3个） / 一、郑州市(5个)
_GROUP_HEAD = re.compile(r"^(.{2,12}?)\s*\((\d+|[一二三四五六七八九十]+)个?\)\s*$")

_SUBHEAD = re.compile(r"^[\u4e00-\u9fff()]{2,16}(?:产业|集群|产业集群|产业链)(?::.{0,20})?$")
_BRACKET_HEAD = re.compile(r"^【[^【】]{2,30}】$")
_TABLE_SEP = re.compile(r"\s*\|\s*|\t+|\s{3,}")
_ALIGNED_SEP = re.compile(r"\s{2,}")  # a row of aligned columns: two spaces or more part its cells


@dataclass(frozen=True, slots=True)
class Piece:
    """A span of the document: absolute start/end, its paragraph, its folded text.

    ``text`` is folded and without the white space that wraps names inside the line (a table
    cell wrapped as ``新\u3000\u3000乡经济技术``); ``offsets[i]`` is where its character ``i`` stands
    in the document, so :meth:`at` maps any position of ``text`` back.
    """

    paragraph: int
    start: int
    end: int
    text: str
    offsets: tuple[int, ...] = ()

    def at(self, i: int) -> int:
        """The document offset of position ``i`` of ``text`` (``len(text)`` maps to the end)."""
        if not self.offsets:
            return self.start + i
        if i >= len(self.offsets):
            return self.end
        return self.offsets[i]

    def end_at(self, i: int) -> int:
        """The document offset just after position ``i - 1`` of ``text`` (an end of a span)."""
        return self.at(i) if i <= 0 or not self.offsets else self.at(i - 1) + 1

    def index(self, absolute: int) -> int:
        """The position in ``text`` of a document offset (the inverse of :meth:`at`)."""
        if not self.offsets:
            return absolute - self.start
        return bisect_left(self.offsets, absolute)


_WRAP = re.compile(
    r"(?<=[\u4e00-\u9fff()])[ \u3000]+(?=[\u4e00-\u9fff()\d])|(?<=\d)[ \u3000]+(?=[\u4e00-\u9fff])|[ \u3000]*[\r\n]+[ \u3000]*"
    # 產(chǎn)業(yè)集群: a web page's reading aid is no part of the text
    + "|"
    + PINYIN_GLOSS
)  # (茶叶8 个百亿级, 年产值超50亿 元: a wrap between a number and its word)


def compact(paragraph: int, start: int, text: str) -> Piece:
    """A piece of ``text`` (folded, starting at document offset ``start``) with the spaces that
    wrap names between Chinese characters taken out."""
    if not _WRAP.search(text):
        return Piece(paragraph, start, start + len(text), text)
    keep = [True] * len(text)
    for m in _WRAP.finditer(text):
        for i in range(m.start(), m.end()):
            keep[i] = False
    chars = [c for c, k in zip(text, keep) if k]
    offsets = tuple(start + i for i, k in enumerate(keep) if k)
    return Piece(paragraph, start, start + len(text), "".join(chars), offsets)


@dataclass(slots=True)
class Block:
    """One paragraph, classified."""

    para: Paragraph
    folded: str
    kind: str  # "heading" | "item" | "row" | "text"
    marker: tuple[str, int] | None = None  # (style, number) of a heading or item
    body_offset: int = 0  # where the text after the marker starts, relative to the paragraph
    cells: list[Piece] = field(default_factory=list)  # table rows
    depth: int = 0  # nesting of headings (0 = top), from the order styles first appear
    section: int = -1  # index of the heading block this block sits under (-1: none)

    def piece(self, rel_start: int = 0, rel_end: int | None = None) -> Piece:
        end = len(self.folded) if rel_end is None else rel_end
        return compact(self.para.index, self.para.start + rel_start, self.folded[rel_start:end])


@dataclass(slots=True)
class Table:
    """Consecutive table rows; the first that reads as a header names the columns."""

    blocks: list[Block]
    header: list[str]
    roles: dict[str, int]  # role → column index


@dataclass(slots=True)
class Segmented:
    doc: PlanDocument
    blocks: list[Block]
    tables: list[Table]
    traditional: bool = False


def _cells(para: Paragraph, folded: str) -> list[Piece]:
    out: list[Piece] = []
    pos = 0
    parts: list[tuple[int, int]] = []
    sep = _TABLE_SEP if ("|" in folded or "\t" in folded) else _ALIGNED_SEP
    for m in sep.finditer(folded):
        parts.append((pos, m.start()))
        pos = m.end()
    parts.append((pos, len(folded)))
    for s, e in parts:
        while s < e and folded[s] == " ":
            s += 1
        while e > s and folded[e - 1] == " ":
            e -= 1
        out.append(compact(para.index, para.start + s, folded[s:e]))
    # a row written "| a | b |" has empty outer cells
    if out and not out[0].text:
        out = out[1:]
    if out and not out[-1].text:
        out = out[:-1]
    return out


def _is_row(folded: str) -> bool:
    if "|" in folded:
        return folded.count("|") >= 1 and len(_TABLE_SEP.split(folded.strip(" |"))) >= 2
    if "\t" in folded:
        return True
    # aligned columns: two or more runs of 3+ spaces between short cells, no sentence punctuation;
    # a short header may set two cells two spaces apart (序号  集群名称          企业名称)
    if re.search(r"[。;]", folded):
        return False
    runs = re.findall(r"\S\s{3,}\S", folded)
    if len(runs) >= 2:
        return True
    return (
        len(runs) == 1
        and len(re.findall(r"\S\s{2,}\S", folded)) >= 2
        and len(folded) <= 80
        and not re.search(r"[,:]", folded)
    )


def column_role(header: str) -> str | None:
    """What a table column holds, from the words of its header (see the lexicon)."""
    h = re.sub(r"\s+", "", header)
    for role, words in LEXICON.column_roles:
        if any(w in h for w in words):
            return role
    return None


_ROW_NUMBER = re.compile(r"^\d{1,3}$")
_CELL_END = re.compile(r"(\)|集群|基地|区|园|公司|集团|厂|\d|元|县|市|镇|[\u4e00-\u9fff]{2}产业|项目)$")


def _flattened_tables(paras: tuple[Paragraph, ...], traditional: bool) -> dict[int, list[Piece]]:
    """Tables whose cells come one per line (a PDF's text layer): 序号 / 申报单位 / 认定名称 / 1 /
    新野县产业集聚区 / 河南省…产业集 / 群(纺织服装) / 2 … → rows of cells, keyed by the paragraph
    index of each row's first line. A cell wrapped over lines is joined until its brackets
    close and its text ends like a name."""
    out: dict[int, list[Piece]] = {}
    i = 0
    while i < len(paras):
        n = 0
        while i + n < len(paras) and n < 10:
            t = paras[i + n].text.strip()
            if not (t and len(t) <= 12 and column_role(t) and not re.search(r"[。,;，；]", t)):
                break
            n += 1
        roles = [column_role(paras[i + k].text.strip()) for k in range(n)]
        if n < 3 or roles[0] != "seq" or not ({"name", "industry", "projects"} & set(roles)):
            i += 1
            continue
        header = [compact(p.index, p.start, fold(p.text.strip(), traditional)) for p in paras[i : i + n]]
        out[paras[i].index] = header
        for p in paras[i + 1 : i + n]:
            out[p.index] = []  # absorbed into the header
        k, expected = i + n, 1
        while k < len(paras) and _ROW_NUMBER.match(paras[k].text.strip()) and int(paras[k].text.strip()) == expected:
            j = k + 1
            lines: list[Paragraph] = []
            while j < len(paras) and not (
                _ROW_NUMBER.match(paras[j].text.strip()) and int(paras[j].text.strip()) == expected + 1
            ):
                if re.search(r"[。;；]", paras[j].text) or heading_of(paras[j].text):
                    break  # prose or a heading: the table has ended
                lines.append(paras[j])
                j += 1
            cells = [compact(paras[k].index, paras[k].start, paras[k].text.strip())]
            current: list[Paragraph] = []
            for idx, line in enumerate(lines):
                current.append(line)
                text = "".join(p.text.strip() for p in current)
                left_lines, left_cells = len(lines) - idx - 1, (n - 1) - (len(cells) - 1) - 1
                balanced = text.count("(") + text.count("（") == text.count(")") + text.count("）")
                if left_cells > 0 and (left_lines <= left_cells or (balanced and _CELL_END.search(fold(text)))):
                    cells.append(_join_lines(current, traditional))
                    current = []
            if current:
                cells.append(_join_lines(current, traditional))
            out[paras[k].index] = cells
            for p in lines:
                out.setdefault(p.index, [])  # absorbed into the row
            k, expected = j, expected + 1
        i = max(k, i + 1)
    return out


def _join_lines(lines: list[Paragraph], traditional: bool) -> Piece:
    text, offsets = "", list[int]()
    for p in lines:
        lead = len(p.text) - len(p.text.lstrip())
        body = fold(p.text.strip(), traditional)
        text += body
        offsets.extend(range(p.start + lead, p.start + lead + len(body)))
    return Piece(lines[0].index, offsets[0], offsets[-1] + 1, text, tuple(offsets))


def _width(line: str) -> int:
    """How wide a line prints: a Chinese character or full-width form twice a Latin one."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line.strip())


_PARA_END = re.compile(r"[。!?;:！？；：”\"」』)）]\s*$")


def _reflow(doc: PlanDocument, flattened: dict[int, list[Piece]], traditional: bool) -> list[Paragraph]:
    """The paragraphs of a text whose lines were broken at a fixed width (copied from a PDF or a
    print layout: 电子信 | 息): a full line that ends no sentence runs on into the next, unless the
    next opens a heading, an item or a table row. Other texts' lines are their paragraphs."""
    paras = doc.paragraphs
    widths = [_width(p.text) for p in paras]
    long = [w for w in widths if w >= 30]
    if len(long) < 6:
        return list(paras)
    near = Counter(w + d for w in long for d in (-1, 0, 1))
    width, n = near.most_common(1)[0]
    if n < 0.5 * len(long):
        return list(paras)
    out: list[Paragraph] = []
    run: list[Paragraph] = []

    def close() -> None:
        if run:
            first, last = run[0], run[-1]
            out.append(
                first if len(run) == 1 else Paragraph(first.index, first.start, doc.text[first.start : last.end])
            )
            run.clear()

    for k, p in enumerate(paras):
        folded = fold(p.text, traditional)
        starts_anew = (
            k in flattened or _is_row(folded) or heading_of(folded) is not None or _GROUP_HEAD.match(folded.strip())
        )
        if run and (starts_anew or p.index != run[-1].index + 1):
            close()
        run.append(p)
        if widths[k] < width - 3 or _PARA_END.search(folded) or k in flattened or _is_row(folded):
            close()
    close()
    return out


def segment(doc: PlanDocument) -> Segmented:
    """Classify every paragraph and gather table rows into tables."""
    blocks: list[Block] = []
    style_depth: dict[str, int] = {}
    traditional = is_traditional(doc.text[:20000])
    flattened = _flattened_tables(doc.paragraphs, traditional)
    for para in _reflow(doc, flattened, traditional):
        folded = fold(para.text, traditional)
        if para.index in flattened:
            if flattened[para.index]:
                blocks.append(Block(para, folded, "row", cells=flattened[para.index]))
            continue
        if _is_row(folded):
            blocks.append(Block(para, folded, "row", cells=_cells(para, folded)))
            continue
        h = heading_of(folded)
        if h:
            style, number, rest = h
            body_offset = len(folded) - len(rest)
            # a heading is short or ends its title with 。 before a body; an item runs on
            first_stop = re.search(r"[。;:]", rest)
            is_heading = (
                len(rest) <= 30
                and not re.search(r"[,，、]", rest[:-1] if rest else "")
                or (style in ("cn", "chapter") and len(rest) <= 40)
            )
            if style not in style_depth:
                style_depth[style] = len(style_depth)
            kind = "heading" if is_heading or (first_stop is not None and first_stop.start() <= 30) else "item"
            blocks.append(Block(para, folded, kind, (style, number), body_offset, depth=style_depth[style]))
            continue
        if _BRACKET_HEAD.match(folded.strip()):
            if "bracket" not in style_depth:
                style_depth["bracket"] = len(style_depth)
            blocks.append(Block(para, folded, "heading", ("bracket", 0), 0, depth=style_depth["bracket"]))
            continue
        stripped = folded.strip()
        if 4 <= len(stripped) <= 30 and not re.search(r"[。;!?,、]", stripped) and _SUBHEAD.match(stripped):
            # an unnumbered sub-heading of a report: 大数据智能化产业:布局数字经济产业链
            if "subhead" not in style_depth:
                style_depth["subhead"] = len(style_depth)
            blocks.append(Block(para, folded, "heading", ("subhead", 0), 0, depth=style_depth["subhead"]))
            continue
        if _GROUP_HEAD.match(folded.strip()):
            blocks.append(Block(para, folded, "heading", ("group", 0), 0, depth=len(style_depth)))
            continue
        blocks.append(Block(para, folded, "text"))
    # each block's section: the nearest heading before it of smaller or equal depth chain
    stack: list[int] = []
    for i, b in enumerate(blocks):
        if b.kind == "heading":
            while stack and blocks[stack[-1]].depth >= b.depth:
                stack.pop()
            b.section = stack[-1] if stack else -1
            stack.append(i)
        else:
            if b.kind == "item" and b.marker is not None:
                while stack and blocks[stack[-1]].depth >= b.depth:
                    stack.pop()  # 2. 某标题: …  3. 某条: a numbered item is a sibling of the heading before it, not under it
            b.section = stack[-1] if stack else -1
    return Segmented(doc, blocks, _tables(blocks), traditional)


def _tables(blocks: list[Block]) -> list[Table]:
    tables: list[Table] = []
    run: list[Block] = []

    def close() -> None:
        if len(run) >= 2:
            header_row = run[0]
            header = [c.text for c in header_row.cells]
            roles: dict[str, int] = {}
            for i, h in enumerate(header):
                role = column_role(h)
                if role and role not in roles:
                    roles[role] = i
            if roles:
                _fill_spanned_cells(run[1:], header, roles)
                tables.append(Table(list(run[1:]), header, roles))
        run.clear()

    for b in blocks:
        if b.kind == "row":
            if run and _continues(run[-1], b, len(run[0].cells)):
                _join(run[-1], b)
                b.kind = "continued"
                continue
            run.append(b)
        else:
            close()
    close()
    return tables


_FITS: dict[str, re.Pattern[str]] = {
    "seq": re.compile(r"^\d{1,4}$"),
    "name": re.compile(r"集群|基地|产业链"),
    "place": re.compile(r"^[\u4e00-\u9fff]{1,8}(?:省|市|县|区|州|盟|旗|地区)$"),
    "zone": re.compile(r"(?:区|园|城|基地)$"),
    "target": re.compile(r"\d"),
    "investment": re.compile(r"\d"),
    "firms": re.compile(r"公司|集团|股份|厂"),
    "projects": re.compile(r"项目|工程"),
    "industry": re.compile(r"^[^\d|]{2,12}$"),
}


def _fit(cells: list[Piece], roles_at: dict[int, str], own: range) -> int:
    """How many of a row's own cells read as what their column holds."""
    return sum(
        1 for i in own if i < len(cells) and (role := roles_at.get(i)) in _FITS and _FITS[role].search(cells[i].text)
    )


def _fill_spanned_cells(rows: list[Block], header: list[str], roles: dict[str, int]) -> None:
    """Rows short of cells because a cell of the row above spans them (a 地市 merged over its
    cities' rows, flattened to text): the missing cells, right after the row number (or first),
    are the row above's, when the row's own cells then read better under their headers than
    left where they are (a cut-off last row is short at its end, and stays so)."""
    width = len(header)
    roles_at = {i: r for r, i in roles.items()}
    prev: list[Piece] | None = None
    for row in rows:
        cells = row.cells
        missing = width - len(cells)
        if prev is not None and 0 < missing < width - 1 and cells:
            at = 1 if roles_at.get(0) == "seq" and _FITS["seq"].search(cells[0].text) else 0
            carried = cells[:at] + prev[at : at + missing] + cells[at:]
            own_after = range(at + missing, width)
            if _fit(carried, roles_at, range(at)) + _fit(carried, roles_at, own_after) > _fit(
                cells, roles_at, range(len(cells))
            ):
                row.cells = carried
        prev = row.cells if len(row.cells) == width else prev


def _continues(prev: Block, row: Block, width: int) -> bool:
    """A row that finishes the one above: the two together have the header's cells, and the
    first cell of this one does not start a row (a number or a name of its own)."""
    return (
        len(prev.cells) < width
        and len(prev.cells) + len(row.cells) - 1 == width
        and bool(row.cells)
        and not re.match(r"^\d+$", row.cells[0].text)
    )


def _join(prev: Block, row: Block) -> None:
    last, first = prev.cells[-1], row.cells[0]
    # the joined cell spans both lines; its text reads on without the line break
    offsets = (last.offsets or tuple(range(last.start, last.end))) + (
        first.offsets or tuple(range(first.start, first.end))
    )
    prev.cells[-1] = Piece(last.paragraph, last.start, first.end, last.text + first.text, offsets)
    prev.cells.extend(row.cells[1:])


_CLAUSE_END = re.compile(r"[。;!?！？]")


# a number standing alone between spaces: an item's number in a list run into one line
_SPACED_NUMBER = re.compile(r"(?:(?<=[\s:])|^)(\d{1,3})(?:\s+|[.、](?!\d)\s*)(?=[^\d\s])")  # (1 甲集群 / :1.甲)


def _inline_items(text: str, pos: int) -> list[tuple[int, int]]:
    """Where the items of a numbered list run into one line begin (序号 名称 1 甲集群 2 乙集群 3 丙集群):
    (where its number starts, where its text starts), for a run of three or more numbers counting
    1, 2, 3…; none otherwise."""
    run: list[tuple[int, int]] = []
    for m in _SPACED_NUMBER.finditer(text, pos):
        n = int(m.group(1))
        if n == len(run) + 1:
            run.append((m.start(), m.end()))
        elif n == 1:
            if len(run) >= 3:
                break
            run = [(m.start(), m.end())]
    return run if len(run) >= 3 else []


def sentences(block: Block) -> list[Piece]:
    """The block's sentences (split at 。；！？, and before each item of a numbered list run into
    one line), white space trimmed, spans absolute."""
    out: list[Piece] = []
    text = block.folded
    pos = block.body_offset
    # (where a sentence ends, where the next one starts): after a stop, or before an inline item's text
    bounds = sorted(
        [(x.end(), x.end()) for x in _CLAUSE_END.finditer(text) if x.start() >= pos] + _inline_items(text, pos)
    )
    for end, after in [*bounds, (len(text), len(text))]:
        if end < pos:
            continue
        s, e = pos, end
        while s < e and text[s] == " ":
            s += 1
        while e > s and text[e - 1] == " ":
            e -= 1
        if e > s:
            out.append(block.piece(s, e))
        pos = after
    return out
