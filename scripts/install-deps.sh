#!/usr/bin/env bash
# Installs the Debian packages ovop-report needs, if any is missing.
#   scripts/install-deps.sh          what building and running need
#   scripts/install-deps.sh --test   also the third-party readers the tests check the outputs with
set -euo pipefail
packages=(pkg-config libsqlite3-dev fonts-dejavu-core libcairo2-dev libpango1.0-dev libxlsxwriter-dev)
if [ "${1:-}" = "--test" ]; then
  packages+=(python3 python3-openpyxl libreoffice-calc-nogui locales poppler-utils qpdf chromium)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "installing: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
# Recommended packages are kept: LibreOffice and Chromium need some of them headless.
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
