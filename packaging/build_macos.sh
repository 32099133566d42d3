#!/usr/bin/env bash
# Build the macOS app: "Natasha Studio.app", then a disk image to drag it to Applications.
#
#     packaging/build_macos.sh            # uses $PYTHON, else .venv/bin/python, else python3
#
# Output: "dist/Natasha Studio.app" and dist/NatashaStudio-<version>-macos-<arch>.dmg
# The app is signed ad hoc (PyInstaller does that); for other Macs to open it without a
# warning, sign it with a Developer ID and notarise it (see README).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${PYTHON:-}" ]; then
    if [ -x .venv/bin/python ]; then PYTHON=.venv/bin/python; else PYTHON=python3; fi
fi
"$PYTHON" -m pip install --quiet --disable-pip-version-check -e ".[packaging]"

version=$("$PYTHON" -c 'import sys; sys.path.insert(0, "packaging"); import bundle_plan; print(bundle_plan.project_info().version)')

echo "== PyInstaller: Natasha Studio $version"
started=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/natasha_studio.spec
echo "   built in $(( $(date +%s) - started )) s: $(du -sh "dist/Natasha Studio.app" | cut -f1)"

packaging/macos/make_dmg.sh "dist/Natasha Studio.app" \
    "dist/NatashaStudio-$version-macos-$(uname -m).dmg"
