"""The CSV files ``neo4j-admin database import`` reads: one per label, or per relationship type
and end labels, and per set of typed property columns."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

from clusterkg.errors import InputError
from clusterkg.graph.model import Label, RelType

# Between the elements of a list property: a control character that clean text never holds.
ARRAY_DELIMITER = "\x1f"
_PROPERTY_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _type_of(value: Any) -> str:
    kind = type(value)
    if kind is str:
        return "string"
    if kind is bool:
        return "boolean"
    if kind is int:
        return "long"
    if kind is float:
        return "double"
    if kind in (list, tuple):
        inner = {_type_of(v) for v in value}
        if len(inner) == 1 and not next(iter(inner)).endswith("[]"):
            return next(iter(inner)) + "[]"
    raise InputError(f"a property value of type {kind.__name__} ({str(value)[:40]!r}) cannot be bulk-imported")


class _Table:
    """One CSV file: one label (or relationship type and end labels) and one set of typed columns."""

    def __init__(self, path: Path, header: list[str], columns: tuple[str, ...]) -> None:
        self.path = path
        self.columns = columns
        self.rows = 0
        self.handle: IO[str] = path.open("w", encoding="utf-8", newline="", buffering=1 << 20)
        self.handle.write(",".join(header) + "\n")


class CsvTables:
    """The import's CSV files, one per label or (type, from label, to label) and property types.

    Values are encoded for the importer: strings always quoted (so that an empty string
    stays one), numbers and booleans bare, lists joined by :data:`ARRAY_DELIMITER`.  A
    property is never written empty: a row without it goes to a file without its column.

    >>> import tempfile
    >>> tables = CsvTables(Path(tempfile.mkdtemp()) / "csv")
    >>> tables.node(Label.ZONE, "许昌经济技术开发区", {"name": "许昌经济技术开发区", "aliases": ["许昌经开区"]})
    >>> tables.close()
    >>> tables.counts, tables.import_arguments()[0].endswith("000-Zone.csv")
    ({'Zone': 1}, True)
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)
        # (label, signature) and (type, from label, to label, signature) → file
        self._nodes: dict[tuple[Any, ...], _Table] = {}
        self._rels: dict[tuple[Any, ...], _Table] = {}
        self._shapes: dict[tuple[Any, ...], _Table] = {}
        self.multiline = False
        # neo4j-admin cannot store an empty list (an empty array cell is no property): node
        # properties left out for that, as (label, key, name), written after the import.
        # Aliases, which every node has and most leave empty, are not listed: they are fixed by label.
        self.empty_lists: list[tuple[Label, str, str]] = []

    def _cell(self, value: Any) -> str:
        kind = type(value)
        if kind is str:
            if "\n" in value or "\r" in value:
                self.multiline = True
            return '"' + str(value).replace('"', '""') + '"'
        if kind is bool:
            return "true" if value else "false"
        if kind is float:
            if math.isnan(value) or math.isinf(value):
                raise InputError(f"the value {value!r} cannot be bulk-imported")
            return repr(value)
        if kind is int:
            return str(value)
        items = [self._cell(v) if type(v) is not str else v for v in value]
        for item in items:
            if ARRAY_DELIMITER in item:
                raise InputError(f"list element {item[:40]!r} holds the array delimiter U+001F")
        return self._cell(ARRAY_DELIMITER.join(items))

    def _signature(self, props: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
        return tuple((name, _type_of(value)) for name, value in props.items())

    def _open(self, stem: str, id_columns: list[str], signature: tuple[tuple[str, str], ...]) -> _Table:
        for name, _ in signature:
            if not _PROPERTY_NAME.fullmatch(name):
                raise InputError(f"property name {name!r} cannot be bulk-imported")
        path = self.directory / f"{len(self._nodes) + len(self._rels):03d}-{stem}.csv"
        header = id_columns + [f"{name}:{kind}" for name, kind in signature]
        return _Table(path, header, tuple(name for name, _ in signature))

    def _table(self, owner: tuple[Any, ...], props: Mapping[str, Any], *, rel: bool) -> _Table:
        # Rows of one shape (names and Python types) share a file; looking the shape up is
        # cheaper than typing every value, which matters at 10^6 rows.
        types = tuple(map(type, props.values()))
        shape = (owner, tuple(props), types)
        table = self._shapes.get(shape)
        if table is not None:
            return table
        signature = self._signature(props)
        tables: dict[Any, _Table] = self._rels if rel else self._nodes
        table = tables.get((*owner, signature))
        if table is None:
            if rel:
                kind, a, b = owner
                table = self._open(
                    f"{a.value}-{kind.value}-{b.value}", [f":START_ID({a.value})", f":END_ID({b.value})"], signature
                )
            else:
                table = self._open(owner[0].value, [f"key:ID({owner[0].value})"], signature)
            tables[(*owner, signature)] = table
        if list not in types and tuple not in types:  # a list's element type is not in its shape
            self._shapes[shape] = table
        return table

    def node(self, label: Label, key: str, props: Mapping[str, Any]) -> None:
        """Write one node; an empty list property is left out and listed in :attr:`empty_lists`."""
        if any(type(value) is list and not value for value in props.values()):
            kept = {}
            for name, value in props.items():
                if type(value) is not list or value:
                    kept[name] = value
                elif name != "aliases":
                    self.empty_lists.append((label, key, name))
            props = kept
        table = self._table((label,), props, rel=False)
        cell = self._cell
        table.handle.write(",".join([cell(key), *(cell(props[c]) for c in table.columns)]) + "\n")
        table.rows += 1

    def rel(self, rel: RelType, a: Label, a_key: str, b: Label, b_key: str, props: Mapping[str, Any]) -> None:
        """Write one relationship; InputError for an empty list, which nothing could add after the import."""
        for name, value in props.items():
            if type(value) is list and not value:
                raise InputError(
                    f"{rel.value} {a_key!r}→{b_key!r}: an empty list ({name}) on a relationship cannot be bulk-imported"
                )
        table = self._table((rel, a, b), props, rel=True)
        cell = self._cell
        table.handle.write(",".join([cell(a_key), cell(b_key), *(cell(props[c]) for c in table.columns)]) + "\n")
        table.rows += 1

    @property
    def counts(self) -> dict[str, int]:
        """Rows written per label and relationship type."""
        out: dict[str, int] = {}
        for owner, table in [*self._nodes.items(), *self._rels.items()]:
            out[owner[0].value] = out.get(owner[0].value, 0) + table.rows
        return dict(sorted(out.items()))

    def close(self) -> None:
        for table in [*self._nodes.values(), *self._rels.values()]:
            table.handle.close()

    def import_arguments(self) -> list[str]:
        """The --nodes/--relationships options naming every file written."""
        args = [f"--nodes={owner[0].value}={t.path}" for owner, t in self._nodes.items()]
        args += [f"--relationships={owner[0].value}={t.path}" for owner, t in self._rels.items()]
        return args

    @property
    def size_bytes(self) -> int:
        return sum(t.path.stat().st_size for t in [*self._nodes.values(), *self._rels.values()])
