#!/bin/sh
# Install Natasha Studio for this user: the app goes to ~/.local/share/natasha-studio, a menu
# entry, icons and the project file type to the usual places. Nothing needs root. Run again to update;
# "./install.sh --uninstall" removes it (projects and settings stay where they are).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
data_home=${XDG_DATA_HOME:-"$HOME/.local/share"}
app_dir="$data_home/natasha-studio"
desktop_file="$data_home/applications/natasha-studio.desktop"
mime_file="$data_home/mime/packages/natasha-studio.xml"
icon_sizes="16 24 32 48 64 128 256 512"

refresh_menus() {
    # Menus pick up changes on their own on most desktops; these make it immediate.
    command -v update-desktop-database >/dev/null 2>&1 \
        && update-desktop-database -q "$data_home/applications" 2>/dev/null || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 \
        && gtk-update-icon-cache -q -t "$data_home/icons/hicolor" 2>/dev/null || true
    command -v update-mime-database >/dev/null 2>&1 \
        && update-mime-database "$data_home/mime" 2>/dev/null || true
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$app_dir"
    rm -f "$desktop_file" "$mime_file"
    for size in $icon_sizes; do
        rm -f "$data_home/icons/hicolor/${size}x${size}/apps/natasha-studio.png"
    done
    refresh_menus
    echo "Natasha Studio removed. Your projects and settings were kept."
    exit 0
fi

if [ ! -x "$here/NatashaStudio/NatashaStudio" ]; then
    echo "NatashaStudio/NatashaStudio is missing next to this script: unpack the whole archive first." >&2
    exit 1
fi

# Copy to a fresh folder, then swap, so an update never leaves a half-copied app behind.
mkdir -p "$data_home"
rm -rf "$app_dir.new"
cp -R "$here/NatashaStudio" "$app_dir.new"
rm -rf "$app_dir"
mv "$app_dir.new" "$app_dir"

for size in $icon_sizes; do
    target="$data_home/icons/hicolor/${size}x${size}/apps"
    mkdir -p "$target"
    cp "$here/icons/natasha-studio-$size.png" "$target/natasha-studio.png"
done

mkdir -p "$data_home/applications"
# The menu entry needs the full path of the program; the shipped file names only the command.
sed -e "s|^Exec=NatashaStudio|Exec=\"$app_dir/NatashaStudio\"|" \
    -e "s|^TryExec=.*|TryExec=$app_dir/NatashaStudio|" \
    "$here/natasha-studio.desktop" > "$desktop_file"
chmod 644 "$desktop_file"
# *.nstudio files open in the app on a double-click.
mkdir -p "$(dirname "$mime_file")"
cp "$here/natasha-studio-mime.xml" "$mime_file"
refresh_menus

echo "Natasha Studio is installed: find it in your applications menu."
echo "To start it from a terminal: \"$app_dir/NatashaStudio\""
