"""Lines of an HTML plan (a page saved from a government site, or Word's "save as web page").

The standard library's parser builds a small tree, tolerant of the unclosed ``<p>``, ``<li>``,
``<td>`` and ``<tr>`` such pages are full of; the tree is then read as a browser lays it out:
block elements end lines, a table row is one line of its cells joined by " | ", and what a
reader never sees (scripts, styles, the head but its title) is dropped. A row of one cell, or
one whose cells hold tables, is page layout rather than data, and is read as paragraphs.
A cell spanning rows (``rowspan``, the 地市 column of a list) is repeated in each row it spans,
and one spanning columns is followed by empty cells, so every row's cells stay under their header.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from .decoding import canonical_encoding, decode_plan_bytes
from .lines import DocumentLines

CELL_SEPARATOR = " | "

# The title is kept apart (PlanDocument.title), not as a line of the text.
_HIDDEN = frozenset({"script", "style", "noscript", "template", "head", "title", "nav", "iframe", "object", "svg"})
_BLOCK = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "section",
        "article",
        "table",
        "caption",
        "blockquote",
        "pre",
        "hr",
        "header",
        "footer",
        "main",
        "aside",
        "figure",
        "figcaption",
        "address",
        "center",
        "form",
        "body",
    }
)
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "col", "area", "base", "wbr", "source", "embed"})
# Opening one of these closes the nearest open element of its group (and all inside it), looking
# no further out than the first of its boundary elements: the end tags pages leave out.
_IMPLIED_END: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "p": (frozenset({"p"}), frozenset({"div", "td", "th", "li", "table", "body", "section", "article"})),
    "li": (frozenset({"li"}), frozenset({"ul", "ol", "table"})),
    "dt": (frozenset({"dt", "dd"}), frozenset({"dl", "table"})),
    "dd": (frozenset({"dt", "dd"}), frozenset({"dl", "table"})),
    "td": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "th": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "tr": (frozenset({"tr"}), frozenset({"table"})),
    "tbody": (frozenset({"thead", "tbody", "tfoot"}), frozenset({"table"})),
    "thead": (frozenset({"thead", "tbody", "tfoot"}), frozenset({"table"})),
    "tfoot": (frozenset({"thead", "tbody", "tfoot"}), frozenset({"table"})),
}
_TABLE_PARTS = frozenset({"table", "thead", "tbody", "tfoot", "tr", "td", "th"})
_ROW_GROUPS = frozenset({"thead", "tbody", "tfoot"})

_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_ASCII_SPACE = re.compile(r"[ \t\n\r\f]+")
_WIDE = re.compile("[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f]")


# A span beyond these is a page's mistake (or hostile): read as the most a real table uses.
_MAX_ROWSPAN = 500
_MAX_COLSPAN = 50


@dataclass(slots=True)
class _Element:
    tag: str
    children: list[_Element | str] = field(default_factory=list)
    rowspan: int = 1
    colspan: int = 1


def _span(attrs: list[tuple[str, str | None]], name: str, most: int) -> int:
    value = next((v for k, v in attrs if k == name), None)
    try:
        n = int((value or "1").strip())
    except ValueError:
        return 1
    return min(max(n, 1), most)


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Element("#document")
        self.stack: list[_Element] = [self.root]
        self.title: str | None = None
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if tag in _IMPLIED_END:
            self._close(*_IMPLIED_END[tag])
        element = _Element(tag)
        if tag in {"td", "th"}:
            element.rowspan = _span(attrs, "rowspan", _MAX_ROWSPAN)
            element.colspan = _span(attrs, "colspan", _MAX_COLSPAN)
        self.stack[-1].children.append(element)
        if tag not in _VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(_Element(tag))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag == "br":  # </br> is read as <br> by browsers
            self.stack[-1].children.append(_Element("br"))
            return
        # An end tag that matches nothing open (in its table cell, for other than table parts)
        # is ignored, as browsers do, rather than closing a table around it.
        self._close(frozenset({tag}), frozenset({"table"} if tag in _TABLE_PARTS else {"td", "th", "table"}))

    def _close(self, targets: frozenset[str], boundary: frozenset[str]) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            open_tag = self.stack[i].tag
            if open_tag in targets:
                del self.stack[i:]
                return
            if open_tag in boundary:
                return

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title = (self.title or "") + data
        self.stack[-1].children.append(data)


def html_lines(raw: bytes, path: Path) -> DocumentLines:
    """The lines of an HTML page and its ``<title>``; InputError if its bytes do not decode."""
    text, encoding = decode_plan_bytes(raw, path, declared_charset(raw))
    lines, title = html_text_lines(text)
    return DocumentLines(tuple(lines), title, encoding)


def declared_charset(raw: bytes) -> str | None:
    """The encoding a page declares in ``<meta charset>`` or its http-equiv Content-Type, if known.

    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
    'gb18030'
    """
    m = _CHARSET.search(raw[:8192])
    return canonical_encoding(m.group(1).decode("ascii")) if m else None


def html_text_lines(text: str) -> tuple[list[str], str | None]:
    """The lines of decoded HTML and its title.

    >>> html_text_lines("<p>一、总体要求</p><table><tr><td>序号</td><td>集群</td></tr></table>")
    (['一、总体要求', '序号 | 集群'], None)
    """
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    title = _collapse(builder.title).strip(" ") if builder.title else None
    return list(_Layout().lines(builder.root)), title or None


class _Layout:
    """Lays a tree out as lines: inline text gathers until a block boundary ends the line."""

    def __init__(self) -> None:
        self._inline: list[str] = []
        self._out: list[str] = []
        self._carried: dict[int, tuple[str, int]] = {}  # column -> (text, rows it still spans)

    def lines(self, element: _Element) -> Iterator[str]:
        self._walk(element)
        self._end_line()
        return iter(self._out)

    def _end_line(self) -> None:
        line = _collapse("".join(self._inline)).strip(" ")
        self._inline.clear()
        if line:
            self._out.append(line)

    def _walk(self, element: _Element) -> None:
        for child in element.children:
            if isinstance(child, str):
                self._inline.append(child)
            elif child.tag in _HIDDEN:
                continue
            elif child.tag == "table":
                self._end_line()
                self._table(child)
            elif child.tag == "pre":
                self._end_line()
                for line in _text_of(child).splitlines():
                    if line.strip():
                        self._out.append(line.rstrip())
            elif child.tag in _BLOCK:
                self._end_line()
                self._walk(child)
                self._end_line()
            else:
                self._walk(child)

    def _table(self, table: _Element) -> None:
        outer, self._carried = self._carried, {}
        self._rows(table)
        self._carried = outer

    def _rows(self, table: _Element) -> None:
        for part in table.children:
            if isinstance(part, str):
                continue
            if part.tag == "caption":
                self._walk(part)
                self._end_line()
            elif part.tag == "tr":
                self._row(part)
            elif part.tag in _ROW_GROUPS:
                for row in part.children:
                    if isinstance(row, _Element) and row.tag == "tr":
                        self._row(row)

    def _row(self, row: _Element) -> None:
        cells = [c for c in row.children if isinstance(c, _Element) and c.tag in {"td", "th"}]
        if not cells:
            return
        if (len(cells) == 1 and not self._carried) or any(_contains(c, "table") for c in cells):
            for cell in cells:
                self._walk(cell)
                self._end_line()
            return
        texts: list[str] = []
        pending = list(cells)
        while pending or any(col >= len(texts) for col in self._carried):
            col = len(texts)
            if col in self._carried:  # a cell of a row above spans this one
                text, rows = self._carried.pop(col)
                texts.append(text)
                if rows > 1:
                    self._carried[col] = (text, rows - 1)
                continue
            if not pending:
                texts.append("")
                continue
            cell = pending.pop(0)
            text = " ".join(_Layout().lines(cell))
            if cell.rowspan > 1:
                self._carried[col] = (text, cell.rowspan - 1)
            texts.append(text)
            for _ in range(cell.colspan - 1):
                if len(texts) in self._carried:
                    break  # a column span ends where a cell from a row above reaches in
                texts.append("")
        if any(texts):  # a row of empty cells is a spacer
            self._out.append(CELL_SEPARATOR.join(texts))


def _contains(element: _Element, tag: str) -> bool:
    return any(isinstance(c, _Element) and (c.tag == tag or _contains(c, tag)) for c in element.children)


def _text_of(element: _Element) -> str:
    return "".join(c if isinstance(c, str) else ("\n" if c.tag == "br" else _text_of(c)) for c in element.children)


def _collapse(text: str) -> str:
    """HTML white space: runs of ASCII white space become one space, and a line break between two
    Chinese characters disappears (CSS Text 3), since Word's HTML wraps long lines anywhere.

    No-break and full-width spaces are text and stay.
    """

    def space(m: re.Match[str]) -> str:
        if "\n" in m.group(0) or "\r" in m.group(0):
            before, after = text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1]
            if _WIDE.match(before) and _WIDE.match(after):
                return ""
        return " "

    return _ASCII_SPACE.sub(space, text)
