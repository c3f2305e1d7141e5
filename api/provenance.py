"""Quotes for provenance spans, read from the plan documents at run time."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from clusterkg.errors import InputError
from clusterkg.loaders.plan.document import PlanDocument, read_plan


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
