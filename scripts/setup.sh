#!/usr/bin/env bash
# Install what DPA Builder needs on a fresh Debian/Ubuntu machine, then the
# Python package into .venv. Safe to run again: it skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

# WeasyPrint's libraries (harfbuzz-subset keeps CJK PDFs fast), fontconfig (its fc-list
# finds the faces scripts/make_common_faces.py cuts), fonts for Latin,
# CJK and emoji text, poppler and qpdf for reading and checking PDFs in tests, LibreOffice for
# checking that a DOCX opens in a real word processor, the PostgreSQL server
# (`make test` runs the database tests again on a throwaway cluster, see
# scripts/with-postgres.sh), the Redis server (the shared rate-limit store that
# the two-server test starts) and Debian's Chromium, the browser of the
# Playwright end-to-end tests (Playwright never downloads one of its own).
APT_PACKAGES="libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 \
  fontconfig fonts-liberation2 fonts-dejavu-core fonts-noto-cjk fonts-noto-color-emoji \
  poppler-utils qpdf libreoffice-writer-nogui postgresql redis-server chromium"

missing=$(dpkg-query -W -f='${Package} ${Status}\n' $APT_PACKAGES 2>/dev/null \
  | awk '$NF != "installed" {print $1}'; for p in $APT_PACKAGES; do
    dpkg-query -W "$p" >/dev/null 2>&1 || echo "$p"; done)
if [ -n "$missing" ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    $(echo "$missing" | sort -u) >/dev/null
fi

# The Python package `playwright` ships its driver; browsers come from Debian
# (/usr/bin/chromium), so never let it fetch one.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/pip install -q --upgrade pip >/dev/null
.venv/bin/pip install -q -e '.[test]'
# The web interface's message catalogues: .po files are committed, .mo files compiled here.
.venv/bin/pybabel -q compile -d dpa_builder/translations
# The Chinese faces cut to the common characters, which PDFs embed fast (once; about a minute).
.venv/bin/python scripts/make_common_faces.py
echo "setup done: .venv ready"
