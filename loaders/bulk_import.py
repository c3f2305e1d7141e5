"""First loads in bulk: a plan and a firm registry written as ``neo4j-admin database import``
CSVs and imported into a fresh database, replacing the whole graph.

The Bolt loaders MERGE row by row, which for a province's registry (10^6–10^7 firms) takes
many minutes; the offline importer writes the store files directly.  It only builds a new
database, so :func:`bulk_import` replaces everything: the graph afterwards holds the plan
and the firms and nothing else, the same graph (property for property) that ``clusterkg
load plan`` followed by ``clusterkg load firms`` writes into an empty database.

Everything that can be wrong with the input is found before the server is touched: the
plan is parsed and validated, the registry checked in full (all or nothing, as
:func:`clusterkg.loaders.load_firms.load_firms`), and the CSVs are written.  Only then is
the local server (the one ``scripts/neo4j.sh`` runs) stopped, the old database moved aside,
the import run and the server started again; then the derived Presence cells, the
constraints and the indexes are built.  If the import fails, the old database is
moved back and the server restarted, so a failed bulk load leaves the graph as it was.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, LiteralString, cast

from neo4j import Driver, Query

from clusterkg.errors import ClusterKGError, InputError
from clusterkg.graph.db import create_driver, read, translate_errors
from clusterkg.graph.model import GraphBatch, Label, NodeRow, RelType, cypher_name
from clusterkg.graph.presence import refresh_presence
from clusterkg.graph.schema import ensure_schema, record_version
from clusterkg.graph.search_text import search_text
from clusterkg.graph.server import ROOT, SCRIPT, LocalServer, ServerError
from clusterkg.graph.writes import validate_batch
from clusterkg.settings import Settings
from clusterkg.text import normalise_name

from .chains import load_chains
from .firm_stage import stage_firms
from .firms import FIRM_LINKS, firm_batch, write_rejects_stream
from .gazetteer import Gazetteer
from .load_plan import PLAN_LABELS, parse_plan

MAX_LISTED = 50
FIRM_BATCH = 10_000
# Between the elements of a list property: a control character that clean text never holds.
ARRAY_DELIMITER = "\x1f"
_PROPERTY_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_PERCENT = re.compile(r"(\d+)%")

# progress(phase, n): ``n`` more rows checked ('checking') or written ('csv'), the import's
# percentage ('importing'), or 0 when a phase without rows starts ('stopping', 'starting',
# 'schema': empty lists, Presence cells, constraints and indexes).
Progress = Callable[[str, int], None]


class BulkImportError(ClusterKGError):
    """neo4j-admin refused the import, or the server did not come back after it."""


@dataclass(frozen=True, slots=True)
class BulkImport:
    """What a bulk load wrote, and how long each phase took (seconds)."""

    counts: dict[str, int]
    firms: int
    rejected: int
    rejects_file: Path | None
    presence_cells: int = 0
    timings: dict[str, float] = field(default_factory=dict)


# ─────────────────────────── CSV files for neo4j-admin ───────────────────────────


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
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)
        # (label, signature) and (type, from label, to label, signature) → file
        self._nodes: dict[tuple[Any, ...], _Table] = {}
        self._rels: dict[tuple[Any, ...], _Table] = {}
        self._shapes: dict[tuple[Any, ...], _Table] = {}
        self.multiline = False

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
        table = self._table((label,), props, rel=False)
        cell = self._cell
        table.handle.write(",".join([cell(key), *(cell(props[c]) for c in table.columns)]) + "\n")
        table.rows += 1

    def rel(self, rel: RelType, a: Label, a_key: str, b: Label, b_key: str, props: Mapping[str, Any]) -> None:
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


# ─────────────────────────── what the Bolt loaders would leave ───────────────────────────


def _merge(props: dict[str, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    """``SET x += new``: later values win and a null removes the property."""
    out = dict(props)
    for name, value in new.items():
        if value is None:
            out.pop(name, None)
        else:
            out[name] = value
    return out


def _node_props(n: NodeRow) -> dict[str, Any]:
    # As graph.writes._write_nodes: props first, then name, aliases and search_text over them.
    if "key" in n.props:
        raise InputError(f"{n.label.value} {n.key!r}: a property may not be called 'key'")
    props = _merge({}, n.props)
    props["name"] = n.name
    props["aliases"] = list(n.aliases)
    props["search_text"] = n.search_text if n.search_text is not None else search_text(n.name, n.aliases)
    return props


@dataclass
class _PlanGraph:
    """The plan batch as the Bolt plan load leaves it in an empty database: relationships
    merged on (type, ends), provenance merged on (node, document, paragraph, start), and
    plan-only nodes without any relationship dropped."""

    nodes: dict[tuple[Label, str], NodeRow]
    props: dict[tuple[Label, str], dict[str, Any]]
    rels: dict[tuple[RelType, Label, str, Label, str], dict[str, Any]]
    stated: dict[tuple[Label, str, str, int, int], int]

    @classmethod
    def of(cls, batch: GraphBatch) -> _PlanGraph:
        validate_batch(batch)
        nodes = {(n.label, n.key): n for n in batch.nodes}
        rels: dict[tuple[RelType, Label, str, Label, str], dict[str, Any]] = {}
        for r in batch.relationships:
            props = dict(r.props)
            if r.span is not None:
                props.update(doc=r.span.document, paragraph=r.span.paragraph, start=r.span.start, end=r.span.end)
            key = (r.type, r.from_label, r.from_key, r.to_label, r.to_key)
            rels[key] = _merge(rels.get(key, {}), props)
        stated: dict[tuple[Label, str, str, int, int], int] = {}
        for n in batch.nodes:
            for s in n.spans:
                # The Bolt write MATCHes the document: a span of a document not loaded links nothing.
                if (Label.DOCUMENT, s.document) in nodes:
                    stated[(n.label, n.key, s.document, s.paragraph, s.start)] = s.end
        linked = {(k[1], k[2]) for k in rels} | {(k[3], k[4]) for k in rels}
        linked |= {(k[0], k[1]) for k in stated} | {(Label.DOCUMENT, k[2]) for k in stated}
        pruned = set(PLAN_LABELS)
        nodes = {k: n for k, n in nodes.items() if k[0] not in pruned or k in linked}
        return cls(nodes, {k: _node_props(n) for k, n in nodes.items()}, rels, stated)

    def zone_index(self) -> dict[str, str]:
        """Normalised zone name or alias → zone key, as load_firms reads it from the graph."""
        index: dict[str, str] = {}
        for (label, key), n in self.nodes.items():
            if label is Label.ZONE:
                for name in [key, *n.aliases]:
                    index[normalise_name(name)] = key
        return index

    def take_firm(self, firm: NodeRow) -> bool:
        """Merge a registry firm into a plan firm of the same key, as a re-MERGE would; False
        when the plan has no such firm."""
        key = (Label.ENTERPRISE, firm.key)
        if key not in self.props:
            return False
        merged = _merge(self.props[key], firm.props)
        merged.update(_node_props(firm))
        self.props[key] = merged
        # The registry load replaces the firm's own links that no document states.
        for rel in [
            k
            for k, p in self.rels.items()
            if k[1] is Label.ENTERPRISE and k[2] == firm.key and k[0] in FIRM_LINKS and "doc" not in p
        ]:
            del self.rels[rel]
        return True


def _write_node(
    tables: CsvTables, label: Label, key: str, props: dict[str, Any], empty_lists: list[tuple[Label, str, str]]
) -> None:
    # neo4j-admin cannot store an empty list (an empty array cell is no property), so
    # those are written after the import; aliases, which every node has, are fixed by label.
    out = {}
    for name, value in props.items():
        if type(value) is list and not value:
            if name != "aliases":
                empty_lists.append((label, key, name))
        else:
            out[name] = value
    tables.node(label, key, out)


# ─────────────────────────── the load ───────────────────────────


def _run_import(command: list[str], log: Path, progress: Progress | None) -> tuple[int, list[str]]:
    """Run neo4j-admin through the script; its exit code and the last lines it printed."""
    tail: deque[str] = deque(maxlen=40)
    with (
        subprocess.Popen(
            ["bash", str(SCRIPT), *command],
            cwd=ROOT,
            env=os.environ.copy(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        ) as proc,
        log.open("w", encoding="utf-8") as out,
    ):
        assert proc.stdout is not None
        for line in proc.stdout:
            out.write(line)
            tail.append(line.rstrip())
            if progress and (m := _PERCENT.search(line)) is not None:
                progress("importing", int(m.group(1)))  # each importer stage counts 5% … 100%
        code = proc.wait()
    return code, list(tail)


def bulk_import(
    settings: Settings,
    plan_path: str | Path,
    firms_path: str | Path,
    *,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    directory: str | Path | None = None,
) -> BulkImport:
    """Replace the whole graph with a plan and a firm registry via ``neo4j-admin database import``.

    The registry is checked in full first (any invalid row refuses the file, unless
    ``skip_invalid``: then its rows go to ``<file>.rejects.csv``); nothing is stopped or
    replaced until the CSVs are written.  The local server is then stopped, the database
    ``settings.neo4j_database`` rebuilt from the CSVs, the server started and the schema
    (constraints, full-text index) created.  A failed import restores the old database.
    CSVs and staging go to a temporary folder under ``directory`` (default: the system's).

    >>> bulk_import(settings, "plans/henan.txt", "firms.csv").counts["Enterprise"]  # doctest: +SKIP
    1000053
    """
    timings: dict[str, float] = {}
    server = LocalServer.for_settings(settings)
    database = settings.neo4j_database
    if server.aside(database).exists():
        raise BulkImportError(
            f"{server.aside(database)} holds the database a previous bulk load moved aside and could not "
            "put back; move it to data/databases and data/transactions or delete it, then retry"
        )
    started = time.perf_counter()
    _, batch = parse_plan(plan_path)
    plan = _PlanGraph.of(batch)
    zones = plan.zone_index()
    if not zones:
        raise InputError(f"{plan_path}: the plan names no zones, so no firm could be placed")
    known = set(plan.nodes)
    path = Path(firms_path)
    checking = (lambda n: progress("checking", n)) if progress else None
    with tempfile.TemporaryDirectory(prefix="clusterkg-bulk-", dir=directory) as tmp:
        work = Path(tmp)
        tables = CsvTables(work / "csv")
        empty_lists: list[tuple[Label, str, str]] = []
        try:
            with stage_firms(
                path,
                lambda name: zones.get(normalise_name(name)),
                Gazetteer.load(),
                load_chains(),
                progress=checking,
                directory=work,
            ) as staged:
                timings["checking"] = time.perf_counter() - started
                rejects: Path | None = None
                if staged.problem_count:
                    if not skip_invalid:
                        raise staged.refusal(
                            "nothing imported and the graph untouched",
                            "use --skip-invalid to import the valid rows",
                            MAX_LISTED,
                        )
                    rejects = write_rejects_stream(path, staged.iter_problems())
                mark = time.perf_counter()
                for rows in staged.batches(FIRM_BATCH):
                    firms = firm_batch(rows)
                    for n in firms.nodes:
                        if not plan.take_firm(n):
                            _write_node(tables, n.label, n.key, _node_props(n), empty_lists)
                    for r in firms.relationships:
                        if (r.to_label, r.to_key) not in known:
                            raise InputError(
                                f"{path}: firm {r.from_key} names {r.to_label.value} {r.to_key!r}, "
                                "which the plan does not define; nothing imported"
                            )
                        tables.rel(r.type, r.from_label, r.from_key, r.to_label, r.to_key, _merge({}, r.props))
                    if progress:
                        progress("csv", len(rows))
                firm_count, rejected = staged.valid, staged.rejected_count
            for (label, key), props in plan.props.items():
                _write_node(tables, label, key, props, empty_lists)
            for (rel, a, a_key, b, b_key), props in plan.rels.items():
                for name, value in props.items():
                    if type(value) is list and not value:
                        raise InputError(
                            f"{rel.value} {a_key!r}→{b_key!r}: an empty list ({name}) on a "
                            "relationship cannot be bulk-imported"
                        )
                tables.rel(rel, a, a_key, b, b_key, props)
            for (label, key, doc, paragraph, start), end in plan.stated.items():
                # As the Bolt write: what the document states of the node rides on its provenance.
                node = plan.nodes[(label, key)]
                stated = {k: v for k, v in node.props.items() if v is not None}
                if node.aliases:
                    stated["aliases"] = list(node.aliases)
                tables.rel(
                    RelType.STATED_IN,
                    label,
                    key,
                    Label.DOCUMENT,
                    doc,
                    {"paragraph": paragraph, "start": start, "end": end, **stated},
                )
        finally:
            tables.close()
        timings["csv"] = time.perf_counter() - mark
        counts = tables.counts
        _replace_database(server, database, tables, work, progress, timings)
    if progress:
        progress("schema", 0)
    driver = create_driver(settings)
    try:
        mark = time.perf_counter()
        _fill_empty_lists(driver, settings, counts, empty_lists)
        timings["empty_lists"] = time.perf_counter() - mark
        mark = time.perf_counter()
        # Derived cells, as after a registry load; built before the indexes, which then index once.
        cells = refresh_presence(driver, settings)
        timings["presence"] = time.perf_counter() - mark
        mark = time.perf_counter()
        record_version(driver, settings)  # a new store, written by this code throughout
        ensure_schema(driver, settings)
        found = _database_counts(driver, settings, counts)
    finally:
        driver.close()
    if found != counts:
        raise BulkImportError(f"the imported database holds {found}, the CSVs held {counts}")
    shutil.rmtree(server.aside(database).parent, ignore_errors=True)
    timings["schema"] = time.perf_counter() - mark
    timings["total"] = time.perf_counter() - started
    return BulkImport(counts, firm_count, rejected, rejects, cells, {k: round(v, 2) for k, v in timings.items()})


def _replace_database(
    server: LocalServer,
    database: str,
    tables: CsvTables,
    work: Path,
    progress: Progress | None,
    timings: dict[str, float],
) -> None:
    """Stop the server, import into a fresh store (the old one moved aside), start again.

    The old store comes back if the import fails or is interrupted; it is deleted by the
    caller once the new one answers.
    """
    mark = time.perf_counter()
    if progress:
        progress("stopping", 0)
    server.stop()
    aside = server.aside(database)
    aside.mkdir(parents=True)
    live = server.store(database)
    moved = [(p, aside / p.parent.name) for p in live if p.exists()]
    for src, dst in moved:
        src.rename(dst)
    timings["stop"] = time.perf_counter() - mark
    mark = time.perf_counter()
    command = [
        "admin",
        "database",
        "import",
        "full",
        database,
        "--overwrite-destination",
        f"--array-delimiter=U+{ord(ARRAY_DELIMITER):04X}",
        "--bad-tolerance=0",
        f"--report-file={work / 'import.report'}",
        *tables.import_arguments(),
    ]
    if tables.multiline:
        command.append("--multiline-fields=true")
    ok = False
    try:
        code, tail = _run_import(command, work / "import.log", progress)
        if code != 0:
            report = work / "import.report"
            lines = report.read_text(errors="replace").splitlines()[-10:] if report.exists() else []
            raise BulkImportError(
                f"neo4j-admin import failed (exit {code}); the previous database was put back.\n"
                + "\n".join([*tail[-15:], *lines])
            )
        ok = True
    finally:
        timings["import"] = time.perf_counter() - mark
        if not ok:
            for path in live:
                shutil.rmtree(path, ignore_errors=True)
            for src, dst in moved:
                dst.rename(src)
            shutil.rmtree(aside.parent, ignore_errors=True)
        mark = time.perf_counter()
        if progress:
            progress("starting", 0)
        try:
            server.start()
        except ServerError as exc:
            kept = f"; the previous database is kept in {aside}" if ok else ""
            raise BulkImportError(f"the server did not start after the import{kept}: {exc}") from None
        timings["start"] = time.perf_counter() - mark


def _fill_empty_lists(
    driver: Driver, settings: Settings, counts: Mapping[str, int], empty_lists: Iterable[tuple[Label, str, str]]
) -> None:
    # CALL … IN TRANSACTIONS needs an auto-commit transaction, hence session.run.
    with translate_errors(settings), driver.session(database=settings.neo4j_database) as session:
        for label in Label:
            if counts.get(label.value):
                # Every node the loaders write has an aliases list, empty for most.
                session.run(
                    Query(
                        cast(
                            LiteralString,
                            f"MATCH (n:{cypher_name(label)}) WHERE n.aliases IS NULL "
                            "CALL (n) { SET n.aliases = [] } IN TRANSACTIONS OF 50000 ROWS",
                        ),
                        timeout=settings.load_timeout_s,
                    )
                ).consume()
        by_label: dict[Label, list[dict[str, Any]]] = {}
        for label, key, prop in empty_lists:
            by_label.setdefault(label, []).append({"key": key, "props": {prop: []}})
        for label, rows in by_label.items():
            session.run(
                Query(
                    cast(
                        LiteralString,
                        f"UNWIND $rows AS row MATCH (n:{cypher_name(label)} {{key: row.key}}) SET n += row.props",
                    ),
                    timeout=settings.load_timeout_s,
                ),
                rows=rows,
            ).consume()


def _database_counts(driver: Driver, settings: Settings, expected: Mapping[str, int]) -> dict[str, int]:
    labels = {label.value: label for label in Label}
    found: dict[str, int] = {}
    for name in expected:
        if name in labels:
            cypher = f"MATCH (n:{cypher_name(labels[name])}) RETURN count(n) AS n"
        else:
            cypher = f"MATCH ()-[r:{cypher_name(RelType(name))}]->() RETURN count(r) AS n"
        found[name] = read(driver, settings, cypher)[0]["n"]
    return dict(sorted(found.items()))
