"""Swap the local server's store for one ``neo4j-admin database import`` builds from CSV files.

Everything goes through the server script's interface (:class:`clusterkg.graph.server.LocalServer`):
stop, move the old store aside, import, start.  If the import fails or is interrupted, the
old store is put back before the server starts again; once the new store answers, the
caller deletes the old one (:meth:`LocalServer.forget_aside`).
"""

from __future__ import annotations

import re
import time
from collections import deque
from collections.abc import Sequence
from pathlib import Path

from clusterkg.graph.server import LocalServer, ServerError

from . import BulkImportError, Progress
from .csv_writer import ARRAY_DELIMITER

PURPOSE = "bulk"  # names the folder the old store waits in: data/bulk-previous/
_PERCENT = re.compile(r"(\d+)%")


def import_command(database: str, files: Sequence[str], report: Path, *, multiline: bool) -> list[str]:
    """The ``neo4j-admin`` arguments that build ``database`` from the CSV ``files`` options.

    >>> import_command("neo4j", ["--nodes=Zone=z.csv"], Path("r"), multiline=False)[:4]
    ['database', 'import', 'full', 'neo4j']
    """
    command = [
        "database",
        "import",
        "full",
        database,
        "--overwrite-destination",
        f"--array-delimiter=U+{ord(ARRAY_DELIMITER):04X}",
        "--bad-tolerance=0",
        f"--report-file={report}",
        *files,
    ]
    if multiline:
        command.append("--multiline-fields=true")
    return command


def _run_import(server: LocalServer, command: list[str], log: Path, progress: Progress | None) -> tuple[int, list[str]]:
    """Run neo4j-admin through the server script; its exit code and the last lines it printed."""
    tail: deque[str] = deque(maxlen=40)
    with log.open("w", encoding="utf-8") as out:

        def seen(line: str) -> None:
            out.write(line)
            tail.append(line.rstrip())
            if progress and (m := _PERCENT.search(line)) is not None:
                progress("importing", int(m.group(1)))  # each importer stage counts 5% … 100%

        code = server.admin_lines(command, seen)
    return code, list(tail)


def replace_store(
    server: LocalServer,
    database: str,
    files: Sequence[str],
    work: Path,
    *,
    multiline: bool,
    progress: Progress | None,
    timings: dict[str, float],
) -> None:
    """Stop the server, import ``files`` into a fresh store (the old one moved aside), start again.

    ``files`` are the importer's --nodes/--relationships options; its log and report go to
    ``work``.  BulkImportError when the import fails (the old store back in place) or the
    server does not start.
    """
    mark = time.perf_counter()
    if progress:
        progress("stopping", 0)
    server.stop()
    moved = server.move_aside(database, PURPOSE)
    timings["stop"] = time.perf_counter() - mark
    mark = time.perf_counter()
    report = work / "import.report"
    ok = False
    try:
        code, tail = _run_import(
            server, import_command(database, files, report, multiline=multiline), work / "import.log", progress
        )
        if code != 0:
            lines = report.read_text(errors="replace").splitlines()[-10:] if report.exists() else []
            raise BulkImportError(
                f"neo4j-admin import failed (exit {code}); the previous database was put back.\n"
                + "\n".join([*tail[-15:], *lines])
            )
        ok = True
    finally:
        timings["import"] = time.perf_counter() - mark
        if not ok:
            server.put_back(database, PURPOSE, moved)
        mark = time.perf_counter()
        if progress:
            progress("starting", 0)
        try:
            server.start()
        except ServerError as exc:
            kept = f"; the previous database is kept in {server.aside(database, PURPOSE)}" if ok else ""
            raise BulkImportError(f"the server did not start after the import{kept}: {exc}") from None
        timings["start"] = time.perf_counter() - mark
