"""A plan document read from disk, split into paragraphs with absolute character offsets.

Plans arrive as text (UTF-8, GB18030/GBK or UTF-16), Word .docx, HTML pages and PDFs with a text
layer. Each is read into lines (a table row is one line of cells joined by " | ") and the lines
joined with "\n" make ``PlanDocument.text``; for a .txt file the text is the file exactly as
decoded. Offsets index that text, so a span ``text[start:end]`` read back from the same file
quotes the sentence that states a fact. Nothing is normalised here: the extractor takes its own
NFKC copies.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from clusterkg.errors import InputError

from .decoding import bom_encoding, decode_plan_bytes
from .docx_lines import docx_lines
from .html_lines import html_lines
from .lines import DocumentLines
from .pdf_lines import pdf_lines
from .xlsx_lines import xlsx_lines

MAX_PLAN_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int  # 0-based among non-blank lines
    start: int  # offset of the first character of ``text`` in the document
    text: str  # the line without its line break; leading white space kept

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True, slots=True)
class PlanDocument:
    key: str  # file stem, e.g. "henan-2015-baiqianwan-clusters"
    path: Path
    text: str
    sha256: str
    paragraphs: tuple[Paragraph, ...]
    format: str = "txt"  # what the content was read as: txt, docx, html or pdf
    title: str | None = None  # the HTML <title>, the .docx or PDF document title
    encoding: str | None = None  # for txt and html, the encoding the bytes were decoded with

    def quote(self, start: int, end: int) -> str:
        """The document text between two absolute offsets."""
        return self.text[start:end]


_LINE = re.compile(r"[^\r\n]*")

_READERS: dict[str, Callable[[bytes, Path], DocumentLines]] = {
    "docx": docx_lines,
    "html": html_lines,
    "pdf": pdf_lines,
    "xlsx": xlsx_lines,
}
SUFFIX_FORMATS = {".txt": "txt", ".docx": "docx", ".html": "html", ".htm": "html", ".pdf": "pdf", ".xlsx": "xlsx"}
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_START = re.compile(
    rb"\s*(<!--.*?-->\s*)*(<\?xml[^>]*>\s*)?<(!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE | re.DOTALL
)


def read_plan(path: str | Path) -> PlanDocument:
    """Read a plan file (.txt, .docx, .html/.htm, .pdf or .xlsx) and split it into non-blank paragraphs.

    The format is read from the content when the suffix lies (a PDF or .docx named .txt, a web
    page saved as .doc), else from the suffix.

    >>> doc = read_plan("../shared/plans/henan-2015-baiqianwan-clusters.txt")  # doctest: +SKIP
    >>> (doc.format, doc.paragraphs[0].index)  # doctest: +SKIP
    ('txt', 0)
    """
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such plan file")
    if not p.is_file():
        raise InputError(f"{p}: not a file")
    raw = p.read_bytes()
    if len(raw) > MAX_PLAN_BYTES:
        raise InputError(f"{p}: {len(raw)} bytes is over the {MAX_PLAN_BYTES}-byte limit for a plan")
    if not raw.strip():
        raise InputError(f"{p}: the file is empty")
    fmt = sniff_format(raw, p) or SUFFIX_FORMATS.get(p.suffix.lower())
    if fmt is None:
        supported = ", ".join(SUFFIX_FORMATS)
        raise InputError(f"{p}: cannot read a {p.suffix or 'suffix-less'} file as a plan; supported: {supported}")
    encoding: str | None = None
    title: str | None = None
    if fmt == "txt":
        text, encoding = _decode_txt(raw, p)
    else:
        read = _READERS[fmt](raw, p)
        title, encoding = read.title, read.encoding
        # A reader's line may hold a break of its own (a soft break in a .docx paragraph).
        text = "\n".join(part for line in read.lines for part in line.splitlines())
    # a spreadsheet's lines are its rows and notes: nothing in it is wrapped text
    paragraphs = split_paragraphs(text, rejoin=fmt != "xlsx")
    if not paragraphs:
        raise InputError(f"{p}: no text in the {fmt} document")
    return PlanDocument(
        key=p.stem,
        path=p,
        text=text,
        sha256=hashlib.sha256(raw).hexdigest(),
        paragraphs=paragraphs,
        format=fmt,
        title=title,
        encoding=encoding,
    )


def split_paragraphs(text: str, *, rejoin: bool = True) -> tuple[Paragraph, ...]:
    """The non-blank lines of ``text`` with their offsets (with ``rejoin``, a hard-wrapped or
    phone-layout text has the lines of each paragraph joined; a table row is never joined).

    >>> split_paragraphs("一、总体要求\\n\\n（一）发展目标")
    (Paragraph(index=0, start=0, text='一、总体要求'), Paragraph(index=1, start=8, text='（一）发展目标'))
    """
    lines = [(m.start(), m.group(0)) for m in _LINE.finditer(text) if m.group(0).strip(" \t\u3000")]
    width = wrap_width([line for _, line in lines]) if rejoin else 0
    broken = rejoin and broken_lines([line for _, line in lines])
    paragraphs: list[Paragraph] = []
    k = 0
    while k < len(lines):
        start, line = lines[k]
        end = start + len(line)
        # a hard-wrapped text (a PDF's text layer, a mail at 76 columns): a full line that does not
        # end its sentence goes on in the next line, unless that one starts a heading or an item;
        # a phone-layout text (short lines cut anywhere) goes on where a line stops mid-sentence
        while (
            k + 1 < len(lines)
            and not (_ROW.search(lines[k][1]) or _ROW.search(lines[k + 1][1]))
            and (
                (width and _runs_on(lines[k][1], lines[k + 1][1], width))
                or (broken and _breaks_off(lines[k][1], lines[k + 1][1]))
                or _awaits(lines[k][1], lines[k + 1][1])
            )
        ):
            k += 1
            end = lines[k][0] + len(lines[k][1])
        paragraphs.append(Paragraph(len(paragraphs), start, text[start:end]))
        k += 1
    return tuple(paragraphs)


# a table row as readers write it (cells joined by " | " or tabs): a line of its own, never wrapped
_ROW = re.compile(r" \| |\t\S[^\t]*\t")
_SENTENCE_END = '。！？；：!?;:”"）)】》'
_ITEM_START = re.compile(
    r"^\s*(?:第[一二三四五六七八九十百]+[章节条部分]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、．]|[①-⑳]|附件|附表)"
)


def wrap_width(lines: list[str]) -> int:
    """The column at which a text is hard-wrapped, or 0 when its lines are its paragraphs.

    A wrapped text has many lines of (nearly) the same full length that stop mid-sentence; a
    text of one paragraph a line has lengths spread as its paragraphs are.

    >>> wrap_width(["一二三四五六七八九十" * 3] * 8 + ["短句。"])
    30
    >>> wrap_width(["一、总体要求", "培育千亿级产业集群。", "二、重点任务"])
    0
    """
    sizes = [len(line.rstrip()) for line in lines if len(line.strip()) >= 12]
    if len(sizes) < 6:
        return 0
    width = sorted(sizes)[int(len(sizes) * 0.9)]
    full = [
        line
        for line in lines
        if width - 3 <= len(line.rstrip()) <= width and not line.rstrip().endswith(tuple(_SENTENCE_END))
    ]
    return width if width <= 120 and len(full) >= 0.4 * len(sizes) else 0


_MID_SENTENCE = (",", "、", "，", "(", "（", "“")
_NAME_END = re.compile(r"(?:集群|基地|园区?|[区县市])\)?$")


def broken_lines(lines: list[str]) -> bool:
    """Whether a text is laid out for a phone: many short lines that stop mid-sentence (a WeChat item
    copied from the page), so that its sentences have to be put back together.

    >>> broken_lines(["日前,", "广东首批中小企业", "名单出炉,", "肇庆3个入选!", "相继引进甲、乙", "两大龙头企业,"])
    True
    >>> broken_lines(["一、总体要求", "培育千亿级产业集群。", "二、重点任务", "做强汽车产业集群。"])
    False
    """
    bodies = [line.strip() for line in lines if line.strip()]
    if len(bodies) < 6:
        return False
    cut = [b for b in bodies if len(b) < 30 and b.endswith(_MID_SENTENCE)]
    return len(cut) >= 0.15 * len(bodies) and sum(len(b) < 30 for b in bodies) >= 0.6 * len(bodies)


def _breaks_off(line: str, following: str) -> bool:
    """In a phone-layout text: ``line`` stops mid-sentence and ``following`` goes on with it."""
    body, nxt = line.strip(), following.strip()
    if _ITEM_START.match(nxt) or nxt.startswith(("△", "【", "—")):
        return False
    if body.endswith(_MID_SENTENCE):
        return True
    # no punctuation at all: it goes on when the next line is short and ends a clause, and this
    # line does not end a name standing alone (a cluster's name is a heading there)
    return (
        not body.endswith(tuple(_SENTENCE_END) + ("…", "!", "!", "。"))
        and not _NAME_END.search(body)
        and len(body) < 30
        and len(nxt) < 30
        and nxt.endswith(_MID_SENTENCE + tuple(_SENTENCE_END))
    )


# a line of a script laid out a phrase a line (no punctuation at all) that cannot end where it does:
# a verb still waiting for its object, or a list whose shared count and ending come on the next line
_AWAITING_VERB = re.compile(r"(?:打造|培育|建设|形成|发展|壮大|做强|聚焦|致力于|围绕|依托)$")
_COUNTED_ENDING = re.compile(r"^[\d一二三四五六七八九十两]+(?:个|大)[^,。;,；]{0,8}?(?:产业集群|集群|产业基地)")


def _awaits(line: str, following: str) -> bool:
    """``line`` (short, with no punctuation) goes on in ``following``: 某区致力于打造 / A、B、C /
    四个千亿级产业集群 is one sentence a script broke into phrases."""
    body, nxt = line.strip(), following.strip()
    if len(body) >= 40 or re.search(r"[。；;!?！？:：,，]", body) or _ITEM_START.match(nxt):
        return False
    return bool(_AWAITING_VERB.search(body) and "、" in nxt) or bool("、" in body and _COUNTED_ENDING.match(nxt))


def _runs_on(line: str, following: str, width: int) -> bool:
    body = line.rstrip()
    return len(body) >= width - 3 and not body.endswith(tuple(_SENTENCE_END)) and not _ITEM_START.match(following)


def sniff_format(raw: bytes, path: Path) -> str | None:
    """The format the bytes are in, when their first bytes say so; None for plain text.

    A legacy binary Word or WPS file is refused here, since no reader can take it.
    """
    if raw[:1024].lstrip().startswith(b"%PDF-"):
        return "pdf"
    if raw.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as z:
                names = z.namelist()
        except zipfile.BadZipFile:
            return None
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
        raise InputError(f"{path}: a zip archive that is neither a Word .docx nor an Excel .xlsx plan")
    if raw.startswith(_OLE2):
        raise InputError(
            f"{path}: a legacy binary Office/WPS document (.doc/.xls/.wps); save it as .docx, .xlsx or PDF first"
        )
    head = raw[:2048]
    bom = bom_encoding(head)
    if bom is not None and bom != "utf-8-sig":
        head = head.decode(bom, errors="ignore").encode("utf-8")
    elif bom is not None:
        head = head[3:]
    if _HTML_START.match(head):
        return "html"
    return None


def _decode_txt(raw: bytes, p: Path) -> tuple[str, str]:
    bom = bom_encoding(raw)
    if bom in {"utf-16", "utf-32"}:
        text, encoding = decode_plan_bytes(raw, p)
        if "\x00" in text:
            raise InputError(f"{p}: binary data (NUL characters), not a plan text")
        return text, encoding
    if b"\x00" in raw:
        raise InputError(f"{p}: binary data (NUL bytes), not a plan text")
    return decode_plan_bytes(raw, p)
