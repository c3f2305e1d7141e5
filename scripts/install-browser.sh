#!/usr/bin/env bash
# Headless Chromium and its driver for tests/integration/test_browser.py, from Debian's packages.
# Idempotent: installs nothing when both are already present. Selenium is told the driver's path,
# so Selenium Manager never downloads a browser or driver.
set -euo pipefail

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
[[ -x /usr/bin/chromedriver ]] || missing+=(chromium-driver)
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-browser: chromium and chromedriver already installed"
  exit 0
fi
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y --no-install-recommends "${missing[@]}"
/usr/bin/chromium --version
/usr/bin/chromedriver --version
