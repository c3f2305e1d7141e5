"""Blocks shared by several named queries are written once in queries/parts/ and pasted in."""

from __future__ import annotations

from pathlib import Path

import pytest

from clusterkg.errors import InputError
from clusterkg.queries.registry import load_registry

QUERY = """// name: q
// description: a query opening with a part
// param: limit int default=5 min=1 max=10 | rows
MATCH (c:Cluster)
// include: scope
RETURN c.key AS key, places
LIMIT $limit
"""


def test_a_part_is_pasted_where_its_include_line_stands(tmp_path: Path) -> None:
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "scope.cypher").write_text("// the part\nWITH c, [] AS places\n", encoding="utf-8")
    (tmp_path / "q.cypher").write_text(QUERY, encoding="utf-8")
    cypher = load_registry.__wrapped__(str(tmp_path)).get("q").cypher
    assert cypher.splitlines()[1:3] == ["// the part", "WITH c, [] AS places"]
    assert "include:" not in cypher


def test_an_unknown_part_is_named_with_the_parts_there_are(tmp_path: Path) -> None:
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "other.cypher").write_text("WITH c\n", encoding="utf-8")
    (tmp_path / "q.cypher").write_text(QUERY, encoding="utf-8")
    with pytest.raises(InputError, match=r"q\.cypher: no part 'scope' to include \(parts/: other\)"):
        load_registry.__wrapped__(str(tmp_path))


def test_the_gap_queries_share_one_scope_block() -> None:
    registry = load_registry()
    block = "WITH c, COLLECT { MATCH (c)<-[:SERVES]-(z:Zone) RETURN z.key AS k } AS own_zones"
    for name in ("gap_scope", "cluster_gaps", "gap_targets"):
        cypher = registry.get(name).cypher
        assert cypher.count(block) == 1, name
        assert "// include:" not in cypher, name
