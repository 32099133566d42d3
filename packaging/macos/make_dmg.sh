#!/usr/bin/env bash
# Pack a .app into a compressed disk image with a shortcut to /Applications beside it, so
# installing is one drag.
#
#     packaging/macos/make_dmg.sh "dist/Natasha Studio.app" dist/NatashaStudio-0.1.0-macos-arm64.dmg
set -euo pipefail

app=${1:?the .app to pack}
dmg=${2:?the .dmg to write}
[ -d "$app" ] || { echo "no app at $app" >&2; exit 1; }
volume=$(basename "$app" .app)

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
# ditto keeps the symlinks, extended attributes and signature of the bundle intact.
ditto "$app" "$stage/$(basename "$app")"
ln -s /Applications "$stage/Applications"

rm -f "$dmg"
hdiutil create -volname "$volume" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$dmg" >/dev/null
echo "   $dmg: $(du -h "$dmg" | cut -f1)"
