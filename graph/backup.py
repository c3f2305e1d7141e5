"""Backups and restores of the whole database.

Two kinds of file, told apart by their first bytes:

- the local server (the one ``scripts/neo4j.sh`` runs) is backed up with
  ``neo4j-admin database dump``: the server is stopped, dumped and started again, and the dump
  is wrapped in an uncompressed tar beside a header (``clusterkg-backup.json``: format version,
  database, counts, the dump's SHA-256).  A restore checks the file in full first, stops the
  server, moves the current store aside, ``neo4j-admin database load``s the dump, starts the
  server and compares the counts; if anything fails the previous store is put back.
- any other server (Docker, remote), or any server with ``logical=True``, is backed up through
  Bolt as a stream (:mod:`clusterkg.graph.logical_backup`) and restored into an empty database.

Nothing is stopped or replaced before the file has been read through and found whole.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from neo4j import Driver

from clusterkg.settings import Settings

from .db import create_driver
from .logical_backup import (
    FORMAT,
    VERSION,
    BackupError,
    graph_counts,
    is_logical,
    load_logical,
    read_header,
    write_logical,
)
from .server import LocalServer, ServerError

HEADER = "clusterkg-backup.json"
DUMP = "neo4j.dump"
Progress = Callable[[str, int], None]
Extra = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Backup:
    """What a backup file holds, from its header."""

    path: Path
    kind: str  # "dump" or "logical"
    header: dict[str, Any]

    @property
    def counts(self) -> dict[str, Any]:
        return dict(self.header["counts"])

    def summary(self) -> str:
        c = self.counts
        return (
            f"{self.path}: {'a neo4j-admin dump' if self.kind == 'dump' else 'a logical backup'} of database "
            f"{self.header['database']!r} taken {self.header['created']}, {c['nodes']:,} nodes and "
            f"{c['relationships']:,} relationships"
        )


# ─────────────────────────── backup ───────────────────────────


def backup(
    driver: Driver,
    settings: Settings,
    out: str | Path,
    *,
    logical: bool = False,
    extra: Extra | None = None,
    progress: Progress | None = None,
) -> Backup:
    """Back the database up into ``out``: a dump of the local server, else (or with ``logical``)
    a logical backup through Bolt.  ``extra`` goes into the header.

    The file appears only when complete (written beside it, then renamed); an unwritable
    folder is refused before the server is touched.

    >>> backup(driver, settings, "before-upgrade.ckg").kind  # doctest: +SKIP
    'dump'
    """
    out = Path(out)
    server = None if logical else LocalServer.find(settings)
    work = _scratch(out)
    try:
        if server is None:
            with (work / "logical").open("wb") as handle:
                header = _writing(out, lambda: write_logical(driver, settings, handle, extra or {}, progress))
            kind, written = "logical", work / "logical"
        else:
            header = _dump(server, driver, settings, work, extra or {}, progress)
            kind, written = "dump", work / "backup.tar"
        _writing(out, lambda: written.replace(out))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return Backup(out, kind, header)


def _scratch(out: Path) -> Path:
    """A scratch folder beside ``out``, so that the final rename never crosses file systems."""
    if not out.parent.is_dir():
        raise BackupError(f"{out.parent}: no such folder; nothing was backed up")
    try:
        return Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    except OSError as exc:
        raise BackupError(f"cannot write to {out.parent} ({exc.strerror}); nothing was backed up") from None


def _writing(out: Path, step: Callable[[], Any]) -> Any:
    try:
        return step()
    except OSError as exc:
        raise BackupError(f"could not write {out} ({exc.strerror or exc}); nothing was backed up") from None


def _dump(
    server: LocalServer, driver: Driver, settings: Settings, work: Path, extra: Extra, progress: Progress | None
) -> dict[str, Any]:
    database = settings.neo4j_database
    header = {
        "format": FORMAT,
        "version": VERSION,
        "kind": "dump",
        "database": database,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        **extra,
        "counts": graph_counts(driver, settings),
    }
    if progress:
        progress("stopping", 0)
    server.stop()
    try:
        if progress:
            progress("dumping", 0)
        try:
            server.admin("database", "dump", database, f"--to-path={work}", "--overwrite-destination=true")
        except ServerError as exc:
            raise BackupError(f"neo4j-admin could not dump {database!r}; nothing was backed up: {exc}") from None
    finally:
        if progress:
            progress("starting", 0)
        server.start()
    dump = work / f"{database}.dump"
    header["sha256"] = _sha256(dump)
    header["bytes"] = dump.stat().st_size
    with tarfile.open(work / "backup.tar", "w") as tar:
        data = json.dumps(header, ensure_ascii=False, indent=1).encode("utf-8")
        info = tarfile.TarInfo(HEADER)
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
        tar.add(dump, arcname=DUMP)
    dump.unlink()
    return header


def _sha256(path: Path | IO[bytes]) -> str:
    digest = hashlib.sha256()
    handle = path.open("rb") if isinstance(path, Path) else path
    try:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    finally:
        if isinstance(path, Path):
            handle.close()
    return digest.hexdigest()


# ─────────────────────────── reading a file ───────────────────────────


def inspect(path: str | Path) -> Backup:
    """Read a backup file through and check it is whole; BackupError with one line otherwise.

    >>> inspect("before-upgrade.ckg").counts["nodes"]  # doctest: +SKIP
    1325
    """
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path}: no such file")
    if is_logical(path):
        return Backup(path, "logical", read_header(path, verify=True))
    try:
        with tarfile.open(path, "r:") as tar:
            member = tar.next()
            raw = tar.extractfile(member) if member is not None and member.name == HEADER else None
            header = json.loads(raw.read()) if raw is not None else None
    except (tarfile.TarError, EOFError, ValueError, OSError):
        header = None
    if not isinstance(header, dict) or header.get("format") != FORMAT or header.get("kind") != "dump":
        raise BackupError(f"{path} is not a clusterkg backup (neither a logical backup nor a dump archive)")
    if header.get("version") != VERSION:
        raise BackupError(
            f"{path} is a clusterkg backup of format version {header.get('version')}; "
            f"this clusterkg reads version {VERSION}"
        )
    # Ours, then: anything wrong from here on means damage.
    try:
        with tarfile.open(path, "r:") as tar:
            member = tar.getmember(DUMP)
            dump = tar.extractfile(member)
            if dump is None or member.size != header.get("bytes") or _sha256(dump) != header.get("sha256"):
                raise BackupError(f"{path}: the dump inside does not match its header; the file is corrupt")
    except (tarfile.TarError, EOFError, KeyError, OSError) as exc:
        raise BackupError(
            f"{path} is truncated or corrupt ({type(exc).__name__}: {exc}); nothing was restored"
        ) from None
    return Backup(path, "dump", header)


# ─────────────────────────── restore ───────────────────────────


def restore(
    driver: Driver,
    settings: Settings,
    path: str | Path | Backup,
    *,
    logical: bool = False,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Replace the database with the backup at ``path``; return the counts found afterwards.

    A dump goes back onto the local server (stopped, store replaced, started; the previous
    store put back on any failure); a logical backup is loaded into an empty database
    through Bolt.  ``logical`` refuses a dump instead of using the local server.  ``path``
    may be what :func:`inspect` found in it, which then is not read through again.

    >>> restore(driver, settings, "before-upgrade.ckg")["nodes"]  # doctest: +SKIP
    1325
    """
    found = path if isinstance(path, Backup) else inspect(path)
    if found.kind == "logical":
        return load_logical(driver, settings, found.path, progress)
    server = None if logical else LocalServer.find(settings)
    if server is None:
        raise BackupError(
            f"{found.path} is a neo4j-admin dump: it restores onto the local server that "
            "scripts/neo4j.sh runs (for another server, take a logical backup: backup --logical)"
        )
    return _load_dump(server, settings, found, progress)


def _load_dump(server: LocalServer, settings: Settings, found: Backup, progress: Progress | None) -> dict[str, Any]:
    database = settings.neo4j_database
    purpose = "restore"
    if server.aside(database, purpose).exists():
        raise BackupError(
            f"{server.aside(database, purpose)} holds the database a previous restore moved aside and "
            "could not put back; move it to data/databases and data/transactions or delete it, then retry"
        )
    with tempfile.TemporaryDirectory(prefix="clusterkg-restore-", dir=server.home) as tmp:
        with tarfile.open(found.path, "r:") as tar:
            member = tar.getmember(DUMP)
            source = tar.extractfile(member)
            assert source is not None
            with source, (Path(tmp) / f"{database}.dump").open("wb") as target:
                shutil.copyfileobj(source, target, 1 << 20)
        if progress:
            progress("stopping", 0)
        server.stop()
        moved = server.move_aside(database, purpose)
        ok = False
        try:
            if progress:
                progress("loading", 0)
            try:
                server.admin("database", "load", database, f"--from-path={tmp}", "--overwrite-destination=true")
            except ServerError as exc:
                raise BackupError(
                    f"neo4j-admin could not load {found.path}; the previous database was put back: {exc}"
                ) from None
            if progress:
                progress("starting", 0)
            server.start()
            counts = _counts_of(settings)
            if counts != found.counts:
                raise BackupError(
                    f"after loading {found.path} the database holds {counts['nodes']} nodes and "
                    f"{counts['relationships']} relationships, the backup {found.counts['nodes']} and "
                    f"{found.counts['relationships']}; the previous database was put back"
                )
            ok = True
        finally:
            if not ok:
                server.stop()
                server.put_back(database, purpose, moved)
                server.start()
    server.forget_aside(database, purpose)
    return counts


def _counts_of(settings: Settings) -> dict[str, Any]:
    # A fresh driver: the caller's may hold connections to the server before its restart.
    driver = create_driver(settings)
    try:
        return graph_counts(driver, settings)
    finally:
        driver.close()
