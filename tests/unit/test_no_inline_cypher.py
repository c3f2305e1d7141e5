"""Reads live in queries/ as .cypher files: the web layer, the graph's read modules and the loaders
hold no Cypher except the writes (and the few files listed here, each with its reason)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ("api", "graph", "loaders", "clusterkg")
CYPHER = re.compile(r"\b(?:MATCH\s*\(|UNWIND\s+\$|CALL\s+db\.|SHOW\s+(?:INDEXES|CONSTRAINTS|SETTINGS|DATABASES)\b)")

#: Files that may hold Cypher, and why.  A new read goes to queries/ (or queries/internal/) instead.
ALLOWED: dict[str, str] = {
    "graph/writes.py": "the batched writes",
    "graph/schema.py": "constraints, indexes and the schema version node (DDL and writes)",
    "graph/documents.py": "a document's load and unload writes (its reads are queries/internal/document_*)",
    "graph/presence.py": "the rebuild of the derived Presence cells (writes)",
    "graph/logical_backup.py": "backup and restore of whatever labels the database holds, beyond the model's",
    "graph/console.py": "the read-only console's docstring shows the write it refuses",
    "api/routes_admin.py": "the console's OpenAPI example of what a user may type",
    "loaders/bulk/fixups.py": "the fix-ups after a neo4j-admin import (writes) and its per-label counts of what arrived",
}


def _cypher_lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()[:100]}"
        for n, line in enumerate(text.splitlines(), start=1)
        if CYPHER.search(line)
    ]


def test_no_module_outside_queries_holds_cypher_but_the_allowed_ones() -> None:
    found = [
        hit
        for folder in SCANNED
        for path in sorted((ROOT / folder).rglob("*.py"))
        if str(path.relative_to(ROOT)) not in ALLOWED
        for hit in _cypher_lines(path)
    ]
    assert found == [], "read Cypher belongs in queries/*.cypher (or queries/internal/):\n" + "\n".join(found)


def test_the_scan_sees_cypher_where_it_is() -> None:
    # The pattern is not blind: each allowed file that is there today holds what it is allowed for.
    present = [name for name in ALLOWED if (ROOT / name).exists()]
    assert present and all(_cypher_lines(ROOT / name) for name in present), present


def test_the_graph_read_modules_hold_no_cypher() -> None:
    for name in ("analytics", "subgraph", "paths", "provenance", "export"):
        assert _cypher_lines(ROOT / "graph" / f"{name}.py") == [], name
