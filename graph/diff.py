"""What changed between two documents, and one cluster's timeline across documents.

Both work on the rows of the named queries ``document_statements`` and ``cluster_timeline``:
each document's own statements (values on its provenance edges, links carrying its key), so a
node two documents state is compared as each states it, not as the graph shows it now.

>>> old = [{"label": "Zone", "key": "甲县产业集聚区", "stated": {}, "links": [
...     {"type": "SERVES", "label": "Cluster", "key": "甲县食品产业集群"}]},
...        {"label": "Cluster", "key": "甲县食品产业集群", "stated": {"target_yi": 100.0}, "links": []}]
>>> new = [{"label": "Zone", "key": "甲县产业集聚区", "stated": {}, "links": []}]
>>> d = diff_documents("a", "b", old, new)
>>> d["zones"]["kept"], d["clusters"]["removed"], d["zones"]["changed"]
(['甲县产业集聚区'], ['甲县食品产业集群'], [{'key': '甲县产业集聚区', 'fields': {'clusters': {'added': [], 'removed': ['甲县食品产业集群']}}}])
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

#: The diff's sections, by node label.
KINDS: dict[str, str] = {"Cluster": "clusters", "Zone": "zones", "Enterprise": "firms", "Project": "projects"}
#: Values a document states of a node, compared as [old, new].
SCALARS: dict[str, tuple[str, ...]] = {"clusters": ("target_yi", "level", "target_year")}
#: Links compared as {added, removed}, per section.
LINKS: dict[str, tuple[str, ...]] = {
    "clusters": ("zones", "firms", "projects"),
    "zones": ("clusters", "projects"),
    "firms": ("clusters", "projects"),
    "projects": ("clusters", "firms", "zones"),
}
# A stated relationship (from → to) seen from both ends: (from section, field, to section, field).
_ENDS: dict[str, tuple[str, str, str, str]] = {
    "SERVES": ("zones", "clusters", "clusters", "zones"),
    "ANCHORS": ("firms", "clusters", "clusters", "firms"),
    "SUPPORTS": ("projects", "clusters", "clusters", "projects"),
    "RUN_BY": ("projects", "firms", "firms", "projects"),
    "SITED_IN": ("projects", "zones", "zones", "projects"),
}

Statements = dict[str, dict[str, dict[str, Any]]]


def statements(rows: Iterable[Mapping[str, Any]]) -> Statements:
    """One document's statements per section and key: stated values and sets of linked keys."""
    out: Statements = {kind: {} for kind in KINDS.values()}

    def entry(kind: str, key: str) -> dict[str, Any]:
        found = out[kind].get(key)
        if found is None:
            found = out[kind][key] = {name: set() for name in LINKS[kind]}
        return found

    for row in rows:
        kind = KINDS.get(str(row["label"]))
        if kind is None:
            continue
        e = entry(kind, row["key"])
        stated = row.get("stated") or {}
        for name in SCALARS.get(kind, ()):
            e[name] = stated.get(name)
        for link in row.get("links") or []:
            ends = _ENDS.get(str(link["type"]))
            if ends is None:
                continue
            _, a_field, b_kind, b_field = ends
            e[a_field].add(link["key"])
            # The far end is named by the document too, even if no span of it was kept.
            entry(b_kind, link["key"])[b_field].add(row["key"])
    return out


def _section(old: Mapping[str, dict[str, Any]], new: Mapping[str, dict[str, Any]], kind: str) -> dict[str, Any]:
    a, b = set(old), set(new)
    changed: list[dict[str, Any]] = []
    for key in sorted(a & b):
        fields: dict[str, Any] = {}
        for name in SCALARS.get(kind, ()):
            before, after = old[key].get(name), new[key].get(name)
            if before != after:
                fields[name] = [before, after]
        for name in LINKS[kind]:
            before_set, after_set = old[key][name], new[key][name]
            if before_set != after_set:
                fields[name] = {"added": sorted(after_set - before_set), "removed": sorted(before_set - after_set)}
        if fields:
            changed.append({"key": key, "fields": fields})
    return {"added": sorted(b - a), "removed": sorted(a - b), "kept": sorted(a & b), "changed": changed}


def diff_documents(
    from_key: str, to_key: str, old_rows: Iterable[Mapping[str, Any]], new_rows: Iterable[Mapping[str, Any]]
) -> dict[str, Any]:
    """The diff of two documents: per section the keys added, removed and kept (named by both;
    ``changed`` details the kept ones whose stated values or links differ)."""
    old, new = statements(old_rows), statements(new_rows)
    out: dict[str, Any] = {"from": from_key, "to": to_key}
    for kind in KINDS.values():
        out[kind] = _section(old[kind], new[kind], kind)
    return out


def timeline(row: Mapping[str, Any]) -> dict[str, Any]:
    """A ``cluster_timeline`` row with, per document, the zones gained and lost since the one before.

    >>> t = timeline({"key": "c", "name": "c", "actuals": [], "documents": [
    ...     {"doc": "a", "zones": ["z1", "z2"]}, {"doc": "b", "zones": ["z2", "z3"]}]})
    >>> [(d["zones_gained"], d["zones_lost"]) for d in t["documents"]]
    [(['z1', 'z2'], []), (['z3'], ['z1'])]
    """
    documents: list[dict[str, Any]] = []
    before: set[str] = set()
    for d in row["documents"]:
        zones = set(d.get("zones") or [])
        documents.append({**d, "zones_gained": sorted(zones - before), "zones_lost": sorted(before - zones)})
        before = zones
    targets = defaultdict(list)
    for d in documents:
        if d.get("target_yi") is not None:
            targets[d.get("target_year")].append({"doc": d["doc"], "target_yi": d["target_yi"]})
    return {
        "key": row["key"],
        "name": row["name"],
        "documents": documents,
        "actuals": list(row.get("actuals") or []),
        "targets": [{"target_year": year, "stated": stated} for year, stated in targets.items()],
    }
