"""Checked registry rows staged on disk, so that a file of any size is checked in full
before anything is written, in memory that does not grow with the file.

:func:`stage_firms` makes one pass over an export: each row is checked
(:func:`clusterkg.loaders.firms.scan_firms`) and kept in a throw-away SQLite file, whose
unique index on the firm key is also what finds duplicate rows.  Problems and the cells
of rejected rows are kept there too.  The writer then reads the valid rows back in
batches, in file order.  A million-row province registry stages in about 150 MB of
temporary disk and a few MB of memory.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Self

from clusterkg.errors import InputError
from clusterkg.graph.model import Label
from clusterkg.text import normalise_name

from .chains import ChainCatalog
from .firms import FirmRow, KnownZone, Problem, scan_firms, write_rejects_stream
from .gazetteer import Gazetteer

_SCHEMA = """
CREATE TABLE firm (row INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT, uscc TEXT, zone_key TEXT,
                   county_code TEXT, county_label TEXT, industry_code TEXT, products TEXT, revenue_wan REAL,
                   chain_leader INTEGER, segments TEXT, address TEXT, contact TEXT, phone TEXT,
                   legal_rep TEXT, employees INTEGER, founded TEXT);
CREATE TABLE problem (seq INTEGER PRIMARY KEY, row INTEGER, col TEXT, reason TEXT);
CREATE TABLE rejected (row INTEGER PRIMARY KEY, cells TEXT);
"""
_COLUMNS = (
    "row, key, name, uscc, zone_key, county_code, county_label, industry_code, products, "
    "revenue_wan, chain_leader, segments, address, contact, phone, legal_rep, employees, founded"
)
RowProgress = Callable[[int], None]
PROGRESS_EVERY = 10_000


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


class StagedFirms:
    """The outcome of checking one registry file: counts, problems and the valid rows on disk.

    Use as a context manager; the staging file is removed on exit.

    >>> with stage_firms("firms.csv", zones.get, Gazetteer.load(), load_chains()) as staged:
    ...     staged.valid, staged.problem_count  # doctest: +SKIP
    (99998, 2)
    """

    def __init__(self, path: Path, directory: Path) -> None:
        self.path = path
        self._dir = directory
        # check_same_thread off: the writer reads batches from a prefetch thread, one user at a time.
        self._db = sqlite3.connect(directory / "stage.sqlite", isolation_level=None, check_same_thread=False)
        self._db.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-16000;"
            "PRAGMA temp_store=FILE;" + _SCHEMA
        )
        self._db.execute("BEGIN")
        self.header: tuple[str, ...] = ()
        self.digest = ""
        self.scanned = 0
        self.valid = 0
        self.problem_count = 0
        self.rejected_count = 0
        self._progress: RowProgress | None = None

    # The sink protocol of scan_firms.
    def add(self, firm: FirmRow) -> int | None:
        self.scanned = max(self.scanned, firm.row)
        try:
            self._db.execute(
                f"INSERT INTO firm ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    firm.row,
                    firm.key,
                    firm.name,
                    firm.uscc,
                    firm.zone_key,
                    firm.county_code,
                    firm.county_label.value if firm.county_label else None,
                    firm.industry_code,
                    firm.products,
                    firm.revenue_wan,
                    int(firm.chain_leader),
                    json.dumps(firm.segments, ensure_ascii=False),
                    firm.address,
                    firm.contact,
                    firm.phone,
                    firm.legal_rep,
                    firm.employees,
                    firm.founded,
                ),
            )
        except sqlite3.IntegrityError:
            first = self._db.execute("SELECT row FROM firm WHERE key = ?", (firm.key,)).fetchone()
            return int(first[0])
        self.valid += 1
        if self._progress is not None and self.valid % PROGRESS_EVERY == 0:
            self._progress(PROGRESS_EVERY)
        return None

    def problem(self, problem: Problem) -> None:
        self.problem_count += 1
        self._db.execute(
            "INSERT INTO problem (row, col, reason) VALUES (?,?,?)", (problem.row, problem.column, problem.reason)
        )

    def reject(self, row: int, cells: Sequence[str]) -> None:
        self.rejected_count += 1
        self._db.execute(
            "INSERT OR REPLACE INTO rejected (row, cells) VALUES (?,?)",
            (row, json.dumps(list(cells), ensure_ascii=False)),
        )

    # Reading back.
    def problems(self, limit: int | None = None) -> list[Problem]:
        """Problems in file order (row, then the order found), the first ``limit`` of them."""
        sql = "SELECT row, col, reason FROM problem ORDER BY row, seq"
        cursor = self._db.execute(
            sql + (" LIMIT ?" if limit is not None else ""), (limit,) if limit is not None else ()
        )
        return [Problem(str(self.path), r, c, why) for r, c, why in cursor]

    def rejected_cells(self) -> dict[int, tuple[str, ...]]:
        return {r: tuple(json.loads(c)) for r, c in self._db.execute("SELECT row, cells FROM rejected")}

    def iter_problems(self) -> Iterator[tuple[Problem, tuple[str, ...]]]:
        """Every problem with the cells of its row, in file order, for the rejects file."""
        cursor = self._db.execute(
            "SELECT p.row, p.col, p.reason, r.cells FROM problem p LEFT JOIN rejected r ON r.row = p.row "
            "ORDER BY p.row, p.seq"
        )
        for row, col, reason, cells in cursor:
            yield Problem(str(self.path), row, col, reason), tuple(json.loads(cells)) if cells else ()

    def batches(self, size: int, *, skip: int = 0) -> Iterator[list[FirmRow]]:
        """The valid rows in file order, ``size`` at a time, after the first ``skip`` rows."""
        cursor = self._db.execute(f"SELECT {_COLUMNS} FROM firm ORDER BY row LIMIT -1 OFFSET ?", (skip,))
        while chunk := cursor.fetchmany(size):
            yield [
                FirmRow(
                    row,
                    key,
                    name,
                    uscc,
                    zone,
                    county,
                    industry,
                    products or "",
                    revenue,
                    bool(leader),
                    tuple((str(s), str(rule)) for s, rule in json.loads(segments)),
                    Label(label) if label else None,
                    *extra,
                )
                for (
                    row,
                    key,
                    name,
                    uscc,
                    zone,
                    county,
                    label,
                    industry,
                    products,
                    revenue,
                    leader,
                    segments,
                    *extra,
                ) in chunk
            ]

    def settle(self, skip_invalid: bool, outcome: str, remedy: str, listed: int = 50) -> Path | None:
        """What a load does with the file's invalid rows: none, None; with ``skip_invalid``, the
        rejects file written beside the input; else the file is refused (:meth:`refusal`)."""
        if not self.problem_count:
            return None
        if not skip_invalid:
            raise self.refusal(outcome, remedy, listed)
        return write_rejects_stream(self.path, self.iter_problems())

    def refusal(self, outcome: str, remedy: str, listed: int = 50) -> InputError:
        """The error that refuses the file: the problem count, ``outcome`` (what was not done),
        ``remedy`` and the first ``listed`` problems."""
        lines = "\n".join(str(p) for p in self.problems(listed))
        more = self.problem_count - listed
        return InputError(
            f"{self.problem_count} problem(s) in {self.path}, {outcome} ({remedy}):\n{lines}"
            + (f"\n… and {more} more" if more > 0 else "")
        )

    def close(self) -> None:
        self._db.close()
        shutil.rmtree(self._dir, ignore_errors=True)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


def stage_firms(
    path: str | Path,
    known_zone: KnownZone,
    gazetteer: Gazetteer,
    catalog: ChainCatalog,
    *,
    progress: RowProgress | None = None,
    directory: str | Path | None = None,
) -> StagedFirms:
    """Check a registry export in full and stage its valid rows on disk (see the module text).

    ``progress`` is called with the number of rows checked since its last call.  The
    staging file goes to a fresh temporary directory under ``directory`` (default: the
    system's), and the file's SHA-256 is kept as ``digest`` so that a resumed load can tell
    it is reading the same file.
    """
    p = Path(path)
    staged = StagedFirms(p, Path(tempfile.mkdtemp(prefix="clusterkg-stage-", dir=directory)))
    try:
        staged._progress = progress
        staged.header = scan_firms(p, known_zone, gazetteer, catalog, staged)
        staged._db.execute("COMMIT")
        staged.digest = _file_digest(p)
        if progress is not None:
            progress(staged.valid % PROGRESS_EVERY)
    except BaseException:
        staged.close()
        raise
    return staged


def stage_registry(
    path: str | Path,
    zones: Mapping[str, str],
    catalog: ChainCatalog,
    *,
    progress: RowProgress | None = None,
    directory: str | Path | None = None,
) -> StagedFirms:
    """:func:`stage_firms` of a registry whose zones are looked up in ``zones`` (normalised name
    or alias → key, :func:`clusterkg.loaders.firms.zone_lookup`), counties in the gazetteer.

    Both registry loads check a file this way, the Bolt one against the graph's zones and the
    bulk one against the plan's.
    """
    return stage_firms(
        path,
        lambda name: zones.get(normalise_name(name)),
        Gazetteer.load(),
        catalog,
        progress=progress,
        directory=directory,
    )
