"""A logical backup through Bolt, for a server whose files we cannot reach (Docker, remote).

The file is gzip-compressed JSON Lines, written and read as a stream:

- a header ``{"format": "clusterkg-backup", "version": 1, "kind": "logical", "database", "created",
  "schema_version", "counts": {nodes, relationships, labels, types}, "schema": {constraints, indexes}}``;
- one line per node ``{"n": id, "l": [labels], "p": {properties}}``, every node before any relationship;
- one line per relationship ``{"r": [start id, end id], "t": type, "p": {properties}}``;
- a footer ``{"end": {nodes, relationships}}`` with what was streamed, so a truncated file is known.

Property values are JSON but for temporal values, points and byte arrays, written as
``{"$t": kind, "v": text}`` (Neo4j has no map-valued properties, so this is unambiguous).
A file is checked in full (:func:`read_header` with ``verify=True``) before anything is
written, and :func:`load_logical` loads it only into an empty database; if the load fails
part-way, what it wrote is deleted again, leaving the database empty as it found it.
"""

from __future__ import annotations

import base64
import gzip
import json
import re
import zlib
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import neo4j.time
from neo4j import Driver, Query, Session
from neo4j.spatial import CartesianPoint, Point, WGS84Point

from clusterkg.errors import ClusterKGError
from clusterkg.settings import Settings

from .db import read, translate_errors, write

FORMAT = "clusterkg-backup"
VERSION = 1
BATCH = 5000
# Nodes carry this label and property while a restore links relationships to them.
RESTORE_LABEL = "_ClusterkgRestore"
RESTORE_ID = "_restore_id"
RESTORE_INDEX = "clusterkg_restore_id"
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_ANALYZER = re.compile(r"[A-Za-z0-9_-]+")
Progress = Callable[[str, int], None]


class BackupError(ClusterKGError):
    """A backup could not be written, or a file is not a backup we can restore."""


# ─────────────────────────── names and values ───────────────────────────


def quoted(name: str) -> str:
    """A label, type or property name from a backup file as Cypher text.

    Names in a file are data; only plain identifiers are accepted, and they are back-tick
    quoted, so that a crafted file cannot add Cypher of its own.
    """
    if not _NAME.fullmatch(name):
        raise BackupError(f"the name {name[:60]!r} in the backup is not a plain identifier; not restoring it")
    return f"`{name}`"


_TEMPORAL: dict[str, Any] = {
    "DateTime": neo4j.time.DateTime,
    "Date": neo4j.time.Date,
    "Time": neo4j.time.Time,
    "Duration": neo4j.time.Duration,
}


def encode(value: Any) -> Any:
    """A property value as JSON (see the module's docstring)."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    for kind, cls in _TEMPORAL.items():
        if isinstance(value, cls):
            return {"$t": kind, "v": value.iso_format()}
    if isinstance(value, Point):
        return {"$t": "point", "srid": value.srid, "v": list(value)}
    if isinstance(value, (bytes, bytearray)):
        return {"$t": "bytes", "v": base64.b64encode(value).decode("ascii")}
    raise BackupError(f"a property value of type {type(value).__name__} cannot be backed up")


def decode(value: Any) -> Any:
    """The inverse of :func:`encode`, as a value the driver sends back with its own type."""
    if isinstance(value, list):
        return [decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    kind = value.get("$t")
    if kind in _TEMPORAL:
        return _TEMPORAL[kind].from_iso_format(value["v"])
    if kind == "point":
        cls = CartesianPoint if value["srid"] in (7203, 9157) else WGS84Point
        return cls(value["v"])
    if kind == "bytes":
        return bytearray(base64.b64decode(value["v"]))
    raise BackupError(f"unknown value {json.dumps(value)[:60]} in the backup")


# ─────────────────────────── what the database holds ───────────────────────────


def graph_counts(driver: Driver, settings: Settings) -> dict[str, Any]:
    """Nodes and relationships, in total and per label and type (from Neo4j's count store).

    >>> graph_counts(driver, settings)["nodes"]  # doctest: +SKIP
    1325
    """
    labels = [r["label"] for r in read(driver, settings, "CALL db.labels() YIELD label RETURN label ORDER BY label")]
    types = [
        r["t"]
        for r in read(driver, settings, "CALL db.relationshipTypes() YIELD relationshipType AS t RETURN t ORDER BY t")
    ]
    by_label = {
        label: read(driver, settings, f"MATCH (n:{quoted(label)}) RETURN count(n) AS n")[0]["n"] for label in labels
    }
    by_type = {t: read(driver, settings, f"MATCH ()-[r:{quoted(t)}]->() RETURN count(r) AS n")[0]["n"] for t in types}
    return {
        "nodes": read(driver, settings, "MATCH (n) RETURN count(n) AS n")[0]["n"],
        "relationships": read(driver, settings, "MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"],
        # A label or type left in the token store by deleted data counts nothing; omit it.
        "labels": {k: v for k, v in by_label.items() if v},
        "types": {k: v for k, v in by_type.items() if v},
    }


def schema_of(driver: Driver, settings: Settings) -> dict[str, list[dict[str, Any]]]:
    """Constraints and indexes as data (not Cypher text), the ones a new database has left out."""
    constraints = read(
        driver,
        settings,
        "SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties "
        "RETURN name, type, entityType, labelsOrTypes, properties ORDER BY name",
    )
    indexes = read(
        driver,
        settings,
        "SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, options, "
        "owningConstraint WHERE owningConstraint IS NULL AND type <> 'LOOKUP' "
        "RETURN name, type, entityType, labelsOrTypes, properties, options ORDER BY name",
    )
    for index in indexes:
        config = (index.pop("options") or {}).get("indexConfig") or {}
        index["analyzer"] = config.get("fulltext.analyzer") if index["type"] == "FULLTEXT" else None
    for item in [*constraints, *indexes]:
        statement(item, constraint=item in constraints)  # refuse what we could not create again, now
    return {"constraints": constraints, "indexes": indexes}


def statement(item: Mapping[str, Any], *, constraint: bool) -> str:
    """The ``CREATE … IF NOT EXISTS`` of a constraint or index described by :func:`schema_of`."""
    name, kind, entity = quoted(item["name"]), item["type"], item["entityType"]
    names = [quoted(x) for x in item["labelsOrTypes"]]
    props = [f"e.{quoted(p)}" for p in item["properties"]]
    pattern = f"(e:{'|'.join(names)})" if entity == "NODE" else f"()-[e:{'|'.join(names)}]-()"
    if constraint:
        if kind not in (
            "UNIQUENESS",
            "RELATIONSHIP_UNIQUENESS",
            "NODE_PROPERTY_UNIQUENESS",
            "RELATIONSHIP_PROPERTY_UNIQUENESS",
        ):
            raise BackupError(f"constraint {item['name']} of type {kind} cannot be backed up logically")
        return f"CREATE CONSTRAINT {name} IF NOT EXISTS FOR {pattern} REQUIRE ({', '.join(props)}) IS UNIQUE"
    if kind == "FULLTEXT":
        analyzer = item.get("analyzer") or "standard-no-stop-words"
        if not _ANALYZER.fullmatch(analyzer):
            raise BackupError(f"full-text index {item['name']}: analyzer {analyzer[:40]!r} is not a plain name")
        return (
            f"CREATE FULLTEXT INDEX {name} IF NOT EXISTS FOR {pattern} ON EACH [{', '.join(props)}] "
            f"OPTIONS {{indexConfig: {{`fulltext.analyzer`: '{analyzer}'}}}}"
        )
    if kind not in ("RANGE", "TEXT", "POINT"):
        raise BackupError(f"index {item['name']} of type {kind} cannot be backed up logically")
    prefix = "" if kind == "RANGE" else f"{kind} "
    return f"CREATE {prefix}INDEX {name} IF NOT EXISTS FOR {pattern} ON ({', '.join(props)})"


# ─────────────────────────── writing ───────────────────────────


def write_logical(
    driver: Driver, settings: Settings, handle: IO[bytes], extra: Mapping[str, Any], progress: Progress | None = None
) -> dict[str, Any]:
    """Stream the database into ``handle`` (a binary file); return the header written.

    ``extra`` goes into the header (e.g. the graph's schema version).  The counts are read
    first and checked against what was streamed: a graph written to meanwhile raises.
    """
    counts = graph_counts(driver, settings)
    header = {
        "format": FORMAT,
        "version": VERSION,
        "kind": "logical",
        "database": settings.neo4j_database,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        **extra,
        "counts": counts,
        "schema": schema_of(driver, settings),
    }
    streamed = {"nodes": 0, "relationships": 0}
    ids: dict[str, int] = {}
    with (
        gzip.GzipFile(fileobj=handle, mode="wb", compresslevel=6) as out,
        translate_errors(settings),
        driver.session(database=settings.neo4j_database, default_access_mode="READ", fetch_size=BATCH) as session,
        session.begin_transaction(timeout=settings.load_timeout_s) as tx,
    ):

        def line(obj: Mapping[str, Any]) -> None:
            out.write(json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n")

        line(header)
        for rec in tx.run("MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props"):
            ids[rec["id"]] = len(ids)
            line({"n": ids[rec["id"]], "l": rec["labels"], "p": {k: encode(v) for k, v in rec["props"].items()}})
            streamed["nodes"] += 1
            if progress and streamed["nodes"] % BATCH == 0:
                progress("nodes", BATCH)
        for rec in tx.run(
            "MATCH (a)-[r]->(b) RETURN elementId(a) AS a, elementId(b) AS b, type(r) AS t, properties(r) AS props"
        ):
            if rec["a"] not in ids or rec["b"] not in ids:
                raise BackupError(
                    "the graph changed while it was backed up (a relationship to a node written "
                    "since); run the backup again"
                )
            line(
                {
                    "r": [ids[rec["a"]], ids[rec["b"]]],
                    "t": rec["t"],
                    "p": {k: encode(v) for k, v in rec["props"].items()},
                }
            )
            streamed["relationships"] += 1
            if progress and streamed["relationships"] % BATCH == 0:
                progress("relationships", BATCH)
        line({"end": streamed})
    if streamed != {"nodes": counts["nodes"], "relationships": counts["relationships"]}:
        raise BackupError(
            f"the graph changed while it was backed up ({counts['nodes']} nodes and "
            f"{counts['relationships']} relationships counted, {streamed} streamed); run it again"
        )
    return header


# ─────────────────────────── reading ───────────────────────────


def _lines(path: Path) -> Iterator[dict[str, Any]]:
    """The file's JSON lines; BackupError naming the file for anything unreadable."""
    try:
        with gzip.open(path, "rb") as f:
            for number, raw in enumerate(f, 1):
                try:
                    yield json.loads(raw)
                except ValueError:
                    raise BackupError(f"{path}: line {number} is not JSON; the file is corrupt") from None
    except (EOFError, zlib.error) as exc:
        raise BackupError(f"{path} is truncated or corrupt ({type(exc).__name__}); nothing was restored") from None
    except gzip.BadGzipFile:
        raise BackupError(f"{path} is not a clusterkg backup (not gzip data)") from None


def is_logical(path: Path) -> bool:
    """Whether ``path`` starts like a logical backup (gzip), without reading it through."""
    with path.open("rb") as f:
        return f.read(2) == b"\x1f\x8b"


def read_header(path: Path, *, verify: bool = False) -> dict[str, Any]:
    """The header of a logical backup; with ``verify``, the whole file is read and its footer
    checked against the header's counts first (a truncated or altered file raises)."""
    lines = _lines(path)
    try:
        header = next(lines, None)
    except BackupError:
        header = None  # gzip, but not ours
    if not isinstance(header, dict) or header.get("format") != FORMAT or header.get("kind") != "logical":
        raise BackupError(f"{path} is not a clusterkg backup (no clusterkg-backup header)")
    if header.get("version") != VERSION:
        raise BackupError(
            f"{path} is a clusterkg backup of format version {header.get('version')}; "
            f"this clusterkg reads version {VERSION}"
        )
    if not verify:
        return header
    seen = {"nodes": 0, "relationships": 0}
    footer = None
    for obj in lines:
        if footer is not None:
            raise BackupError(f"{path}: data after the end marker; the file is corrupt")
        if "n" in obj:
            if seen["relationships"]:
                raise BackupError(f"{path}: a node after the relationships; the file is corrupt")
            seen["nodes"] += 1
        elif "r" in obj:
            seen["relationships"] += 1
        elif "end" in obj:
            footer = obj["end"]
        else:
            raise BackupError(f"{path}: a line that is neither node nor relationship; the file is corrupt")
    counted = {k: header["counts"][k] for k in ("nodes", "relationships")}
    if footer is None:
        raise BackupError(
            f"{path} is truncated (it ends after {seen['nodes']} nodes and "
            f"{seen['relationships']} relationships, without its end marker); nothing was restored"
        )
    if footer != seen or seen != counted:
        raise BackupError(f"{path} holds {seen}, its header says {counted}; the file is corrupt")
    return header


# ─────────────────────────── loading ───────────────────────────


def load_logical(driver: Driver, settings: Settings, path: Path, progress: Progress | None = None) -> dict[str, Any]:
    """Load a verified logical backup into the empty database; return the counts found after.

    Refuses a database holding any node.  A failed load deletes what it wrote.

    >>> load_logical(driver, settings, Path("graph.ckg.gz"))["nodes"]  # doctest: +SKIP
    1325
    """
    header = read_header(path, verify=True)
    held = read(driver, settings, "MATCH (n) RETURN count(n) AS n")[0]["n"]
    if held:
        raise BackupError(
            f"database {settings.neo4j_database!r} at {settings.neo4j_uri} holds {held} nodes; a "
            "logical backup is restored into an empty database only (nothing was changed; empty it "
            "first, e.g. MATCH (n) CALL (n) {DETACH DELETE n} IN TRANSACTIONS)"
        )
    had = _schema_names(driver, settings)
    write(driver, settings, f"CREATE INDEX {RESTORE_INDEX} IF NOT EXISTS FOR (n:{RESTORE_LABEL}) ON (n.{RESTORE_ID})")
    write(driver, settings, "CALL db.awaitIndexes(300)")
    try:
        _load_rows(driver, settings, path, progress)
        _clear_restore_ids(driver, settings)
        for item in header["schema"]["constraints"]:
            write(driver, settings, statement(item, constraint=True))
        for item in header["schema"]["indexes"]:
            write(driver, settings, statement(item, constraint=False))
        write(driver, settings, "CALL db.awaitIndexes(300)")
    except BaseException:
        # It was empty: every node in it now is ours, and so is every constraint and index it did not have.
        _delete_all(driver, settings)
        for item in header["schema"]["constraints"]:
            if item["name"] not in had:
                write(driver, settings, f"DROP CONSTRAINT {quoted(item['name'])} IF EXISTS")
        for item in header["schema"]["indexes"]:
            if item["name"] not in had:
                write(driver, settings, f"DROP INDEX {quoted(item['name'])} IF EXISTS")
        raise
    finally:
        write(driver, settings, f"DROP INDEX {RESTORE_INDEX} IF EXISTS")
    found = graph_counts(driver, settings)
    if found != header["counts"]:
        raise BackupError(
            f"after the restore the database holds {found['nodes']} nodes and "
            f"{found['relationships']} relationships, the backup {header['counts']['nodes']} and "
            f"{header['counts']['relationships']}"
        )
    return found


def _load_rows(driver: Driver, settings: Settings, path: Path, progress: Progress | None) -> None:
    nodes: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    rels: dict[str, list[dict[str, Any]]] = {}
    pending = 0

    def flush() -> None:
        nonlocal pending
        with translate_errors(settings), driver.session(database=settings.neo4j_database) as session:
            for labels, rows in nodes.items():
                names = "".join(f":{quoted(label)}" for label in labels)
                cypher = (
                    f"UNWIND $rows AS row CREATE (n:{RESTORE_LABEL}{names} {{{RESTORE_ID}: row.id}}) SET n += row.props"
                )
                _run_rows(session, cypher, rows, settings.load_timeout_s)
            for kind, rows in rels.items():
                cypher = (
                    f"UNWIND $rows AS row MATCH (a:{RESTORE_LABEL} {{{RESTORE_ID}: row.s}}) "
                    f"MATCH (b:{RESTORE_LABEL} {{{RESTORE_ID}: row.e}}) "
                    f"CREATE (a)-[r:{quoted(kind)}]->(b) SET r += row.props"
                )
                _run_rows(session, cypher, rows, settings.load_timeout_s)
        if progress:
            progress("nodes" if nodes else "relationships", pending)
        nodes.clear()
        rels.clear()
        pending = 0

    for obj in _lines(path):
        if "n" in obj:
            nodes.setdefault(tuple(obj["l"]), []).append({"id": obj["n"], "props": _props(obj["p"])})
        elif "r" in obj:
            if nodes:
                flush()  # every node exists before the first relationship is linked to it
            start, end = obj["r"]
            rels.setdefault(obj["t"], []).append({"s": start, "e": end, "props": _props(obj["p"])})
        else:
            continue
        pending += 1
        if pending >= BATCH:
            flush()
    if pending:
        flush()


def _run_rows(session: Session, cypher: str, rows: list[dict[str, Any]], timeout: float) -> None:
    with session.begin_transaction(timeout=timeout) as tx:
        tx.run(cypher, rows=rows).consume()
        tx.commit()


def _schema_names(driver: Driver, settings: Settings) -> set[str]:
    rows = read(driver, settings, "SHOW INDEXES YIELD name RETURN name") + read(
        driver, settings, "SHOW CONSTRAINTS YIELD name RETURN name"
    )
    return {r["name"] for r in rows}


def _props(props: Mapping[str, Any]) -> dict[str, Any]:
    return {quoted(k).strip("`"): decode(v) for k, v in props.items()}


def _clear_restore_ids(driver: Driver, settings: Settings) -> None:
    # CALL … IN TRANSACTIONS needs an auto-commit transaction, hence session.run.
    with translate_errors(settings), driver.session(database=settings.neo4j_database) as session:
        session.run(
            Query(
                f"MATCH (n:{RESTORE_LABEL}) CALL (n) {{ REMOVE n:{RESTORE_LABEL}, n.{RESTORE_ID} }} "
                "IN TRANSACTIONS OF 10000 ROWS",
                timeout=settings.load_timeout_s,
            )
        ).consume()


def _delete_all(driver: Driver, settings: Settings) -> None:
    with translate_errors(settings), driver.session(database=settings.neo4j_database) as session:
        session.run(
            Query(
                "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS", timeout=settings.load_timeout_s
            )
        ).consume()
