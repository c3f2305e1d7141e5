"""Schemathesis against the app's own OpenAPI schema, over real HTTP on loopback.

At least 1,000 generated requests; the run fails on any 5xx, any response that does not
match the documented schema, status code or content type. Two operations are left out
because their inputs are checked beyond what a schema can say, by their own tests: the
generic named-query runner (parameters are declared per query, see test_api.py) and the
Cypher console (the text must be valid, read-only Cypher, see test_console_and_keys.py).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(loaded_plan):  # type: ignore[no-untyped-def]
    port = _free_port()
    proc = subprocess.Popen(
        [str(BIN / "clusterkg"), "serve", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(base + "/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            pytest.fail("the API did not start")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_generated_requests_get_no_5xx_and_match_the_schema(server: str, tmp_path: Path) -> None:
    st = shutil.which("schemathesis", path=str(BIN))
    if st is None:
        pytest.fail("schemathesis is a dev dependency: run `make setup`")
    proc = subprocess.run(
        [
            st,
            "run",
            f"{server}/openapi.json",
            "--checks",
            "all",
            "--max-examples",
            "40",
            "--seed",
            "1",
            "--no-color",
            "--exclude-path",
            "/api/queries/{name}/rows",
            "--exclude-path",
            "/api/cypher",
            "--report-dir",
            str(tmp_path),
        ],
        check=False,
        capture_output=True,
        text=True,
        timeout=900,
        env={**os.environ, "NO_COLOR": "1"},
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out[-4000:]
    generated = int(re.search(r"(\d+) generated", out).group(1))  # type: ignore[union-attr]
    print(f"schemathesis: {generated} generated cases, 0 failures")
    assert generated >= 1000, out[-2000:]
