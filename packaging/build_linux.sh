#!/usr/bin/env bash
# Build the Linux app: a one-folder bundle, then a tarball with the menu entry, icons and an
# installer script.
#
#     packaging/build_linux.sh            # uses $PYTHON, else .venv/bin/python, else python3
#
# Output: dist/NatashaStudio/ (the bundle) and dist/NatashaStudio-<version>-linux-<arch>.tar.gz
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${PYTHON:-}" ]; then
    if [ -x .venv/bin/python ]; then PYTHON=.venv/bin/python; else PYTHON=python3; fi
fi
"$PYTHON" -m pip install --quiet --disable-pip-version-check -e ".[packaging]"

version=$("$PYTHON" -c 'import sys; sys.path.insert(0, "packaging"); import bundle_plan; print(bundle_plan.project_info().version)')
arch=$(uname -m)
name="NatashaStudio-$version-linux-$arch"

echo "== PyInstaller: Natasha Studio $version"
started=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/natasha_studio.spec
echo "   built in $(( $(date +%s) - started )) s: $(du -sh dist/NatashaStudio | cut -f1)"

echo "== tarball"
stage="build/$name"
rm -rf "$stage"
mkdir -p "$stage/icons"
cp -R dist/NatashaStudio "$stage/NatashaStudio"
cp packaging/linux/natasha-studio.desktop packaging/linux/natasha-studio-mime.xml \
    packaging/linux/install.sh "$stage/"
cp resources/icons/natasha-studio-*.png "$stage/icons/"
cat > "$stage/README.txt" <<TXT
Natasha Studio $version

Install for this user (adds it to the applications menu):  ./install.sh
Or run it without installing:                              ./NatashaStudio/NatashaStudio
Remove:                                                    ./install.sh --uninstall
TXT
tar -C build -czf "dist/$name.tar.gz" "$name"
rm -rf "$stage"
echo "   dist/$name.tar.gz: $(du -h "dist/$name.tar.gz" | cut -f1)"
