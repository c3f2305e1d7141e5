"""The local Neo4j that ``scripts/neo4j.sh`` runs: stop, start, neo4j-admin and its store folders.

Offline work on the database files (``--bulk`` imports, dump backups and their restores)
needs the server stopped, which only the script that started it can do; any other server
(Docker, remote) is reached through Bolt alone.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from clusterkg.errors import ClusterKGError, ConfigError
from clusterkg.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "neo4j.sh"
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


class ServerError(ClusterKGError):
    """scripts/neo4j.sh could not stop or start the server, or neo4j-admin failed."""


@dataclass(frozen=True, slots=True)
class LocalServer:
    """The Neo4j that ``scripts/neo4j.sh`` runs for this environment, and its data folder."""

    home: Path
    data: Path
    bolt_port: int

    @staticmethod
    def _run(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        # The script reads its home, ports and password from the environment we were given.
        done = subprocess.run(
            ["bash", str(SCRIPT), *args], cwd=ROOT, env=os.environ.copy(), capture_output=True, text=True, check=False
        )
        if check and done.returncode != 0:
            tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
            raise ServerError(f"scripts/neo4j.sh {args[0]} failed (exit {done.returncode}):\n{tail}")
        return done

    @classmethod
    def for_settings(cls, settings: Settings, purpose: str = "--bulk replaces the database files") -> LocalServer:
        """The server behind ``settings.neo4j_uri``; ConfigError unless the script runs it.

        ``purpose`` starts the error's sentence: what needs the local server.

        >>> LocalServer.for_settings(settings).data  # doctest: +SKIP
        PosixPath('/home/me/clusterkg/.neo4j/data')
        """
        where = urlsplit(settings.neo4j_uri)
        if where.hostname not in LOCAL_HOSTS:
            raise ConfigError(
                f"{purpose} of the local server that scripts/neo4j.sh runs; "
                f"NEO4J_URI points at {where.hostname!r}, not 127.0.0.1"
            )
        if not SCRIPT.is_file():
            raise ConfigError(f"{SCRIPT} not found: {purpose} of a server run from a checkout of clusterkg")
        lines = dict(line.split("=", 1) for line in cls._run("paths").stdout.splitlines() if "=" in line)
        server = cls(Path(lines["home"]), Path(lines["data"]), int(lines["bolt_port"]))
        if (where.port or 7687) != server.bolt_port:
            raise ConfigError(
                f"NEO4J_URI names port {where.port or 7687} but scripts/neo4j.sh runs Bolt on {server.bolt_port} "
                "(NEO4J_BOLT_PORT); set both to the same server"
            )
        return server

    @classmethod
    def find(cls, settings: Settings) -> LocalServer | None:
        """The local server behind ``settings``, or None when the script does not run it."""
        try:
            return cls.for_settings(settings)
        except ConfigError:
            return None

    def running(self) -> bool:
        return self._run("status", check=False).returncode == 0

    def stop(self) -> None:
        self._run("stop")

    def start(self) -> None:
        self._run("start")

    def admin(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run ``neo4j-admin`` with this server's home and configuration; ServerError if it fails."""
        return self._run("admin", *args)

    def store(self, database: str) -> list[Path]:
        """The folders holding ``database``: its store and its transaction logs."""
        return [self.data / "databases" / database, self.data / "transactions" / database]

    def aside(self, database: str, purpose: str = "bulk") -> Path:
        """Where a store replaced by ``purpose`` waits until its replacement answers."""
        return self.data / f"{purpose}-previous" / database

    def move_aside(self, database: str, purpose: str) -> list[tuple[Path, Path]]:
        """Move the (stopped) store of ``database`` aside; the (live, aside) pairs moved."""
        aside = self.aside(database, purpose)
        aside.mkdir(parents=True)
        moved = [(p, aside / p.parent.name) for p in self.store(database) if p.exists()]
        for live, kept in moved:
            live.rename(kept)
        return moved

    def put_back(self, database: str, purpose: str, moved: Sequence[tuple[Path, Path]]) -> None:
        """Delete whatever replaced the store and move the one set aside back."""
        for path in self.store(database):
            shutil.rmtree(path, ignore_errors=True)
        for live, kept in moved:
            kept.rename(live)
        shutil.rmtree(self.aside(database, purpose).parent, ignore_errors=True)

    def forget_aside(self, database: str, purpose: str) -> None:
        """Delete the store set aside, once its replacement answers."""
        shutil.rmtree(self.aside(database, purpose).parent, ignore_errors=True)
