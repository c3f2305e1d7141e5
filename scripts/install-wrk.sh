#!/usr/bin/env bash
# wrk, the HTTP load generator bench/load_run.py drives, from Debian's package (4.1.0).
# Idempotent: installs nothing when wrk is already on the PATH.
set -euo pipefail

if command -v wrk >/dev/null 2>&1; then
  echo "install-wrk: wrk already installed ($(command -v wrk))"
  exit 0
fi
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y --no-install-recommends wrk
# wrk has no --version; -v prints the version line before the usage text.
wrk -v 2>&1 | head -1 || true
