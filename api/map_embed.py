"""Maps inside other pages: a cluster's places and its gap segments as printable /map.svg images.

Kept apart from the routes so the entity and gap pages can embed maps without importing them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() or value >= 100 else f"{value:,.1f}"


@cache
def templates() -> Environment:
    env = Environment(
        loader=PackageLoader("clusterkg.api", "templates"),
        autoescape=select_autoescape(["html", "j2", "svg"], default=True),
        trim_blocks=False,
    )
    env.filters["fmt"] = _fmt
    # JSON inlined in a page without the spaces json.dumps puts after , and : (a county map's
    # outlines are a quarter of a megabyte with them)
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "separators": (",", ":")}
    return env


MAX_GAP_MAPS = 12


def cluster_maps(cluster: Mapping[str, Any], gap_segments: Sequence[Mapping[str, Any]] = ()) -> Markup:
    """Maps for a cluster: where it is, and for each 缺链/弱链 segment where the candidate firms are.

    ``gap_segments`` are rows of the gap report (chain, segment, flag); only 缺链 and 弱链 get a map.
    The sections come from ``map_embed.html.j2``, so a page's template includes them as they are.
    """
    key = str(cluster["key"])
    where = [
        {
            "src": "/map.svg?" + urlencode({"level": "county", "metric": "cluster", "cluster": key}),
            "caption": f"{cluster.get('name') or key} 所在县（市、区）与服务它的产业集聚区",
        }
    ]
    out = templates().get_template("map_embed.html.j2").render(anchor="cluster-map", heading="地图：所在地", maps=where)
    # 补链 priorities first; a plan-only graph has every segment 缺链, so the maps are capped.
    gaps = sorted((s for s in gap_segments if s["flag"] in ("缺链", "弱链")), key=lambda s: not s.get("priority"))
    more = len(gaps) - MAX_GAP_MAPS
    gaps = gaps[:MAX_GAP_MAPS]
    if gap_segments:
        heat = [
            {
                "src": "/map.svg?"
                + urlencode({"level": "county", "metric": "segment", "cluster": key, "segment": s["segment"]["key"]}),
                "caption": f"{s['chain']['name']} · {s['segment']['name']}（{s['flag']}）：集群以外的候选企业分布",
            }
            for s in gaps
        ]
        out += (
            templates()
            .get_template("map_embed.html.j2")
            .render(
                anchor="gap-maps",
                heading="地图：缺链、弱链环节的候选企业在哪里",
                maps=heat,
                more=more,
                more_href="/map",
            )
        )
    return Markup(out)
