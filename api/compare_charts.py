"""Slide-ready charts for place comparisons and county dashboards, laid out here and drawn as SVG
by ``charts.svg.j2``: horizontal bar panels, one or more series, an optional reference line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .compare import CompareView, CountyDashboard, PlaceFigures
from .map_embed import templates

SERIES_COLOURS = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759")
LABEL_W = 130.0
BAR_W = 210.0
VALUE_W = 60.0
ROW_H = 20.0
HEAD_H = 30.0
FOOT_H = 44.0
GAP = 16.0
PANEL_W = LABEL_W + BAR_W + VALUE_W


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    w: float
    h: float
    fill: str
    value: str
    series: str


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    y: float  # baseline of the label
    bars: tuple[Bar, ...]


@dataclass(frozen=True, slots=True)
class Panel:
    title: str
    x: float
    y: float
    width: float
    height: float
    rows: tuple[Row, ...]
    ref_x: float | None  # x of the reference line (区位商 = 1), in the panel's frame
    ref_label: str
    empty: str  # said when there is nothing to draw


@dataclass(frozen=True, slots=True)
class Chart:
    title: str
    width: float
    height: float
    panels: tuple[Panel, ...]
    series: tuple[tuple[str, str], ...]  # legend: name, colour
    note: str


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() or abs(v) >= 100 else f"{v:,.2f}".rstrip("0").rstrip(".")


def panel(
    title: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    *,
    x: float = 0.0,
    y: float = 0.0,
    top: float | None = None,
    ref: float | None = None,
    ref_label: str = "",
    empty: str = "（无数据）",
) -> Panel:
    """One bar panel: a row per label, a bar per series, scaled to ``top`` (default: the largest value)."""
    values = [v for _, vs in series for v in vs if v is not None]
    scale_top = max([top or 0.0, *values, ref or 0.0, 0.0])
    per_row = max(1, len(series))
    bar_h = (ROW_H - 4) / per_row
    rows = []
    for i, label in enumerate(labels):
        row_y = HEAD_H + i * ROW_H
        bars = []
        for j, (name, vs) in enumerate(series):
            v = vs[i]
            w = 0.0 if v is None or scale_top <= 0 else round(BAR_W * v / scale_top, 1)
            bars.append(
                Bar(
                    x=LABEL_W,
                    y=round(row_y + 2 + j * bar_h, 1),
                    w=w,
                    h=round(bar_h, 1),
                    fill=SERIES_COLOURS[j % len(SERIES_COLOURS)],
                    value="—" if v is None else _fmt(v),
                    series=name,
                )
            )
        rows.append(Row(label=label, y=round(row_y + ROW_H / 2 + 4, 1), bars=tuple(bars)))
    ref_x = None if ref is None or scale_top <= 0 else round(LABEL_W + BAR_W * ref / scale_top, 1)
    height = HEAD_H + max(1, len(labels)) * ROW_H + 8
    return Panel(title, x, y, PANEL_W, height, tuple(rows), ref_x, ref_label, empty if not labels else "")


def render(chart: Chart, *, standalone: bool = True) -> str:
    return templates().get_template("charts.svg.j2").render(c=chart, standalone=standalone)


def _grid(panels: Sequence[Panel], columns: int) -> tuple[tuple[Panel, ...], float, float]:
    placed = []
    y = 40.0
    width = 0.0
    for start in range(0, len(panels), columns):
        line = panels[start : start + columns]
        h = max(p.height for p in line)
        for i, p in enumerate(line):
            x = GAP + i * (PANEL_W + GAP)
            placed.append(Panel(p.title, x, y, p.width, p.height, p.rows, p.ref_x, p.ref_label, p.empty))
            width = max(width, x + PANEL_W + GAP)
        y += h + GAP
    return tuple(placed), max(width, PANEL_W + 2 * GAP), y + FOOT_H


MAX_SEGMENTS = 15


def _label(seg_name: str, chain_name: str, many_chains: bool) -> str:
    return f"{chain_name}·{seg_name}" if many_chains else seg_name


def compare_chart(view: CompareView) -> Chart:
    """Small multiples: per place, the location quotient of each segment (the most firms first, at most 15)."""
    totals = {s.key: 0 for s in view.segments}
    for p in view.places:
        for f in p.segments:
            totals[f.segment] += f.firms
    shown = sorted(view.segments, key=lambda s: -totals[s.key])[:MAX_SEGMENTS]
    many = len({s.chain.key for s in shown}) > 1
    labels = [_label(s.name, s.chain.name, many) for s in shown]
    top = max([f.lq or 0.0 for p in view.places for f in p.segments] + [1.0])
    panels = []
    for p in view.places:
        lq = {f.segment: f.lq for f in p.segments}
        panels.append(
            panel(
                f"{p.name}（{p.firms:,} 家企业）",
                labels,
                [("区位商", [lq.get(s.key) for s in shown])],
                top=top,
                ref=1.0,
                ref_label="1",
                empty="（未载入登记企业）",
            )
        )
    placed, width, height = _grid(panels, 3 if len(panels) > 4 else 2)
    note = "各小图同一刻度；虚线为区位商 1（与全省持平）。" + (
        f"仅列企业最多的 {MAX_SEGMENTS} 个环节。" if len(view.segments) > MAX_SEGMENTS else ""
    )
    return Chart("各地产业链环节区位商", width, height, placed, (("区位商", SERIES_COLOURS[0]),), note)


def _single(title: str, p: Panel, series: tuple[tuple[str, str], ...], note: str) -> Chart:
    placed, width, height = _grid([p], 1)
    return Chart(title, width, height, placed, series, note)


def county_targets_chart(d: CountyDashboard) -> Chart:
    """The county's clusters: plan target against the reported actual of the year (亿元)."""
    c = d.county
    p = panel(
        "亿元",
        [x.name for x in c.clusters],
        [("规划目标", [x.target_yi for x in c.clusters]), (f"{d.year} 年实际", [x.actual_yi for x in c.clusters])],
        empty="（本地没有产业集群）",
    )
    series = (("规划目标", SERIES_COLOURS[0]), (f"{d.year} 年实际", SERIES_COLOURS[1]))
    return _single(f"{c.name}产业集群：目标与实际", p, series, "实际值未载入的集群只画目标。")


def county_segments_chart(d: CountyDashboard) -> Chart:
    """The county's registry firms per chain segment, beside the average of its city's other counties."""
    c: PlaceFigures = d.county
    many = len({s.chain.key for s in d.segments}) > 1
    labels = [_label(s.name, s.chain.name, many) for s in d.segments][:MAX_SEGMENTS]
    mine = [float(f.firms) for f in c.segments][:MAX_SEGMENTS]
    series: list[tuple[str, Sequence[float | None]]] = [(c.name, mine)]
    legend = [(c.name, SERIES_COLOURS[0])]
    if d.neighbours:
        avg = [
            round(sum(n.segments[i].firms for n in d.neighbours) / len(d.neighbours), 1)
            for i in range(min(len(d.segments), MAX_SEGMENTS))
        ]
        series.append(("同市其他县（市、区）平均", avg))
        legend.append(("同市其他县（市、区）平均", SERIES_COLOURS[1]))
    p = panel("企业数（家）", labels, series, empty="（未载入登记企业）")
    return _single(f"{c.name}各产业链环节企业数", p, tuple(legend), "")
