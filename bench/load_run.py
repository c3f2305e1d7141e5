"""A bounded load run on loopback with wrk: many clients for a fixed time, every error counted.

Starts uvicorn on 127.0.0.1 (or targets --url), then runs wrk with a Lua script that rotates over
entity-detail URLs of the loaded graph and prints wrk's own summary as one JSON line. Records
requests/s, latency p50/p75/p90/p99 and the errors, and exits 1 when any request failed (a socket
error, a timeout or a status of 400 or more), or when --min-rps is given and not reached, so a CI
step running it fails when the API stops coping.
Scenarios of issues 7 and 8:
  python bench/load_run.py --clients 32 --duration 30 --min-rps 300   # throughput on entity detail
  python bench/load_run.py --clients 50 --duration 60                 # 50 clients, 60 s, zero errors
Needs wrk (scripts/install-wrk.sh) and a graph with the plan and a firm sample loaded.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))

from api_latency import serving, targets
from common import record

from clusterkg.settings import get_settings

# wrk calls request() for every request and done() once at the end; the JSON line is how the
# figures reach Python without scraping wrk's human-readable table.
LUA = """
local paths = {%s}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n %% #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests": %%d, "duration_us": %%d, "bytes": %%d, "connect": %%d, "read": %%d, "write": %%d, ' ..
    '"status": %%d, "timeout": %%d, "p50_us": %%d, "p75_us": %%d, "p90_us": %%d, "p99_us": %%d, "max_us": %%d, ' ..
    '"mean_us": %%.1f}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(75), latency:percentile(90), latency:percentile(99),
    latency.max, latency.mean))
end
"""


def paths_for(route: str, t: dict[str, object]) -> list[str]:
    firms = [f"/api/enterprises/{quote(k)}" for k in t["registry_firms"]]  # type: ignore[attr-defined]
    clusters = [f"/api/clusters/{quote(k)}" for k in t["clusters"]]  # type: ignore[attr-defined]
    if route == "enterprise":
        return firms
    if route == "cluster":
        return clusters
    # mixed: the entity-detail pages a browsing user hits, plus the shared-zones list
    return firms + clusters + ["/api/zones/shared"] * 10


def run_wrk(
    base: str, paths: list[str], clients: int, threads: int, duration_s: int, timeout_s: int
) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "rotate.lua"
        script.write_text(LUA % ", ".join(f'"{p}"' for p in paths), encoding="ascii")
        cmd = [
            "wrk",
            "-t",
            str(threads),
            "-c",
            str(clients),
            "-d",
            f"{duration_s}s",
            "--timeout",
            f"{timeout_s}s",
            "--latency",
            "-s",
            str(script),
            base + "/",
        ]
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=duration_s + 60, check=False)
    print(out.stdout, end="")
    if out.returncode != 0:
        sys.exit(f"load_run: wrk exited {out.returncode}: {out.stderr.strip()}")
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("WRK_JSON ")), None)
    if line is None:
        sys.exit("load_run: wrk printed no summary line")
    figures: dict[str, float] = json.loads(line.removeprefix("WRK_JSON "))
    return figures


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--route", choices=("enterprise", "cluster", "mixed"), default="enterprise")
    ap.add_argument("--clients", type=int, default=50, help="concurrent connections (wrk -c)")
    ap.add_argument("--threads", type=int, default=2, help="wrk threads (wrk -t)")
    ap.add_argument("--duration", type=int, default=60, help="seconds")
    ap.add_argument("--timeout", type=int, default=5, help="seconds before wrk counts a request as timed out")
    ap.add_argument("--workers", type=int, default=1, help="uvicorn worker processes when started here")
    ap.add_argument("--min-rps", type=float, default=0.0, help="also fail below this many requests/s")
    ap.add_argument("--url", help="load this running API instead of starting one")
    args = ap.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("load_run: wrk not found; run scripts/install-wrk.sh")
    t = targets(get_settings())
    paths = paths_for(args.route, t)
    if not paths:
        sys.exit("load_run: nothing to request; load the plan and a firm sample first")
    with serving(args.url, args.workers) as base:
        w = run_wrk(base, paths, args.clients, min(args.threads, args.clients), args.duration, args.timeout)
    seconds = w["duration_us"] / 1e6
    errors = {k: int(w[k]) for k in ("connect", "read", "write", "timeout")}
    non_2xx_3xx = int(w["status"])
    figures = {
        "firms": t["firms"],
        "route": args.route,
        "urls": len(paths),
        "clients": args.clients,
        "threads": min(args.threads, args.clients),
        "duration_s": round(seconds, 1),
        "server": "external" if args.url else f"uvicorn workers={args.workers}",
        "requests": int(w["requests"]),
        "requests_per_s": round(w["requests"] / seconds, 1),
        "p50_ms": round(w["p50_us"] / 1000, 2),
        "p75_ms": round(w["p75_us"] / 1000, 2),
        "p90_ms": round(w["p90_us"] / 1000, 2),
        "p99_ms": round(w["p99_us"] / 1000, 2),
        "max_ms": round(w["max_us"] / 1000, 2),
        "socket_errors": errors,
        "non_2xx_3xx": non_2xx_3xx,
        "min_rps": args.min_rps,
    }
    record("load_run", figures)
    failed = [f"{n} {k} errors" for k, n in errors.items() if n] + (
        [f"{non_2xx_3xx} responses >= 400"] if non_2xx_3xx else []
    )
    if args.min_rps and figures["requests_per_s"] < args.min_rps:
        failed.append(f"{figures['requests_per_s']} requests/s < {args.min_rps:g}")
    if failed:
        sys.exit("load_run: FAILED: " + "; ".join(failed))
    print(
        f"load_run: {figures['requests']} requests, {figures['requests_per_s']} req/s, p99 {figures['p99_ms']} ms, no errors"
    )


if __name__ == "__main__":
    main()
