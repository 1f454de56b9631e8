#!/usr/bin/env bash
# Installs the external validators the tests compare against, when they are missing (runs as `npm test`'s
# pretest): promtool (Debian package prometheus), amtool (prometheus-alertmanager), yamllint, and chromium for the
# HTML report test (driven by playwright-core, no browser download). Needs root or sudo on a fresh machine.
set -euo pipefail
need=()
command -v promtool >/dev/null 2>&1 || need+=(prometheus)
command -v yamllint >/dev/null 2>&1 || need+=(yamllint)
command -v amtool >/dev/null 2>&1 || need+=(prometheus-alertmanager)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ ${#need[@]} -eq 0 ] && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-test-tools: need root or sudo to apt-get install ${need[*]}" >&2; exit 1; }
  SUDO="sudo"
fi
echo "install-test-tools: apt-get install ${need[*]}" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
