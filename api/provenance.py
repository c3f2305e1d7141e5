"""Quotes for provenance spans, read from the plan documents at run time."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from neo4j import Driver

from clusterkg.errors import InputError
from clusterkg.graph.model import Label
from clusterkg.loaders.plan.document import PlanDocument, read_plan
from clusterkg.settings import Settings


@lru_cache(maxsize=16)
def _document(path: str, mtime: float) -> PlanDocument:
    return read_plan(path)


def quote(plans_dir: Path, span: dict[str, Any]) -> str | None:
    """The text of a span, or None when the document is not here or has changed since the load."""
    if not span.get("file") or span.get("start") is None or int(span["start"]) < 0:
        return None  # -1: stated without a span (graph.documents)
    path = plans_dir / str(span["file"])
    try:
        doc = _document(str(path), path.stat().st_mtime)
    except (OSError, InputError):
        return None
    if span.get("sha256") and doc.sha256 != span["sha256"]:
        return None
    quote: str = doc.quote(int(span["start"]), int(span["end"]))
    return quote


def sources(driver: Driver, settings: Settings, label: Label, key: str, limit: int = 60) -> list[dict[str, Any]]:
    """The plan's own sentences for a node and its stated relationships, for a page's 出处 section:
    ``what`` (本条 or the relationship in Chinese and the other end), ``document``, ``paragraph``, ``quote``.
    Quotes come from the documents at run time; a statement whose document is not here shows no quote."""
    from clusterkg.graph.provenance import node_statements
    from clusterkg.graph.render import LABEL_ZH, REL_ZH

    node = node_statements(driver, settings, label, key)
    out: list[dict[str, Any]] = [
        {"what": "本条", "document": s["document"], "paragraph": s["paragraph"], "quote": quote(settings.plans_dir, s)}
        for s in node["spans"]
    ]
    for r in node["relationships"]:
        if r["paragraph"] is None:
            continue
        other = f"{LABEL_ZH.get(r['other_label'], r['other_label'])} {r['other_key']}"
        out.append(
            {
                "what": f"{REL_ZH.get(r['type'], r['type'])}：{other}",
                "document": r["document"],
                "paragraph": r["paragraph"],
                "quote": quote(settings.plans_dir, r),
            }
        )
    seen: set[tuple[str, Any, Any]] = set()
    unique = []
    for s in out:
        k = (s["what"], s["document"], s["paragraph"])
        if k not in seen:
            seen.add(k)
            unique.append(s)
    return unique[:limit]
