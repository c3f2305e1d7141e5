"""The registry's header rules: public and internal queries, streamed exports, list parameters."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from clusterkg.errors import InputError, NotFoundError
from clusterkg.graph.model import Label
from clusterkg.graph.subgraph import WALKED
from clusterkg.queries.registry import INTERNAL, Param, load_registry, parse_query_file

STREAM = "// name: q\n// description: every node\n// stream: true\nMATCH (n) RETURN n\n"


def test_an_internal_query_may_stream_without_a_limit() -> None:
    q = parse_query_file("q", STREAM, internal=True)
    assert (q.internal, q.stream, q.params, q.source) == (True, True, (), "internal/q.cypher")


def test_a_public_query_may_not_stream() -> None:
    with pytest.raises(InputError) as err:
        parse_query_file("q", STREAM)
    assert str(err.value) == "q.cypher: only an internal query (internal/) may stream its rows without a LIMIT"


def test_stream_says_true_or_nothing() -> None:
    with pytest.raises(InputError) as err:
        parse_query_file("q", STREAM.replace("stream: true", "stream: yes"), internal=True)
    assert str(err.value) == "q.cypher: 'stream' can only be 'true', got 'yes'"


def test_a_streamed_query_takes_no_limit() -> None:
    text = (
        "// name: q\n// description: d\n// stream: true\n"
        "// param: limit int default=5 min=1 max=10 | rows\nMATCH (n) RETURN n LIMIT $limit\n"
    )
    with pytest.raises(InputError) as err:
        parse_query_file("q", text, internal=True)
    assert str(err.value) == "q.cypher: a streamed query reads every row; it takes no LIMIT $limit"


def test_an_internal_query_that_does_not_stream_still_needs_its_limit() -> None:
    with pytest.raises(InputError) as err:
        parse_query_file("q", "// name: q\n// description: d\nMATCH (n) RETURN n\n", internal=True)
    assert str(err.value) == "q.cypher: every named query must end its rows with LIMIT $limit"


def _write(folder: Path, name: str, body: str = "MATCH (n) RETURN n LIMIT $limit") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.cypher").write_text(
        f"// name: {name}\n// description: d\n// param: limit int default=5 min=1 max=10 | rows\n{body}\n",
        encoding="utf-8",
    )


def test_internal_queries_are_apart_from_the_public_ones(tmp_path: Path) -> None:
    _write(tmp_path, "shown")
    _write(tmp_path / INTERNAL, "hidden")
    registry = load_registry.__wrapped__(str(tmp_path))
    assert (registry.names(), [q.name for q in registry.all()], len(registry)) == (["shown"], ["shown"], 1)
    assert "hidden" not in registry
    assert [q.name for q in registry.all_internal()] == ["hidden"]
    assert registry.internal("hidden").internal is True
    with pytest.raises(NotFoundError, match=r"^no named query 'hidden'; known: shown$"):
        registry.get("hidden")
    with pytest.raises(NotFoundError, match=r"^no internal query 'shown'; known: hidden$"):
        registry.internal("shown")


def test_a_name_both_public_and_internal_is_refused(tmp_path: Path) -> None:
    _write(tmp_path, "twice")
    _write(tmp_path / INTERNAL, "twice")
    with pytest.raises(InputError) as err:
        load_registry.__wrapped__(str(tmp_path))
    assert str(err.value) == "twice: both a public and an internal query (internal/) have this name"


def test_a_list_parameter_takes_strings_up_to_its_max() -> None:
    p = Param("ids", "list", max=2)
    assert p.coerce(("a", "b")) == ["a", "b"]
    with pytest.raises(InputError) as err:
        p.coerce(["a", "b", "c"])
    assert str(err.value) == "parameter 'ids' takes at most 2 items, got 3"
    with pytest.raises(InputError) as err:
        p.coerce("a,b")
    assert str(err.value) == "parameter 'ids' must be a list of strings, got 'a,b'"
    with pytest.raises(InputError) as err:
        p.coerce([1])
    assert str(err.value) == "parameter 'ids' must be a list of strings, got '[1]'"


def test_the_shipped_internal_queries_are_none_of_the_public_ones() -> None:
    registry = load_registry()
    internal = {q.name for q in registry.all_internal()}
    assert {"cluster_projection", "graph_stamp", "shortest_paths", "node_statements", "graphml_nodes"} <= internal
    assert not internal & set(registry.names())
    streamed = {q.name for q in registry.all_internal() if q.stream}
    assert streamed == {
        "document_resolve_candidates",
        "document_stated_nodes",
        "document_statements_of",
        "existing_keys",
        "export_nodes",
        "export_relationships",
        "graphml_nodes",
        "graphml_property_keys",
        "graphml_relationships",
    }
    assert all(not any(p.name == "limit" for p in registry.internal(n).params) for n in streamed)


# A branch of the label union: MATCH (n:Zone {key: $key}) WHERE $label = 'Zone' RETURN n
_BRANCH = re.compile(r"MATCH \((\w+):(\w+) \{key: ([$\w]+)\}\) WHERE \$(\w+) = '(\w+)' RETURN \1")


@pytest.mark.parametrize(
    "name",
    [q.name for q in load_registry().all_internal() if {p.name for p in q.params} & {"label", "a_label", "b_label"}],
)
def test_a_query_taking_a_label_seeks_each_model_label_but_presence(name: str) -> None:
    cypher = load_registry().internal(name).cypher
    branches = _BRANCH.findall(cypher)
    if name == "document_resolve_candidates":  # read from the documents' edges, not by key
        assert branches == [] and "$label IN labels(n)" in cypher
        return
    expected = [label.value for label in Label if label is not Label.PRESENCE]
    by_param: dict[str, list[str]] = {}
    for _var, label, _key, param, guard in branches:
        assert label == guard, (name, label, guard)
        by_param.setdefault(param, []).append(label)
    assert by_param and all(labels == expected for labels in by_param.values()), (name, by_param)


def test_the_neighbourhood_walks_the_model_types_but_provenance() -> None:
    walked = "|".join(t.value for t in WALKED)
    for name, count in (("neighbourhood_ring", 2), ("neighbourhood_nodes", 1)):
        types = re.findall(r"-\[\w*:([A-Z_|]+)\]-", load_registry().internal(name).cypher)
        assert types == [walked] * count, name


def test_an_internal_query_is_run_by_the_runner_that_fits_it() -> None:
    from clusterkg.queries.run import run_internal, stream_internal

    # Refused before any server is asked: no driver or session is needed to see the mistake.
    with pytest.raises(InputError) as err:
        run_internal(None, None, "export_nodes", {"labels": ["Cluster"]})  # type: ignore[arg-type]
    assert str(err.value) == "internal query 'export_nodes' streams; run it with stream_internal"
    with pytest.raises(InputError) as err:
        next(stream_internal(None, "graph_stamp"))  # type: ignore[arg-type]
    assert str(err.value) == "internal query 'graph_stamp' has a LIMIT; run it with run_internal or run_in"
    with pytest.raises(InputError) as err:
        run_internal(None, None, "node_exists", {"label": "Zone"})  # type: ignore[arg-type]
    assert str(err.value) == "query 'node_exists' needs parameter 'key'"
