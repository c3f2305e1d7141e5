"""The Word briefing of a cluster (python-docx): something to hand over the next morning.

Sections: overview (level, target, actuals when loaded), places and zones, the 上中下游 chain
diagram, the gap table, the 引进指导目录 with the top candidates per gap segment, and the sources
(every stated fact beside the plan's own sentence, read from the plan file at run time).

The chain diagram is drawn natively as a Word table, one column per stage and cells shaded by flag:
python-docx cannot embed SVG, and rendering it to PNG needs a Chinese font, which this machine (and
many intranet servers) does not have; a table also stays editable and prints sharply.  For the
same reason the map is a text-free PNG of the counties (api/briefing_map.py), its legend a table.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from neo4j import Driver

from clusterkg.errors import ClusterKGError
from clusterkg.graph.model import Label
from clusterkg.queries.registry import QueryRegistry
from clusterkg.queries.run import run_named
from clusterkg.settings import Settings

from .briefing_map import cluster_map_view, map_png
from .chain_diagram import FLAG_COLOURS, STAGES, feed_pairs, stage_table
from .gaps_view import DEFAULT_WEAK_REVENUE_WAN, candidates_for
from .maps import MapView
from .provenance import sources
from .routes_chain import chain_data

#: Fonts Word and WPS both know; the east-Asian one is what renders the Chinese.
EAST_ASIA_FONT = "宋体"
HEADING_FONT = "微软雅黑"
LATIN_FONT = "Times New Roman"
TOP_CANDIDATES = 5
TOP_ZONES = 3


def _fonts(style: Any, latin: str, east_asia: str) -> None:
    style.font.name = latin
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi"):
        fonts.set(qn(attr), latin)
    fonts.set(qn("w:eastAsia"), east_asia)


def _new_document() -> DocumentObject:
    doc = Document()
    for style in doc.styles:
        if style.type == 1 or style.name.startswith("Table"):  # paragraph styles and table styles
            east = HEADING_FONT if style.name.startswith(("Heading", "Title")) else EAST_ASIA_FONT
            _fonts(style, LATIN_FONT if east == EAST_ASIA_FONT else "Arial", east)
    doc.styles["Normal"].font.size = Pt(10.5)
    # Document defaults too, so text with no style (table cells in some readers) stays Chinese.
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
        if rpr is not None:
            fonts = rpr.find(qn("w:rFonts"))
            if fonts is None:
                fonts = OxmlElement("w:rFonts")
                rpr.insert(0, fonts)
            fonts.set(qn("w:eastAsia"), EAST_ASIA_FONT)
    doc.core_properties.language = "zh-CN"
    return doc


def _styled(doc: DocumentObject, text: str, style_id: str) -> Paragraph:
    """A paragraph of a built-in style, set by id: python-docx looks a style name up by scanning
    every style, which made those look-ups most of the rendering time."""
    p = doc.add_paragraph(text)
    p._p.get_or_add_pPr().get_or_add_pStyle().val = style_id
    return p


def _heading(doc: DocumentObject, text: str, level: int) -> Paragraph:
    return _styled(doc, text, "Title" if level == 0 else f"Heading{level}")


def _grid(table: Table) -> None:
    tbl_pr = table._tbl.tblPr
    assert tbl_pr is not None
    tbl_pr.style = "TableGrid"


def _shade(cell: _Cell, colour: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), colour.lstrip("#").upper())
    cell._tc.get_or_add_tcPr().append(shd)


def _table(doc: DocumentObject, header: Sequence[str], rows: Iterable[Sequence[object]]) -> Table:
    table: Table = doc.add_table(rows=1, cols=len(header))
    _grid(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
        _shade(cell, "#eeeeee")
    for row in rows:
        cells = table.add_row().cells  # type: ignore[no-untyped-call]
        for cell, value in zip(cells, row, strict=True):
            cell.text = "" if value is None else str(value)
    return table


def _money(value: float | None) -> str:
    return "—" if value is None else f"{value:,.0f}"


def _dash(value: object) -> str:
    return "—" if value in (None, "") else str(value)


def gather(
    driver: Driver,
    settings: Settings,
    registry: QueryRegistry,
    key: str,
    weak_revenue_wan: float = DEFAULT_WEAK_REVENUE_WAN,
) -> dict[str, Any]:
    """Everything the briefing shows; raises NotFoundError for an unknown cluster.

    Fixed queries: the gap report (2), chain links, detail, timeline and sources; then the
    candidates of every 缺链/弱链 segment through the gap module's ``candidates_for`` (two).
    """
    report, view = chain_data(driver, settings, registry, key, weak_revenue_wan, firm_limit=5)
    detail = run_named(driver, settings, "cluster_detail", {"key": key, "limit": 1}, registry=registry)[0]
    timeline = run_named(driver, settings, "cluster_timeline", {"key": key, "limit": 1}, registry=registry)
    gaps = [s["segment"]["key"] for s in report["segments"] if s["flag"] != "强链"]
    # The gap module ranks the candidates of all gap segments in two queries.
    candidates = candidates_for(driver, settings, registry, key, gaps, per_segment=TOP_CANDIDATES, zone_limit=TOP_ZONES)
    return {
        "detail": detail,
        "actuals": timeline[0]["actuals"] if timeline else [],
        "report": report,
        "view": view,
        "candidates": candidates,
        "sources": sources(driver, settings, Label.CLUSTER, key, limit=200),
        "map": _map(driver, settings, registry, key),
    }


def _map(driver: Driver, settings: Settings, registry: QueryRegistry, key: str) -> tuple[MapView, bytes] | None:
    """The cluster's map and its PNG, or None when no loaded province has boundaries."""
    try:
        view = cluster_map_view(driver, settings, registry, key)
    except ClusterKGError:
        return None
    return view, map_png(view)


def _target(detail: Mapping[str, Any]) -> str:
    if detail.get("target_yi") is None:
        return "—"
    year = f"（{detail['target_year']} 年）" if detail.get("target_year") else ""
    return f"{detail['target_yi']:g} 亿元{year}"


def render_briefing(data: Mapping[str, Any]) -> bytes:
    """The gathered data as a .docx file's bytes."""
    detail, report, view = data["detail"], data["report"], data["view"]
    doc = _new_document()
    _heading(doc, str(detail["name"]), 0)
    doc.add_paragraph("产业集群招商工作简报")

    _heading(doc, "一、概况", 1)
    sector = detail.get("sector") or {}
    overview = [
        ("级别", _dash(detail.get("level"))),
        ("产业领域", _dash(sector.get("name"))),
        ("规划目标", _target(detail)),
        ("附表序号", _dash(detail.get("appendix_no"))),
        ("龙头企业", "、".join(f["name"] for f in detail.get("firms") or []) or "—"),
        ("关联集群", "、".join(c["name"] for c in detail.get("linked") or []) or "—"),
    ]
    actuals = data.get("actuals") or []
    overview.append(
        (
            "实际营业收入",
            "；".join(f"{a['year']} 年 {a['revenue_yi']:g} 亿元" for a in actuals) if actuals else "尚未加载实际数据",
        )
    )
    _table(doc, ("项目", "内容"), overview)

    _heading(doc, "二、所在地与产业集聚区", 1)
    _table(
        doc,
        ("类别", "名称"),
        [("县（市、区）" if p.get("label") == "County" else "市", p["name"]) for p in detail.get("places") or []]
        + [("产业集聚区", z["name"]) for z in detail.get("zones") or []],
    )
    if data.get("map") is None:
        doc.add_paragraph("没有可用的省界数据，本简报不含地图。")
    else:
        map_view, png = data["map"]
        doc.add_picture(io.BytesIO(png), width=Inches(6.0))
        doc.add_paragraph(
            f"图：{map_view.title}（{map_view.province_name}，县级）。图中不含文字，图例如下；红点为服务该集群的产业集聚区。"
        )
        legend = _table(doc, ("图例", "含义"), [("", c.label) for c in map_view.legend] + [("●", "产业集聚区")])
        for row, c in zip(legend.rows[1:], map_view.legend, strict=False):
            _shade(row.cells[0], c.fill)

    _heading(doc, "三、上中下游产业链图", 1)
    doc.add_paragraph(
        "各环节按上游、中游、下游排列，底色表示判断："
        + "、".join(
            f"{flag}（{'绿' if flag == '强链' else '黄' if flag == '弱链' else '红'}）" for flag in FLAG_COLOURS
        )
        + "；括号内为本地企业数与营业收入（万元）。"
    )
    for chain_name, columns in stage_table(view):
        _heading(doc, chain_name, 2)
        depth = max((len(c) for c in columns), default=0)
        table = doc.add_table(rows=1 + depth, cols=len(STAGES))
        _grid(table)
        for i, stage in enumerate(STAGES):
            table.rows[0].cells[i].text = stage
            _shade(table.rows[0].cells[i], "#eeeeee")
            for j, box in enumerate(columns[i]):
                cell = table.rows[1 + j].cells[i]
                cell.text = f"{box.name}（{box.flag}）\n{box.firm_count} 家 · {_money(box.revenue_wan)} 万元"
                _shade(cell, box.fill)
    pairs = feed_pairs(view)
    if pairs:
        doc.add_paragraph("配套关系：" + "；".join(f"{a} → {b}" for a, b in pairs) + "。")
    if view.edges:
        doc.add_paragraph(
            "跨链配套："
            + "；".join(
                f"{'供给' if e.outgoing else '来自'}{e.chain_name}·{e.other_name}"
                + (f"（{'、'.join(e.clusters)}）" if e.clusters else "")
                for e in view.edges
            )
            + "。"
        )

    _heading(doc, "四、补链分析", 1)
    counts = report["counts"]
    doc.add_paragraph(
        f"强链 {counts['强链']} 个、弱链 {counts['弱链']} 个、缺链 {counts['缺链']} 个环节，补链优先 {counts['补链']} 个。"
        f"弱链：本地仅一家企业，或本地营业收入低于 {_money(report['weak_revenue_wan'])} 万元。"
    )
    gap_table = _table(
        doc,
        ("产业链", "环节", "位置", "判断", "本地企业", "营业收入（万元）", "链主企业"),
        [
            (
                s["chain"]["name"],
                s["segment"]["name"],
                s["segment"]["stage"],
                s["flag"] + ("・补链优先" if s.get("priority") else ""),
                s["firm_count"],
                _money(s["revenue_wan"]),
                "、".join(x["name"] for x in s["leaders"]) or "—",
            )
            for s in report["segments"]
        ],
    )
    for row, s in zip(gap_table.rows[1:], report["segments"], strict=True):
        _shade(row.cells[3], FLAG_COLOURS.get(s["flag"], "#ffffff"))

    _heading(doc, "五、引进指导目录", 1)
    gaps = [s for s in report["segments"] if s["flag"] != "强链"]
    if not gaps:
        doc.add_paragraph("所有环节均为强链，暂无需补链的环节。")
    rows = []
    for s in gaps:
        found = data["candidates"].get(s["segment"]["key"]) or {"firms": [], "zones": []}
        firms = (
            "\n".join(
                f"{f['name']}{'（链主）' if f.get('chain_leader') else ''}"
                f"{' ' + _money(f['revenue_wan']) + ' 万元' if f.get('revenue_wan') is not None else ''}"
                f"{' · ' + f['place']['name'] if f.get('place') else ''}"
                for f in found["firms"]
            )
            or found.get("firms_empty_reason")
            or "注册库中暂无本地以外的该环节企业"
        )
        zones = "\n".join(f"{z['name']}（{z['firm_count']} 家）" for z in found["zones"]) or "—"
        rows.append((s["chain"]["name"], s["segment"]["name"], s["flag"], firms, zones))
    if rows:
        _table(doc, ("产业链", "环节", "判断", "目标企业（链主优先）", "优势园区"), rows)

    _heading(doc, "六、资料来源", 1)
    facts = data["sources"]
    if not facts:
        doc.add_paragraph("图谱中没有该集群的规划出处。")
    for f in facts:
        p = _styled(doc, "", "ListBullet")
        p.add_run(f"{f['what']}（{f['document']}，第 {f['paragraph']} 段）：").bold = True
        p.add_run(f"“{f['quote']}”" if f.get("quote") else "（规划文件不在本机或已变更，无法引用原文）")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def cluster_briefing(
    driver: Driver,
    settings: Settings,
    registry: QueryRegistry,
    key: str,
    *,
    weak_revenue_wan: float = DEFAULT_WEAK_REVENUE_WAN,
) -> bytes:
    """The Word briefing of one cluster as .docx bytes; NotFoundError for an unknown key."""
    return render_briefing(gather(driver, settings, registry, key, weak_revenue_wan))
