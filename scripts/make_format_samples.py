"""Convert a .txt plan into .docx, .html and .pdf versions of itself, and check each reads back the same.

    .venv/bin/python scripts/make_format_samples.py PLAN.txt OUTDIR

Each non-blank line becomes a paragraph; a run of lines holding a tab or " | " becomes a table,
one row per line. The PDF is set by reportlab in its built-in CID font STSong-Light (no font file
needed), with "- N -" page numbers, so reading it back exercises line joining and page-number
dropping. After writing, ``read_plan`` reads every version and the script prints whether the
normalised text (NFKC, white space removed) of each equals that of the .txt, and how many of the
.txt's paragraphs come back as a paragraph of their own. The outputs hold plan text: keep them out
of the repository.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from clusterkg.loaders.plan.document import PlanDocument, read_plan

Block = str | list[list[str]]  # a paragraph, or a table's rows of cells


def blocks(doc: PlanDocument) -> list[Block]:
    """The plan's paragraphs, with runs of table-row lines gathered into tables."""
    out: list[Block] = []
    for p in doc.paragraphs:
        line = p.text
        if "\t" in line or " | " in line:
            cells = line.split("\t") if "\t" in line else [c.strip() for c in line.split("|")]
            if out and isinstance(out[-1], list):
                out[-1].append(cells)
            else:
                out.append([cells])
        else:
            out.append(line)
    return out


def write_docx(parts: list[Block], path: Path, title: str) -> None:
    import docx

    document = docx.Document()
    document.core_properties.title = title
    for part in parts:
        if isinstance(part, str):
            document.add_paragraph(part)
            continue
        width = max(len(row) for row in part)
        table = document.add_table(rows=len(part), cols=width)
        for r, row in enumerate(part):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
            if len(row) < width:  # a short row's last cell spans the rest, as a merged cell
                table.cell(r, len(row) - 1).merge(table.cell(r, width - 1))
                table.cell(r, len(row) - 1).text = row[-1]
    document.save(str(path))


def write_html(parts: list[Block], path: Path, title: str) -> None:
    body: list[str] = []
    for part in parts:
        if isinstance(part, str):
            body.append(f"<p>{html.escape(part)}</p>")
            continue
        body.append("<table border=1>")
        for row in part:
            cells = "".join(f"<td>{html.escape(c)}</td>" for c in row)
            body.append(f"  <tr>{cells}</tr>")
        body.append("</table>")
    page = (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n<style>p {{ text-indent: 2em }}</style>\n"
        '<script>console.log("not plan text")</script>\n</head>\n<body>\n' + "\n".join(body) + "\n</body>\n</html>\n"
    )
    path.write_text(page, encoding="utf-8")


def write_pdf(parts: list[Block], path: Path, title: str) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import (
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=11, leading=17, wordWrap="CJK")
    cell = ParagraphStyle("cell", parent=body, fontSize=9, leading=12)
    story: list[Any] = []
    for part in parts:
        if isinstance(part, str):
            story.append(Paragraph(escape(part), body))
            story.append(Spacer(1, 2 * mm))
            continue
        width = max(len(row) for row in part)
        data = [[Paragraph(escape(c), cell) for c in row] + [""] * (width - len(row)) for row in part]
        table = Table(data, colWidths=[(A4[0] - 40 * mm) / width] * width)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story.append(table)
        story.append(Spacer(1, 2 * mm))

    def page_number(canvas: Any, doc: Any) -> None:
        canvas.setFont("STSong-Light", 9)
        canvas.drawCentredString(A4[0] / 2, 12 * mm, f"- {doc.page} -")

    pdf = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, title=title)
    pdf.build(story, onFirstPage=page_number, onLaterPages=page_number)


def normalised(doc: PlanDocument) -> str:
    """The document's paragraphs joined, NFKC-normalised, white space removed."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", "".join(p.text for p in doc.paragraphs)))


@dataclass(frozen=True, slots=True)
class RoundTrip:
    format: str
    same_text: bool  # the normalised text equals the .txt's
    same_without_bars: bool  # equal once cell separators are ignored too
    first_difference: int | None  # offset into the normalised texts
    paragraphs_kept: int  # the .txt's paragraphs found as a paragraph of their own
    paragraphs: int  # how many paragraphs the version has


def round_trip(source: PlanDocument, copy: PlanDocument) -> RoundTrip:
    a, b = normalised(source), normalised(copy)
    first = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), None)
    if first is None and len(a) != len(b):
        first = min(len(a), len(b))

    def key(text: str) -> str:
        return re.sub(r"[\s|]+", "", unicodedata.normalize("NFKC", text))

    copy_keys = {key(p.text) for p in copy.paragraphs}
    return RoundTrip(
        format=copy.format,
        same_text=a == b,
        same_without_bars=a.replace("|", "") == b.replace("|", ""),
        first_difference=first,
        paragraphs_kept=sum(1 for p in source.paragraphs if key(p.text) in copy_keys),
        paragraphs=len(copy.paragraphs),
    )


def make_samples(plan: Path, outdir: Path) -> list[Path]:
    """Write PLAN's .docx, .html and .pdf versions into OUTDIR; the paths written."""
    doc = read_plan(plan)
    parts = blocks(doc)
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for suffix, write in ((".docx", write_docx), (".html", write_html), (".pdf", write_pdf)):
        out = outdir / f"{plan.stem}{suffix}"
        write(parts, out, doc.title or plan.stem)
        written.append(out)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("plans", nargs="+", type=Path, help="one or more .txt plans")
    parser.add_argument("outdir", type=Path)
    args = parser.parse_args(argv)
    status = 0
    for plan in args.plans:
        source = read_plan(plan)
        for out in make_samples(plan, args.outdir):
            r = round_trip(source, read_plan(out))
            verdict = (
                "same text" if r.same_text else ("same but for cell separators" if r.same_without_bars else "DIFFERS")
            )
            where = "" if r.same_text else f" (first difference at normalised offset {r.first_difference})"
            print(
                f"{plan.name} → {r.format:4}: {verdict}{where}; "
                f"{r.paragraphs_kept}/{len(source.paragraphs)} paragraphs kept whole, {r.paragraphs} read"
            )
            if not r.same_without_bars:
                status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
