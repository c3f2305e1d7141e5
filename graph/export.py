"""The whole graph as one JSON document, for sharing and for independent checks."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from neo4j import Driver

from clusterkg.queries.run import stream_internal
from clusterkg.settings import Settings

from .db import translate_errors
from .model import Label, RelType

_SKIP = {"key", "name", "aliases", "search_text"}


def export_graph(driver: Driver, settings: Settings) -> dict[str, Any]:
    """Every node and relationship of the model's labels, sorted for stable diffs.

    Shape: ``{"nodes": [{label, key, name, aliases, props}], "relationships":
    [{type, from: {label, key}, to: {label, key}, props}]}``; read by the streamed internal queries
    ``export_nodes`` and ``export_relationships``.
    """
    labels = [label.value for label in Label]
    types = [t.value for t in RelType]
    nodes: list[dict[str, Any]] = []
    rels: list[dict[str, Any]] = []
    with translate_errors(settings), driver.session(database=settings.neo4j_database, default_access_mode="READ") as s:
        for rec in stream_internal(s, "export_nodes", {"labels": labels}):
            props = {k: v for k, v in rec["props"].items() if k not in _SKIP}
            nodes.append(
                {
                    "label": rec["label"],
                    "key": rec["key"],
                    "name": rec["name"],
                    "aliases": list(rec["aliases"] or []),
                    "props": dict(sorted(props.items())),
                }
            )
        for rec in stream_internal(s, "export_relationships", {"types": types, "labels": labels}):
            rels.append(
                {
                    "type": rec["type"],
                    "from": {"label": rec["fl"], "key": rec["fk"]},
                    "to": {"label": rec["tl"], "key": rec["tk"]},
                    "props": dict(sorted(rec["props"].items())),
                }
            )
    nodes.sort(key=lambda n: (n["label"], n["key"]))
    rels.sort(
        key=lambda r: (
            r["type"],
            r["from"]["label"],
            r["from"]["key"],
            r["to"]["label"],
            r["to"]["key"],
            json.dumps(r["props"], sort_keys=True, ensure_ascii=False),
        )
    )
    return {"nodes": nodes, "relationships": rels}


def write_export(driver: Driver, settings: Settings, out: Path) -> dict[str, int]:
    """Write :func:`export_graph` to ``out`` — GraphML when it ends in .graphml, else UTF-8
    JSON — and return node/relationship counts."""
    data = export_graph(driver, settings)
    tmp = out.with_suffix(out.suffix + ".tmp")
    if out.suffix.lower() == ".graphml":
        tmp.write_text(graphml_text(data), encoding="utf-8")
    else:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(out)
    return {"nodes": len(data["nodes"]), "relationships": len(data["relationships"])}


def to_networkx(data: dict[str, Any]) -> Any:
    """An exported graph as a networkx MultiDiGraph (node id ``Label:key``), e.g. for GraphML."""
    import networkx as nx

    g = nx.MultiDiGraph()
    for n in data["nodes"]:
        attrs = {k: _graphml_value(v) for k, v in n["props"].items()}
        g.add_node(
            f"{n['label']}:{n['key']}",
            label=n["label"],
            key=n["key"],
            name=n["name"],
            aliases="|".join(n["aliases"]),
            **attrs,
        )
    for r in data["relationships"]:
        attrs = {k: _graphml_value(v) for k, v in r["props"].items()}
        g.add_edge(
            f"{r['from']['label']}:{r['from']['key']}", f"{r['to']['label']}:{r['to']['key']}", type=r["type"], **attrs
        )
    return g


def _graphml_value(v: Any) -> Any:
    # GraphML has no list type; Gephi reads a joined string well.
    if isinstance(v, list):
        return "|".join(str(x) for x in v)
    return v


def graphml_text(data: dict[str, Any]) -> str:
    """GraphML (UTF-8) of an exported graph, for Gephi."""
    import networkx as nx

    return "\n".join(nx.generate_graphml(to_networkx(data), encoding="utf-8"))


# GraphML types of the properties the loaders write; any other property is written as a string.
_GRAPHML_TYPES: dict[str, str] = {
    **dict.fromkeys(("target_yi", "goal_yi", "revenue_wan", "value_yi", "actual_yi"), "double"),
    **dict.fromkeys(
        (
            "appendix_no",
            "section_no",
            "target_year",
            "goal_year",
            "year",
            "order",
            "chars",
            "paragraph",
            "start",
            "end",
            "employees",
            "firms",
            "leaders",
        ),
        "long",
    ),
    **dict.fromkeys(("direct_admin", "chain_leader", "cross_chain", "sample"), "boolean"),
}
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BATCH = 2000


def _xml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = "|".join(str(x) for x in value)
    return escape(_XML_BAD.sub("", str(value)), {'"': "&quot;"})


def _data(attrs: dict[str, Any]) -> str:
    return "".join(f'<data key="{_xml(k)}">{_xml(v)}</data>' for k, v in attrs.items() if v is not None)


def graphml_stream(driver: Driver, settings: Settings) -> Iterator[str]:
    """The whole graph as GraphML, written as it is read: the header goes out before the first query
    runs and nodes and relationships follow a batch at a time, so a province's graph of a million
    firms starts downloading at once and is never held in memory whole (Gephi reads it).  Its queries
    are the streamed internal ones (``queries/internal/graphml_*.cypher``), read lazily from one session."""
    labels = [label.value for label in Label]
    types = [t.value for t in RelType]
    yield '<?xml version="1.0" encoding="utf-8"?>\n'
    yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
    with translate_errors(settings), driver.session(database=settings.neo4j_database, default_access_mode="READ") as s:
        keys = sorted({rec["k"] for rec in stream_internal(s, "graphml_property_keys")})
        attrs = ["label", "type", *[k for k in keys if k not in ("label", "type", "search_text")]]
        for k in attrs:
            kind = _GRAPHML_TYPES.get(k, "string")
            yield f'<key id="{_xml(k)}" for="all" attr.name="{_xml(k)}" attr.type="{kind}"/>\n'
        yield '<graph edgedefault="directed">\n'
        chunk: list[str] = []
        for rec in stream_internal(s, "graphml_nodes", {"labels": labels}):
            props = {k: v for k, v in rec["props"].items() if k != "search_text"}
            chunk.append(
                f'<node id="{_xml(rec["label"] + ":" + str(rec["key"]))}">{_data({"label": rec["label"], **props})}</node>\n'
            )
            if len(chunk) >= _BATCH:
                yield "".join(chunk)
                chunk = []
        for rec in stream_internal(s, "graphml_relationships", {"types": types, "labels": labels}):
            chunk.append(
                f'<edge source="{_xml(rec["source"])}" target="{_xml(rec["target"])}">'
                f"{_data({'type': rec['type'], **rec['props']})}</edge>\n"
            )
            if len(chunk) >= _BATCH:
                yield "".join(chunk)
                chunk = []
        yield "".join(chunk)
    yield "</graph>\n</graphml>\n"
