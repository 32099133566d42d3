#!/usr/bin/env bash
# CI, after the test suite: build the Linux bundle and check it the way a curator's machine
# would run it: no Python, no network, offscreen. Prints the bundle size.
#
# Expects the .venv that .ci/run made (the app and its test extra installed).
set -euo pipefail
cd "$(dirname "$0")/.."

export PYTHON=${PYTHON:-.venv/bin/python}
started=$(date +%s)
packaging/build_linux.sh

echo "== the bundle's self-test, bundle check, resources and size"
# tests/integration/test_packaging_bundle.py runs the built executable with a bare
# environment, without network where the kernel allows it (unshare), and checks its contents.
NATASHA_STUDIO_BUNDLE="$PWD/dist/NatashaStudio" \
    "$PYTHON" -m pytest -q -p no:cacheprovider tests/integration/test_packaging_bundle.py
echo "== bundle: $(du -sm dist/NatashaStudio | cut -f1) MB on disk," \
     "$(du -m dist/NatashaStudio-*-linux-*.tar.gz | cut -f1 | tail -n 1) MB packed;" \
     "build and checks took $(( $(date +%s) - started )) s"
