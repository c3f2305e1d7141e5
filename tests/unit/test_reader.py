"""read_plan on every form a plan arrives in: fixtures are written here, at test time, by code."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import docx
import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas
from sample_files import write_list_workbook

from clusterkg.errors import InputError
from clusterkg.loaders.extract.reader import read_document
from clusterkg.loaders.plan.document import PlanDocument, read_plan
from clusterkg.loaders.plan.pdf_lines import join_wrapped_lines

# Invented text in the genre; no sentence of a real plan.
PLAN_LINES = [
    "一、发展目标",
    "到2030年，培育装备制造、绿色食品两个千亿级产业集群。",
    "（一）装备制造产业集群。依托某某机械有限公司、某某重工股份有限公司，建设数控机床基地。",
    "序号 | 集群名称 | 承载园区",
    "1 | 某某装备制造产业集群 | 某某高新技术产业开发区",
    "2 | 某某绿色食品产业集群 | 某某经济技术开发区",
    "二、保障措施",
]


def texts(doc: PlanDocument) -> list[str]:
    for p in doc.paragraphs:
        assert doc.text[p.start : p.end] == p.text
    return [p.text for p in doc.paragraphs]


def test_gb18030_text_is_decoded_and_keeps_its_offsets(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes("\r\n".join(PLAN_LINES[:3]).encode("gb18030"))
    doc = read_plan(path)
    assert (doc.format, doc.encoding) == ("txt", "gb18030")
    assert texts(doc) == PLAN_LINES[:3]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_text_with_a_byte_order_mark_is_decoded_by_it(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\n\n".join(PLAN_LINES[:2]).encode(encoding))
    doc = read_plan(path)
    assert doc.encoding == encoding.removesuffix("-sig")
    assert doc.text == "\n\n".join(PLAN_LINES[:2])
    assert texts(doc) == PLAN_LINES[:2]


def test_bytes_that_read_as_gb18030_but_not_as_chinese_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes(b"plan \x81\x30\x81\x30\x81\x30\x81\x30")  # valid GB18030: four rare Latin letters
    with pytest.raises(InputError, match=r"odd.txt: not UTF-8 \(byte 5: .*not Chinese text"):
        read_plan(path)


def write_docx(path: Path) -> None:
    document = docx.Document()
    document.core_properties.title = "某某市产业集群发展规划"
    document.add_paragraph(PLAN_LINES[0])
    document.add_paragraph(PLAN_LINES[1])
    table = document.add_table(rows=4, cols=3)
    for r, row in enumerate(
        ["序号 | 集群名称 | 承载园区", "1 | 某某装备制造产业集群 | 某某高新区", "2 | 某某食品产业集群 | "]
    ):
        for c, text in enumerate(row.split(" | ")):
            table.cell(r, c).text = text
    merged = table.cell(2, 2).merge(table.cell(3, 2))  # one park serving rows 2 and 3 (vertical)
    merged.text = "某某经开区"
    table.cell(3, 0).text = "3"
    table.cell(3, 0).merge(table.cell(3, 1))  # horizontal: repeated per column by python-docx
    table.cell(1, 2).paragraphs[0].add_run().add_break()
    table.cell(1, 2).paragraphs[0].add_run("东区")
    inner = table.cell(1, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "龙头企业", "某某机械有限公司"
    document.add_paragraph(PLAN_LINES[6])
    document.save(str(path))


def test_docx_reads_paragraphs_and_table_rows_in_document_order(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    write_docx(path)
    doc = read_plan(path)
    assert (doc.format, doc.title) == ("docx", "某某市产业集群发展规划")
    assert texts(doc) == [
        "一、发展目标",
        PLAN_LINES[1],
        "序号 | 集群名称 | 承载园区",
        "1 | 某某装备制造产业集群 | 某某高新区 东区",
        "龙头企业 | 某某机械有限公司",  # the nested table, after the row that holds it
        "2 | 某某食品产业集群 | 某某经开区",
        "3 | 某某经开区",
        "二、保障措施",
    ]


HTML = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>某某市产业集群发展规划</title>
<style>p { text-indent: 2em }</style>
<script>var nav = "首页 > 政策文件";</script></head>
<body><nav><a href="/">首页</a></nav>
<table><tr><td>
<h2>一、发展目标</h2>
<p>\u3000\u3000到2030年，培育装备制造、
绿色食品两个千亿级产业集群。
<p>（一）装备制造产业集群。依托某某机械有限公司&amp;某某重工<br>建设数控机床基地。</p>
<table border="1">
<tr><th>序号</th><th>集群名称</th><th>承载园区</th></tr>
<tr><td>1<td>某某装备制造产业集群<td><p>某某高新区</p><p>东区</p>
<tr><td></td><td></td><td></td></tr>
</table>
<div>联系电话：0000-12345678&nbsp;</div>
<noscript>请启用脚本</noscript>
</td></tr></table>
</body></html>
"""


def test_html_reads_blocks_and_table_rows_and_drops_what_readers_never_see(tmp_path: Path) -> None:
    path = tmp_path / "plan.htm"
    path.write_bytes(HTML.encode("gb18030"))
    doc = read_plan(path)
    assert (doc.format, doc.title, doc.encoding) == ("html", "某某市产业集群发展规划", "gb18030")
    assert texts(doc) == [
        "一、发展目标",
        "\u3000\u3000到2030年，培育装备制造、绿色食品两个千亿级产业集群。",  # Word-style wrap removed
        "（一）装备制造产业集群。依托某某机械有限公司&某某重工",
        "建设数控机床基地。",
        "序号 | 集群名称 | 承载园区",
        "1 | 某某装备制造产业集群 | 某某高新区 东区",
        "联系电话：0000-12345678\u00a0",
    ]


def test_html_cells_spanning_rows_repeat_and_spanning_columns_keep_the_columns(tmp_path: Path) -> None:
    path = tmp_path / "list.html"
    path.write_text(
        "<table><tr><th>地市</th><th>集群名称</th><th>主导产业</th></tr>"
        '<tr><td rowspan="2">甲市</td><td>甲市乙县食品产业集群</td><td>食品</td></tr>'
        "<tr><td>甲市丙县汽车零部件产业集群</td><td>汽车</td></tr>"
        '<tr><td>丁市</td><td colspan="2">丁市戊区铝加工产业集群</td></tr>'
        '<tr><td rowspan="x">己市</td><td rowspan="99999">庚县纺织产业集群</td><td>纺织</td></tr>'
        '<tr><td colspan="3">合计4个</td></tr></table>'
        "<table><tr><td>下一表</td><td>不受上表影响</td></tr></table>",
        encoding="utf-8",
    )
    assert texts(read_plan(path)) == [
        "地市 | 集群名称 | 主导产业",
        "甲市 | 甲市乙县食品产业集群 | 食品",
        "甲市 | 甲市丙县汽车零部件产业集群 | 汽车",
        "丁市 | 丁市戊区铝加工产业集群 | ",
        "己市 | 庚县纺织产业集群 | 纺织",
        "合计4个 | 庚县纺织产业集群",  # a row span reaches in; the column span ends there
        "下一表 | 不受上表影响",  # a span never reaches past its table
    ]


def test_an_xlsx_list_reads_its_sheets_with_merged_cells_repeated(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    write_list_workbook(path)
    doc = read_plan(path)
    assert (doc.format, doc.title) == ("xlsx", "某省特色产业集群名单")
    assert texts(doc) == [
        "第一批名单",
        "某省第一批特色产业集群名单",
        "序号 | 地市 | 集群名称 | 2025年目标(亿元)",
        "1 | 洛阳市 | 洛阳市伊川县铝精深加工产业集群 | 150",
        "2 | 洛阳市 | 洛阳市偃师区三轮摩托车产业集群 | 120",
        "注：排名不分先后",
        "序号 | 地市 | 集群名称 | 2025年目标(亿元)",  # a sheet named by default opens with no name
        "3 | 许昌市 | 许昌市长葛市再生金属产业集群 | 200",
    ]


def test_a_damaged_workbook_or_another_zip_is_refused_by_name(tmp_path: Path) -> None:
    import zipfile

    broken, other = tmp_path / "broken.xlsx", tmp_path / "photos.docx"
    with zipfile.ZipFile(broken, "w") as z:
        z.writestr("xl/workbook.xml", "not a workbook")
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("a.jpg", "x")
    with pytest.raises(InputError, match=r"broken.xlsx: not a readable Excel \.xlsx workbook"):
        read_plan(broken)
    with pytest.raises(InputError, match=r"photos.docx: a zip archive that is neither a Word \.docx nor an Excel"):
        read_plan(other)


def write_pdf(path: Path, pages: list[list[str]]) -> None:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=(400, 300))
    for number, lines in enumerate(pages, start=1):
        c.setFont("STSong-Light", 12)
        c.drawCentredString(200, 15, str(number))  # in the bottom margin
        for i, line in enumerate(lines):
            c.drawString(20, 270 - 18 * i, line)
        c.showPage()
    c.save()


def test_pdf_joins_hard_wrapped_lines_and_drops_page_numbers(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    write_pdf(
        path,
        [
            [
                "一、发展目标",
                "到2030年，培育装备制造、绿色食品两个千亿",
                "级产业集群，打造一批特色园区。",
                "（一）装备制造产业集群。依托某某机械有限",
                "公司，建设数控机床基地，完善配套体系，到",
            ],
            [
                "2030年产值达到1000亿元。",
                "序号 集群名称 承载园区",
                "1",
                "2. 某某食品产业集群",
                "第3页",
            ],
        ],
    )
    doc = read_plan(path)
    assert doc.format == "pdf"
    assert texts(doc) == [
        "一、发展目标",
        "到2030年，培育装备制造、绿色食品两个千亿级产业集群，打造一批特色园区。",
        "（一）装备制造产业集群。依托某某机械有限公司，建设数控机床基地，完善配套体系，到2030年产值达到1000亿元。",
        "序号 集群名称 承载园区",
        "1",  # a row number inside the page, not a page number
        "2. 某某食品产业集群",
    ]


def test_wrapped_lines_are_not_joined_across_clause_ends_headings_or_short_lines() -> None:
    full = "依托某某机械有限公司，建设数控机床基地，完善"
    assert join_wrapped_lines([full, "配套体系。", "（二）绿色食品", "依托某某食品有限公司；", full, "① 某某园区"]) == [
        full + "配套体系。",
        "（二）绿色食品",  # short: a heading, not a wrapped line
        "依托某某食品有限公司；",
        full,
        "① 某某园区",
    ]


def test_pdf_without_a_text_layer_asks_for_ocr(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(50, 50, 200, 300, fill=1)  # what a scanned page holds: a picture, no text
    c.showPage()
    c.save()
    with pytest.raises(InputError, match="scan.pdf: the PDF has no text layer .*OCR"):
        read_plan(path)


def test_content_decides_when_the_suffix_lies(tmp_path: Path) -> None:
    pdf, page = tmp_path / "plan-pdf.txt", tmp_path / "plan-html.doc"
    write_pdf(pdf, [["一、发展目标"]])
    page.write_text("<html><body><p>一、发展目标</p></body></html>", encoding="utf-8")
    assert [(read_plan(p).format, texts(read_plan(p))) for p in (pdf, page)] == [
        ("pdf", ["一、发展目标"]),
        ("html", ["一、发展目标"]),
    ]


def test_unsupported_and_legacy_files_are_refused_by_name(tmp_path: Path) -> None:
    rtf, doc = tmp_path / "plan.rtf", tmp_path / "plan.doc"
    rtf.write_text("{\\rtf1 plan}", encoding="ascii")
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
    with pytest.raises(InputError, match=r"plan.rtf: cannot read a \.rtf file as a plan; supported: \.txt, \.docx"):
        read_plan(rtf)
    with pytest.raises(InputError, match=r"plan.doc: a legacy binary Office/WPS document .* save it as \.docx"):
        read_plan(doc)


def test_read_document_is_the_plan_reader() -> None:
    assert read_document is read_plan


def load_script() -> ModuleType:
    path = Path(__file__).parents[2] / "scripts" / "make_format_samples.py"
    spec = importlib.util.spec_from_file_location("make_format_samples", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def test_a_plan_reads_the_same_from_docx_html_and_pdf(tmp_path: Path) -> None:
    samples = load_script()
    plan = tmp_path / "own-plan.txt"
    plan.write_text("\n".join(PLAN_LINES) + "\n", encoding="utf-8")
    source = read_plan(plan)
    results = {}
    for out in samples.make_samples(plan, tmp_path / "formats"):
        copy = read_plan(out)
        texts(copy)
        r = samples.round_trip(source, copy)
        results[r.format] = (r.same_text, r.same_without_bars, r.paragraphs_kept)
    # A PDF keeps no table structure: its cells come back without their " | ".
    assert results == {"docx": (True, True, 7), "html": (True, True, 7), "pdf": (False, True, 4)}


def test_table_rows_of_one_width_are_rows_not_a_hard_wrapped_paragraph(tmp_path: Path) -> None:
    rows = [f"{i} | 某市某县第{i}号特色产业集群名称 | 某某经济技术开发区 | 1{i}0" for i in range(1, 9)]
    path = tmp_path / "list.txt"
    path.write_text("\n".join(["序号 | 集群名称 | 承载园区 | 目标", *rows]), encoding="utf-8")
    assert texts(read_plan(path)) == ["序号 | 集群名称 | 承载园区 | 目标", *rows]


def test_a_script_laid_out_a_phrase_a_line_has_its_broken_sentences_joined() -> None:
    from clusterkg.loaders.plan.document import split_paragraphs

    text = "十年来\n某经开区致力于打造\n高端汽车、生物医药、新一代信息技术\n三个千亿级产业集群\n2021年产值增长\n"
    assert [p.text.replace("\n", "|") for p in split_paragraphs(text)] == [
        "十年来",
        "某经开区致力于打造|高端汽车、生物医药、新一代信息技术|三个千亿级产业集群",
        "2021年产值增长",
    ]
    # a line that ends its sentence, or an item after it, stays apart
    assert len(split_paragraphs("推动发展。\n甲、乙\n（一）三个集群\n")) == 3
