#!/usr/bin/env bash
# Installs the Debian packages ovop-report needs to build, run and test, if any is missing.
set -euo pipefail
packages=(pkg-config libsqlite3-dev fonts-dejavu-core python3
  libxlsxwriter-dev python3-openpyxl libreoffice-calc-nogui locales)
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
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
