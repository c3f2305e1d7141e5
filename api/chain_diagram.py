"""The 上中下游 chain diagram of a cluster: a layout computed by code, drawn as SVG by a template.

Stages are columns left to right (上游 → 中游 → 下游), each chain of the cluster a band of its own,
segments ordered within a column by their ``order``.  Boxes carry the gap report's flag, local firm
count and revenue; FEEDS arrows join boxes; cross-chain feeds to segments of other chains (and the
clusters the plan links through them) sit at the left edge (they supply us) or right edge (we supply
them).  Nothing here queries the graph: :func:`chain_view` takes the gap report and the
``chain_links`` row, so the page, the SVG and the Word briefing share one layout.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

STAGES = ("上游", "中游", "下游")
# Same colours as the printable gap page (api/routes_gaps.py), so a legend reads the same everywhere.
FLAG_COLOURS = {"强链": "#cfe8cf", "弱链": "#fde9b8", "缺链": "#f6c6c6"}
FLAG_STROKES = {"强链": "#4c8c4c", "弱链": "#c99a2e", "缺链": "#c0504d"}

BOX_W, BOX_H, ROW_GAP = 190, 58, 16
COL_W = 250
EDGE_W = 210  # room at each side for cross-chain feeds
BAND_HEAD, BAND_GAP, TOP = 30, 24, 70


@dataclass(frozen=True, slots=True)
class Box:
    key: str
    name: str
    chain: str
    stage: str
    order: int
    flag: str
    priority: bool
    firm_count: int
    revenue_wan: float
    x: int
    y: int
    w: int = BOX_W
    h: int = BOX_H

    @property
    def fill(self) -> str:
        return FLAG_COLOURS.get(self.flag, "#eeeeee")

    @property
    def stroke(self) -> str:
        return FLAG_STROKES.get(self.flag, "#888888")


@dataclass(frozen=True, slots=True)
class Arrow:
    source: str
    target: str
    path: str


@dataclass(frozen=True, slots=True)
class EdgeFeed:
    """A cross-chain feed drawn at the diagram's edge."""

    segment: str
    other: str
    other_name: str
    chain_name: str
    outgoing: bool
    clusters: tuple[str, ...]
    x: int
    y: int
    path: str


@dataclass(frozen=True, slots=True)
class Band:
    key: str
    name: str
    y: int
    h: int


@dataclass(frozen=True, slots=True)
class ChainView:
    cluster_key: str
    cluster_name: str
    width: int
    height: int
    bands: tuple[Band, ...]
    boxes: tuple[Box, ...]
    arrows: tuple[Arrow, ...]
    edges: tuple[EdgeFeed, ...]
    counts: Mapping[str, int] = field(default_factory=dict)
    columns: tuple[tuple[str, int], ...] = ()


def _curve(x1: int, y1: int, x2: int, y2: int) -> str:
    mid = (x1 + x2) // 2 if x2 > x1 else x1 + 40
    mid2 = (x1 + x2) // 2 if x2 > x1 else x2 - 40
    return f"M{x1},{y1} C{mid},{y1} {mid2},{y2} {x2},{y2}"


def chain_view(report: Mapping[str, Any], links: Mapping[str, Any] | None) -> ChainView:
    """Lay out the gap report's segments and the ``chain_links`` row (``None``: no arrows)."""
    chains: dict[str, tuple[str, list[Mapping[str, Any]]]] = {}
    for s in report["segments"]:
        chains.setdefault(s["chain"]["key"], (s["chain"]["name"], []))[1].append(s)
    boxes: list[Box] = []
    bands: list[Band] = []
    y = TOP
    for chain_key in sorted(chains):
        name, segments = chains[chain_key]
        by_stage: dict[str, list[Mapping[str, Any]]] = {st: [] for st in STAGES}
        for s in segments:
            by_stage.setdefault(s["segment"]["stage"], []).append(s)
        rows = max(len(v) for v in by_stage.values())
        height = BAND_HEAD + rows * (BOX_H + ROW_GAP)
        bands.append(Band(chain_key, name, y, height))
        for col, stage in enumerate(by_stage):
            ordered = sorted(by_stage[stage], key=lambda s: (s["segment"]["order"], s["segment"]["key"]))
            for row, s in enumerate(ordered):
                boxes.append(
                    Box(
                        key=s["segment"]["key"],
                        name=s["segment"]["name"],
                        chain=chain_key,
                        stage=stage,
                        order=int(s["segment"]["order"]),
                        flag=s["flag"],
                        priority=bool(s.get("priority")),
                        firm_count=int(s["firm_count"]),
                        revenue_wan=float(s["revenue_wan"] or 0.0),
                        x=EDGE_W + col * COL_W + (COL_W - BOX_W) // 2,
                        y=y + BAND_HEAD + row * (BOX_H + ROW_GAP),
                    )
                )
        y += height + BAND_GAP
    at = {b.key: b for b in boxes}
    arrows: list[Arrow] = []
    edges: list[EdgeFeed] = []
    for f in (links or {}).get("feeds", []):
        a, b = at.get(f["source"]), at.get(f["target"])
        if a is None or b is None:
            continue
        if b.x > a.x:
            path = _curve(a.x + a.w, a.y + a.h // 2, b.x, b.y + b.h // 2)
        else:  # same column: from the bottom of one box to the top of the other, bowed to the side
            x1, x2 = a.x + a.w - 20, b.x + b.w - 20
            y1, y2 = (a.y + a.h, b.y) if b.y > a.y else (a.y, b.y + b.h)
            path = f"M{x1},{y1} C{x1 + 40},{y1} {x2 + 40},{y2} {x2},{y2}"
        arrows.append(Arrow(f["source"], f["target"], path))
    n_cols = 3
    right = EDGE_W + n_cols * COL_W
    slots: dict[bool, int] = {True: 0, False: 0}
    for c in (links or {}).get("cross", []):
        box = at.get(c["segment"])
        if box is None:
            continue
        out = bool(c["outgoing"])
        ey = TOP + slots[out] * 46
        slots[out] += 1
        ex = right + 20 if out else 10
        if out:
            path = _curve(box.x + box.w, box.y + box.h // 2 + 8, ex, ey + 14)
        else:
            path = _curve(ex + EDGE_W - 30, ey + 14, box.x, box.y + box.h // 2 + 8)
        chain = c.get("chain") or {}
        edges.append(
            EdgeFeed(
                segment=c["segment"],
                other=c["other"]["key"],
                other_name=c["other"]["name"],
                chain_name=str(chain.get("name") or ""),
                outgoing=out,
                clusters=tuple(x["name"] for x in c.get("clusters") or ()),
                x=ex,
                y=ey,
                path=path,
            )
        )
    height = max(y, TOP + max(slots.values(), default=0) * 46 + 20) + 40
    counts = {flag: sum(1 for b in boxes if b.flag == flag) for flag in FLAG_COLOURS}
    columns = tuple((stage, EDGE_W + i * COL_W + COL_W // 2) for i, stage in enumerate(STAGES))
    return ChainView(
        cluster_key=str(report["cluster"]["key"]),
        cluster_name=str(report["cluster"]["name"]),
        width=right + EDGE_W + 10,
        height=height,
        bands=tuple(bands),
        boxes=tuple(boxes),
        arrows=tuple(arrows),
        edges=tuple(edges),
        counts=counts,
        columns=columns,
    )


def render_chain_svg(view: ChainView, *, standalone: bool = True) -> str:
    """The view as SVG: with the XML namespace for a file of its own, without it inline in HTML."""
    from .map_embed import templates

    return (
        templates()
        .get_template("chain.svg.j2")
        .render(v=view, standalone=standalone, colours=FLAG_COLOURS, strokes=FLAG_STROKES)
    )


def stage_table(view: ChainView) -> list[tuple[str, list[list[Box]]]]:
    """Per chain, the boxes of each stage column in order: the diagram as a table (for Word)."""
    out: list[tuple[str, list[list[Box]]]] = []
    for band in view.bands:
        cols = [[b for b in view.boxes if b.chain == band.key and b.stage == st] for st in STAGES]
        out.append((band.name, cols))
    return out


def feed_pairs(view: ChainView) -> Sequence[tuple[str, str]]:
    names = {b.key: b.name for b in view.boxes}
    return [(names[a.source], names[a.target]) for a in view.arrows]
