#!/usr/bin/env bash
# Debian's Chromium for `npm run screenshots` (puppeteer-core drives it; no browser is downloaded), installed
# only when missing; with sudo where this is not root (a developer's machine, GitHub's runners).
set -euo pipefail
command -v chromium >/dev/null 2>&1 && exit 0
sudo=""
[[ "$(id -u)" == 0 ]] || sudo="sudo"
echo "screenshots: installing chromium from Debian"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get install -y --no-install-recommends chromium >/tmp/install-chromium.log 2>&1 || {
	$sudo apt-get update >>/tmp/install-chromium.log 2>&1
	$sudo apt-get install -y --no-install-recommends chromium >>/tmp/install-chromium.log 2>&1 || { tail -n 30 /tmp/install-chromium.log; exit 1; }
}
