"""The layout of a plan: header lines, numbered sections, sentences and clauses.

Plans of this genre number top-level sections ``一、总体要求`` and sub-sections
``（一）电子信息产业。…`` (the heading is the text up to the first 。).  A fact is
quoted by the sentence that states it; sentences end at 。 or ；, clauses at ，.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clusterkg.errors import InputError
from clusterkg.graph.model import Span
from clusterkg.text import clean_text, normalise_name

from .document import Paragraph, PlanDocument
from .numbers import to_yi

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SECTION = re.compile(r"^[\s\u3000]*([一二三四五六七八九十]+)、(.+?)[\s\u3000]*$")
_SUBSECTION = re.compile(r"^[\s\u3000]*[（(]([一二三四五六七八九十]+)[）)]([^。]{1,40})。")
_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
_TITLE_END = re.compile(r"(计划|规划|方案|意见|纲要|办法|通知)$")
_ISSUER_END = re.compile(r"(办公厅|人民政府|委员会|办公室)$")
_SENTENCE_END = "。；;"
_AMOUNT = re.compile(r"(\d+(?:\.\d+)?(?:万亿|亿)元)")
_YEAR = re.compile(r"到(\d{4})年")


def cn_number(text: str) -> int:
    """Value of a Chinese numeral up to 99, as used in section numbers.

    >>> cn_number("十三"), cn_number("二十")
    (13, 20)
    """
    if text == "十":
        return 10
    if "十" in text:
        tens, _, units = text.partition("十")
        return _CN_DIGITS.get(tens, 1) * 10 + (_CN_DIGITS[units] if units else 0)
    return _CN_DIGITS[text]


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of one paragraph with absolute offsets into the document text."""

    paragraph: Paragraph
    start: int
    end: int
    text: str  # exactly document.text[start:end]

    def span(self, document: str) -> Span:
        return Span(document, self.paragraph.index, self.start, self.end)

    def clauses(self) -> list[str]:
        """Normalised clauses of the sentence (split at ，), terminator dropped."""
        body = self.text.rstrip(_SENTENCE_END)
        return [c for c in (normalise_name(x) for x in re.split(r"[，,]", body)) if c]


def sentences(paragraph: Paragraph) -> list[Sentence]:
    """Split a paragraph at 。 and ；, keeping each terminator, trimming white space."""
    out: list[Sentence] = []
    text = paragraph.text
    for m in re.finditer(rf"[^{_SENTENCE_END}]*[{_SENTENCE_END}]?", text):
        if not m.group(0):
            continue
        raw = m.group(0)
        lead = len(raw) - len(raw.lstrip(" \t\u3000"))
        body = raw.strip(" \t\u3000")
        if body:
            start = paragraph.start + m.start() + lead
            out.append(Sentence(paragraph, start, start + len(body), body))
    return out


@dataclass(frozen=True, slots=True)
class Subsection:
    section_no: int
    section_title: str
    number: int
    heading: str  # normalised, e.g. "电子信息产业"
    paragraph: Paragraph
    heading_sentence: Sentence


@dataclass(frozen=True, slots=True)
class Header:
    title: str | None
    issuer: str | None
    date: str | None  # ISO 8601


def header(doc: PlanDocument) -> Header:
    """Title, issuer and date from the lines before the first numbered section."""
    title = issuer = date = None
    for p in doc.paragraphs:
        if _SECTION.match(p.text):
            break
        line = normalise_name(p.text)
        if re.search(r"[。，,：:；]", line):
            continue
        if date is None and (m := _DATE.match(line)):
            y, mo, d = (int(g) for g in m.groups())
            date = f"{y:04d}-{mo:02d}-{d:02d}"
        elif issuer is None and _ISSUER_END.search(line) and len(line) <= 30:
            issuer = clean_text(p.text)
        elif title is None and _TITLE_END.search(line) and len(line) <= 60:
            title = clean_text(p.text)
    return Header(title, issuer, date)


def subsections(doc: PlanDocument) -> list[Subsection]:
    """Every ``（n）heading。`` paragraph, with the top-level section it sits in."""
    out: list[Subsection] = []
    sec_no, sec_title = 0, ""
    for p in doc.paragraphs:
        if m := _SECTION.match(p.text):
            sec_no, sec_title = cn_number(m.group(1)), normalise_name(m.group(2))
            continue
        if sec_no and (m := _SUBSECTION.match(p.text)):
            first = sentences(p)[0]
            out.append(Subsection(sec_no, sec_title, cn_number(m.group(1)), normalise_name(m.group(2)), p, first))
    return out


@dataclass(frozen=True, slots=True)
class SectorHeading:
    number: int  # 1-based within the sector section
    name: str  # heading without the trailing 产业
    subsection: Subsection


def sector_headings(doc: PlanDocument) -> list[SectorHeading]:
    """Sub-sections of the section whose sub-headings name industries (…产业).

    The sector section is the first top-level section in which at least two
    sub-headings end with 产业; plans vary in what they call it (发展重点, 重点产业 …).
    """
    subs = subsections(doc)
    by_section: dict[int, list[Subsection]] = {}
    for s in subs:
        by_section.setdefault(s.section_no, []).append(s)
    for sec_no in sorted(by_section):
        items = by_section[sec_no]
        if sum(s.heading.endswith("产业") for s in items) >= 2:
            numbers = [s.number for s in items]
            if numbers != list(range(1, len(items) + 1)):
                p = items[0].paragraph
                raise InputError(
                    f"{doc.path}: paragraph {p.index}: sector sub-sections are numbered {numbers}, "
                    "expected 1..n in order"
                )
            return [SectorHeading(s.number, s.heading.removesuffix("产业") or s.heading, s) for s in items]
    return []


@dataclass(frozen=True, slots=True)
class SectorGoal:
    sector: str
    goal_yi: float
    goal_year: int | None
    sentence: Sentence


def goals_subsection(doc: PlanDocument, sector_section: int | None) -> Subsection | None:
    """The sub-section before the sector section whose heading mentions targets (目标)."""
    for s in subsections(doc):
        if "目标" in s.heading and (sector_section is None or s.section_no < sector_section):
            return s
    return None


def sector_goals(doc: PlanDocument, goals: Subsection, sectors: list[str]) -> tuple[list[SectorGoal], int | None]:
    """Sector revenue goals stated in the goals paragraph, and the paragraph's target year.

    A clause naming sectors and one amount gives that amount to each (…均突破1.2万亿元,
    …分别达到4000亿元); a clause with as many amounts as sectors pairs them in order.
    """
    by_length = sorted(sectors, key=len, reverse=True)
    out: list[SectorGoal] = []
    year_m = _YEAR.search(normalise_name(goals.paragraph.text))
    year = int(year_m.group(1)) if year_m else None
    for sent in sentences(goals.paragraph):
        for clause in sent.clauses():
            amounts = _AMOUNT.findall(clause)
            if not amounts:
                continue
            named: list[tuple[int, str]] = []
            taken = [False] * len(clause)
            for name in by_length:
                for m in re.finditer(re.escape(name), clause):
                    if not any(taken[m.start() : m.end()]):
                        named.append((m.start(), name))
                        for k in range(m.start(), m.end()):
                            taken[k] = True
            if not named:
                continue
            names = [n for _, n in sorted(named)]
            try:
                values = [to_yi(a) for a in amounts]
            except InputError as exc:
                raise InputError(f"{doc.path}: paragraph {goals.paragraph.index}: {exc}") from None
            if len(values) == 1:
                values = values * len(names)
            elif len(values) != len(names):
                raise InputError(
                    f"{doc.path}: paragraph {goals.paragraph.index}: {len(names)} sectors but "
                    f"{len(values)} amounts in {clause!r}"
                )
            out.extend(SectorGoal(n, v, year, sent) for n, v in zip(names, values, strict=True))
    return out, year
