"""A neighbourhood as one HTML page drawn by vis-network through pyvis, with no CDN.

pyvis's own templates fetch vis-network and Bootstrap from CDNs, which government intranets
block; so pyvis only builds the nodes, edges and options here and a small template of ours
writes the page. The script and style are either referenced under ``/static/vis/`` (the API
serves its copy of them) or inlined from the pyvis package for a file that opens anywhere.
Layout is computed here (rings by hops) and physics is off, so a large graph shows at once
instead of settling for seconds in the browser.
"""

from __future__ import annotations

import math
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote

import networkx as nx
from jinja2 import Environment
from neo4j import Driver
from pyvis.network import Network

from clusterkg.settings import Settings

from .model import Label, parse_label
from .subgraph import neighbourhood

STATIC_PREFIX = "/static/vis"
VIS_VERSION = "9.1.2"
VIS_FILES = ("vis-network.min.js", "vis-network.css")

COLOURS: dict[str, str] = {
    Label.CLUSTER: "#d62728",
    Label.SECTOR: "#9467bd",
    Label.ZONE: "#1f77b4",
    Label.CITY: "#2ca02c",
    Label.COUNTY: "#98df8a",
    Label.ENTERPRISE: "#ff7f0e",
    Label.PROJECT: "#e7ba52",
    Label.CHAIN: "#8c564b",
    Label.CHAIN_SEGMENT: "#c49c94",
    Label.DOCUMENT: "#7f7f7f",
}

OTHER_COLOUR = "#bbbbbb"


def colour(label: str) -> str:
    """The legend colour of a label; grey for a label added to the model after this table."""
    return COLOURS.get(label, OTHER_COLOUR)


_TEMPLATE = """<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ heading }}</title>
{% if inline_css %}<style>{{ inline_css|safe }}</style>
{% else %}<link rel="stylesheet" href="{{ static }}/vis-network.css">
{% endif %}{% if inline_js %}<script>{{ inline_js|safe }}</script>
{% else %}<script src="{{ static }}/vis-network.min.js"></script>
{% endif %}<style>
body { margin: 0; font-family: system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #222; }
header { padding: .5rem 1rem; border-bottom: 1px solid #ddd; }
h1 { font-size: 1.15rem; margin: 0 0 .25rem; }
p.summary { margin: 0 0 .25rem; font-size: .85rem; color: #555; }
ul.legend { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; font-size: .85rem; }
ul.legend span { display: inline-block; width: .8rem; height: .8rem; border-radius: 50%; margin-right: .3rem; vertical-align: -.05rem; }
#graph { width: 100%; height: calc(100vh - 6rem); }
div.vis-tooltip { white-space: pre-line; }
</style>
</head>
<body>
<header>
<h1>{{ heading }}</h1>
<p class="summary">{{ summary }}</p>
<ul class="legend">{% for item in legend %}
<li><span style="background: {{ item.colour }}"></span>{{ item.label }} ({{ item.count }})</li>{% endfor %}
</ul>
</header>
<div id="graph"></div>
<script>
var nodes = new vis.DataSet({{ nodes|tojson }});
var edges = new vis.DataSet({{ edges|tojson }});
var network = new vis.Network(document.getElementById("graph"), {nodes: nodes, edges: edges}, {{ options|tojson }});
network.on("doubleClick", function (params) {
  if (params.nodes.length) {
    var node = nodes.get(params.nodes[0]);
    if (node.href) { window.location.href = node.href; }
  }
});
</script>
</body>
</html>
"""

_ENV = Environment(autoescape=True, keep_trailing_newline=True)


def vis_asset(name: str) -> str:
    """The text of one vis-network file as the pyvis package ships it."""
    if name not in VIS_FILES:
        raise ValueError(f"not a vis-network asset: {name!r}")
    return (resources.files("pyvis") / "lib" / f"vis-{VIS_VERSION}" / name).read_text(encoding="utf-8")


# What readers see: the model's labels, relationship types and place levels in Chinese.
LABEL_ZH = {
    "Sector": "产业领域",
    "Cluster": "产业集群",
    "Zone": "产业集聚区",
    "City": "省辖市",
    "County": "县（市、区）",
    "Enterprise": "企业",
    "Project": "项目",
    "Chain": "产业链",
    "ChainSegment": "产业链环节",
    "Document": "文件",
    "Actual": "实际值",
    "Presence": "分布",
}
REL_ZH = {
    "IN_SECTOR": "属于领域",
    "LOCATED_IN": "位于",
    "PART_OF": "隶属",
    "SERVES": "承载",
    "ANCHORS": "龙头",
    "SUPPORTS": "支撑",
    "RUN_BY": "实施单位",
    "SITED_IN": "入驻",
    "HAS_CHAIN": "产业链",
    "HAS_SEGMENT": "环节",
    "FEEDS": "供给",
    "COVERS": "涉及环节",
    "IN_SEGMENT": "所在环节",
    "BUILDS": "建设环节",
    "LINKS_TO": "关联",
    "REPORTS": "报告",
    "STATED_IN": "出处",
}
LEVEL_ZH = {"city": "地级市", "county": "县", "county_city": "县级市", "district": "市辖区", "province": "省"}


def _tooltip(attrs: dict[str, Any]) -> str:
    # A plain-text title: vis-network shows it as text, so plan data never becomes markup.
    label = str(attrs.get("label", ""))
    lines = [str(attrs.get("name", "")), f"{LABEL_ZH.get(label, label)} · {attrs.get('key', '')}"]
    if attrs.get("level"):
        lines.append(f"级别：{LEVEL_ZH.get(str(attrs['level']), attrs['level'])}")
    if attrs.get("target_yi") is not None:
        year = f" ({attrs['target_year']})" if attrs.get("target_year") else ""
        lines.append(f"目标: {attrs['target_yi']:g} 亿元{year}")
    if attrs.get("goal_yi") is not None:
        year = f" ({attrs['goal_year']})" if attrs.get("goal_year") else ""
        lines.append(f"目标: {attrs['goal_yi']:g} 亿元{year}")
    lines.append(f"离中心 {attrs.get('distance', '?')} 跳")
    return "\n".join(lines)


def _size(attrs: dict[str, Any]) -> float:
    # Radius grows with the square root of the target (亿元): area, not width, tracks the money,
    # so a 3000亿 cluster (28) reads larger than a 300亿 one (17) without swamping the page.
    if attrs.get("size"):
        return float(attrs["size"])
    yi = attrs.get("target_yi") or attrs.get("goal_yi")
    return 12.0 if not yi else round(12.0 + 3.0 * math.sqrt(float(yi) / 100.0), 1)


def layout(G: nx.MultiDiGraph, *, spacing: float = 70.0, ring_gap: float = 220.0) -> dict[Any, tuple[float, float]]:
    """Concentric rings by hops from the root, in screen units; deterministic, pure Python.

    networkx's force layouts need numpy, which the project does not ship; rings also read
    better for a neighbourhood. Each ring is ordered by the mean angle of a node's neighbours
    on the ring inside it (then label and key), which keeps most edges short and uncrossed.
    """
    if G.number_of_nodes() == 0:
        return {}
    U = G.to_undirected(as_view=True)
    root = G.graph.get("root")
    if root not in G:
        root = min(G.nodes)
    dist = dict(nx.single_source_shortest_path_length(U, root))
    outer = max(dist.values()) + 1
    rings: dict[int, list[Any]] = {}
    for n in G.nodes:
        rings.setdefault(dist.get(n, outer), []).append(n)
    angle: dict[Any, float] = {root: 0.0}
    pos: dict[Any, tuple[float, float]] = {root: (0.0, 0.0)}
    radius = 0.0
    for d in sorted(k for k in rings if k > 0):

        def order(n: Any) -> tuple[float, str, str]:
            inner = [angle[m] for m in U.neighbors(n) if m in angle]
            mean = math.atan2(sum(map(math.sin, inner)), sum(map(math.cos, inner))) if inner else math.pi
            return (mean % (2 * math.pi), str(G.nodes[n].get("label", "")), str(n))

        ring = sorted(rings[d], key=order)
        radius = max(radius + ring_gap, len(ring) * spacing / (2 * math.pi))
        for i, n in enumerate(ring):
            a = 2 * math.pi * i / len(ring)
            angle[n] = a
            pos[n] = (round(radius * math.cos(a), 1), round(radius * math.sin(a), 1))
    return pos


def render_html(
    G: nx.MultiDiGraph,
    *,
    inline_assets: bool = False,
    heading: str | None = None,
    link_hops: int | None = None,
) -> str:
    """One HTML page drawing ``G`` (as :func:`graph.subgraph.neighbourhood` returns it).

    With ``inline_assets`` the vis-network script and style are written into the page, so the
    file opens offline with no server; otherwise they are referenced under ``/static/vis/``.
    With ``link_hops`` a double click on a node opens ``/viz/{label}/{key}?hops=link_hops``.

    >>> html = render_html(G, inline_assets=True)  # doctest: +SKIP
    """
    net = Network(height="100%", width="100%", directed=True, cdn_resources="local")
    pos = layout(G)
    root = G.graph.get("root")
    for n, attrs in G.nodes(data=True):
        label = str(attrs.get("label", ""))
        x, y = pos[n]
        extra: dict[str, Any] = {}
        if link_hops is not None:
            extra["href"] = f"/viz/{quote(label.lower())}/{quote(str(attrs.get('key', '')), safe='')}?hops={link_hops}"
        net.add_node(
            n,
            label=str(attrs.get("name", n)),
            title=_tooltip(attrs),
            color=COLOURS.get(label, "#bbbbbb"),
            size=_size(attrs),
            x=x,
            y=y,
            physics=False,
            borderWidth=3 if n == root else 1,
            group=label,
            **extra,
        )
    for u, v, attrs in G.edges(data=True):
        kind = str(attrs.get("type", ""))
        net.add_edge(u, v, label=REL_ZH.get(kind, kind), title=f"{REL_ZH.get(kind, kind)}（{kind}）", arrows="to")
    options: dict[str, Any] = {
        "physics": {"enabled": False},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
        "edges": {
            "font": {"size": 9, "align": "middle", "color": "#555"},
            "color": {"color": "#aaaaaa"},
            "smooth": False,
        },
        "nodes": {"shape": "dot", "font": {"size": 13}},
        "groups": {label.value: {"color": colour(label)} for label in Label},
    }
    counts: dict[str, int] = {}
    for _, label in G.nodes(data="label"):
        counts[label] = counts.get(label, 0) + 1
    legend = [
        {"label": LABEL_ZH.get(lb.value, lb.value), "colour": colour(lb), "count": counts[lb.value]}
        for lb in Label
        if lb.value in counts
    ]
    reachable = G.graph.get("reachable", G.number_of_nodes())
    summary = f"{G.number_of_nodes()} 个节点、{G.number_of_edges()} 条关系"
    if G.graph.get("hops"):
        summary += f"（{G.graph['hops']} 跳以内）"
    if reachable > G.number_of_nodes():
        of = f"{reachable}" if G.graph.get("complete", True) else f"{reachable} 个以上"
        summary += f"；共 {of} 个可达，显示最近的 {G.number_of_nodes()} 个（上限 {G.graph.get('cap')}）"
    if root in G:
        root_label = str(G.nodes[root].get("label", ""))
        heading = heading or f"{G.nodes[root].get('name', root)}（{LABEL_ZH.get(root_label, root_label)}）"
    return _ENV.from_string(_TEMPLATE).render(
        heading=heading or "clusterkg",
        summary=summary,
        legend=legend,
        nodes=net.nodes,
        edges=net.edges,
        options=options,
        static=STATIC_PREFIX,
        inline_js=vis_asset("vis-network.min.js") if inline_assets else "",
        inline_css=vis_asset("vis-network.css") if inline_assets else "",
    )


def write_standalone(
    driver: Driver,
    settings: Settings,
    label: str | Label,
    key: str,
    out_path: Path | str,
    hops: int = 1,
    cap: int = 300,
) -> dict[str, int]:
    """Write the neighbourhood of (label, key) to ``out_path`` as one self-contained HTML file.

    Returns node and relationship counts. Raises InputError / NotFoundError as
    :func:`graph.subgraph.neighbourhood` does.

    >>> write_standalone(driver, settings, "cluster", "洛阳现代装备制造产业集群", "luoyang.html")  # doctest: +SKIP
    {'nodes': 15, 'relationships': 19}
    """
    lb = label if isinstance(label, Label) else parse_label(label)
    G = neighbourhood(driver, settings, lb, key, hops=hops, cap=cap)
    out = Path(out_path)
    tmp = out.with_suffix(out.suffix + ".tmp")
    tmp.write_text(render_html(G, inline_assets=True), encoding="utf-8")
    tmp.replace(out)
    return {"nodes": G.number_of_nodes(), "relationships": G.number_of_edges()}
