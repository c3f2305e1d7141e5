"""Faults around backups: damaged or foreign files, unwritable and full folders.

Each is refused with one line and leaves the database, and the server, as they were.
"""

from __future__ import annotations

import errno
import gzip
import io
import json
import os
import shutil
import tarfile
from pathlib import Path
from typing import Any

import pytest
from graph_state import empty_the_database, error_line, run, snapshot

from clusterkg.graph import backup as backup_module
from clusterkg.graph.backup import DUMP, HEADER, backup, inspect, restore
from clusterkg.graph.db import read
from clusterkg.graph.logical_backup import BackupError
from clusterkg.graph.server import LocalServer, ServerError

pytestmark = pytest.mark.integration


def server_pid(settings) -> str:  # type: ignore[no-untyped-def]
    """The pid of the test server: unchanged means it was never stopped."""
    pid: str = (LocalServer.for_settings(settings).home / "run" / "neo4j.pid").read_text().strip()
    return pid


def truncated(source: Path, out: Path, keep: float = 0.6) -> Path:
    data = source.read_bytes()
    out.write_bytes(data[: int(len(data) * keep)])
    return out


@pytest.fixture(scope="module")
def files(loaded_plan, tmp_path_factory) -> dict[str, Path]:  # type: ignore[no-untyped-def]
    """A logical backup and a dump of the plan (the dump stops and starts the server once)."""
    folder = tmp_path_factory.mktemp("faults")
    for name, extra in (("graph.ckg.gz", ["--logical"]), ("graph.ckg", [])):
        done = run("backup", str(folder / name), *extra)
        assert done.returncode == 0, done.stderr
    return {"logical": folder / "graph.ckg.gz", "dump": folder / "graph.ckg", "folder": folder}


def test_a_truncated_logical_backup_is_refused_and_the_empty_database_stays_empty(  # type: ignore[no-untyped-def]
    files: dict[str, Path], driver, settings, tmp_path: Path, plan_path: Path
) -> None:
    from clusterkg.loaders.load_plan import load_plan

    bad = truncated(files["logical"], tmp_path / "cut.ckg.gz")
    empty_the_database(driver, settings)
    try:
        line = error_line(run("restore", str(bad), "--yes", "--logical"))
        assert "is truncated" in line and "nothing was restored" in line
        assert read(driver, settings, "MATCH (n) RETURN count(n) AS n") == [{"n": 0}]
    finally:
        load_plan(driver, settings, plan_path)


def test_a_logical_backup_cut_at_a_line_end_is_refused_by_its_missing_end_marker(
    files: dict[str, Path], tmp_path: Path
) -> None:
    lines = gzip.decompress(files["logical"].read_bytes()).splitlines(keepends=True)
    bad = tmp_path / "cut-clean.ckg.gz"
    bad.write_bytes(gzip.compress(b"".join(lines[: len(lines) // 2])))  # a whole gzip stream, half the lines
    with pytest.raises(BackupError, match="without its end marker"):
        inspect(bad)


def test_a_truncated_dump_is_refused_before_the_server_is_stopped(  # type: ignore[no-untyped-def]
    files: dict[str, Path], driver, settings, tmp_path: Path
) -> None:
    before, pid = snapshot(driver, settings), server_pid(settings)
    line = error_line(run("restore", str(truncated(files["dump"], tmp_path / "cut.ckg")), "--yes"))
    assert "is truncated or corrupt" in line
    assert server_pid(settings) == pid
    assert snapshot(driver, settings) == before


def _tar(path: Path, members: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


@pytest.mark.parametrize("kind", ["plan text", "someone's gzip", "someone's tar", "empty", "a neo4j dump alone"])
def test_a_foreign_file_is_refused_in_one_line(  # type: ignore[no-untyped-def]
    kind: str, files: dict[str, Path], driver, settings, tmp_path: Path, plan_path: Path
) -> None:
    foreign = tmp_path / "foreign"
    if kind == "plan text":
        shutil.copy(plan_path, foreign)
    elif kind == "someone's gzip":
        foreign.write_bytes(gzip.compress(b'{"hello": "world"}\n'))
    elif kind == "someone's tar":
        _tar(foreign, {"notes.txt": b"hello"})
    elif kind == "a neo4j dump alone":
        with tarfile.open(files["dump"]) as tar:
            member = tar.extractfile(DUMP)
            assert member is not None
            foreign.write_bytes(member.read())
    else:
        foreign.write_bytes(b"")
    before, pid = snapshot(driver, settings), server_pid(settings)
    line = error_line(run("restore", str(foreign), "--yes"))
    assert f"{foreign} is not a clusterkg backup" in line
    assert server_pid(settings) == pid
    assert snapshot(driver, settings) == before


def test_a_dump_neo4j_admin_cannot_load_puts_the_previous_database_back(  # type: ignore[no-untyped-def]
    files: dict[str, Path], driver, settings, tmp_path: Path
) -> None:
    # A header that vouches for garbage: only neo4j-admin, with the server stopped, can tell.
    with tarfile.open(files["dump"]) as tar:
        raw = tar.extractfile(HEADER)
        assert raw is not None
        header: dict[str, Any] = json.loads(raw.read())
    garbage = os.urandom(4096)
    header.update(sha256=backup_module._sha256(io.BytesIO(garbage)), bytes=len(garbage))
    bad = _tar(tmp_path / "garbage.ckg", {HEADER: json.dumps(header).encode(), DUMP: garbage})
    before = snapshot(driver, settings)
    with pytest.raises(BackupError, match="the previous database was put back"):
        restore(driver, settings, bad)
    server = LocalServer.for_settings(settings)
    assert server.running()
    assert not server.aside(settings.neo4j_database, "restore").exists()
    assert snapshot(driver, settings) == before


def test_a_backup_into_an_unwritable_folder_fails_in_one_line_before_the_server_is_stopped(  # type: ignore[no-untyped-def]
    files: dict[str, Path], settings, tmp_path: Path
) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    if os.access(folder, os.W_OK):  # root writes anywhere; /sys refuses even root
        folder = Path("/sys")
    pid = server_pid(settings)
    line = error_line(run("backup", str(folder / "graph.ckg")))
    assert f"cannot write to {folder}" in line and "nothing was backed up" in line
    assert server_pid(settings) == pid
    line = error_line(run("backup", str(tmp_path / "no-such-folder" / "graph.ckg")))
    assert "no such folder" in line


def test_a_full_disk_during_a_logical_backup_leaves_no_file_behind(  # type: ignore[no-untyped-def]
    loaded_plan, driver, settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_logical = backup_module.write_logical

    class FullDisk:
        """The backup's file, on a disk that fills up after 2,000 bytes."""

        def __init__(self, handle: Any) -> None:
            self.handle, self.written = handle, 0

        def write(self, data: bytes) -> int:
            self.written += len(data)
            if self.written > 2000:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return int(self.handle.write(data))

        def flush(self) -> None:
            self.handle.flush()

    def fills_the_disk(driver, settings, handle, extra, progress=None):  # type: ignore[no-untyped-def]
        return write_logical(driver, settings, FullDisk(handle), extra, progress)

    monkeypatch.setattr(backup_module, "write_logical", fills_the_disk)
    with pytest.raises(BackupError, match="No space left on device.*nothing was backed up"):
        backup(driver, settings, tmp_path / "graph.ckg.gz", logical=True)
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_during_a_dump_restarts_the_server_and_leaves_no_file_behind(  # type: ignore[no-untyped-def]
    loaded_plan, driver, settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_space(self: LocalServer, *args: str) -> None:
        raise ServerError("scripts/neo4j.sh admin failed (exit 1):\nNo space left on device")

    monkeypatch.setattr(LocalServer, "admin", no_space)
    before = snapshot(driver, settings)
    with pytest.raises(BackupError, match="could not dump 'neo4j'; nothing was backed up"):
        backup(driver, settings, tmp_path / "graph.ckg")
    assert list(tmp_path.iterdir()) == []
    assert LocalServer.for_settings(settings).running()
    assert snapshot(driver, settings) == before
