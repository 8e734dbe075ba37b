#!/bin/sh
# Install a built fieldvisit bundle for the current user only (no root): the app folder,
# a `fieldvisit` command, the menu entry, the .fvpack/.fvreturn file types and the icons.
#
#   packaging/linux/install-user.sh [BUNDLE]     (BUNDLE defaults to dist/fieldvisit)
#
# Undo with packaging/linux/uninstall-user.sh. Your notes and settings are not touched.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
bundle=${1:-"$here/../../dist/fieldvisit"}
if [ ! -x "$bundle/fieldvisit" ]; then
    echo "install-user.sh: no built app at $bundle (run packaging/build.py first)" >&2
    exit 2
fi
bundle=$(cd "$bundle" && pwd)

: "${HOME:?HOME is not set}"
data=${XDG_DATA_HOME:-"$HOME/.local/share"}
opt="$HOME/.local/opt/fieldvisit"
bin="$HOME/.local/bin"

# The app folder: copied beside the old one, then swapped, so a failed copy leaves the
# previous installation working.
mkdir -p "$HOME/.local/opt"
rm -rf "$opt.new"
cp -R "$bundle" "$opt.new"
rm -rf "$opt"
mv "$opt.new" "$opt"

mkdir -p "$bin"
ln -sfn "$opt/fieldvisit" "$bin/fieldvisit"

# Menu entry: Exec points at the command itself, so it works when ~/.local/bin is not
# on the desktop session's PATH.
mkdir -p "$data/applications"
# Two entries: the delegate's app, and the organisers' window (`fieldvisit organiser`).
for entry in fieldvisit fieldvisit-organiser; do
    sed -e "s|^Exec=fieldvisit |Exec=\"$bin/fieldvisit\" |" \
        -e "s|^TryExec=fieldvisit\$|TryExec=$bin/fieldvisit|" \
        "$here/$entry.desktop" > "$data/applications/$entry.desktop"
done

mkdir -p "$data/mime/packages"
cp "$here/fieldvisit-mime.xml" "$data/mime/packages/fieldvisit.xml"

# Icons: the PNGs build.py rendered travel inside the bundle, with the SVG source.
icons=""
for candidate in "$opt/_internal/resources/icons" "$opt/resources/icons"; do
    if [ -d "$candidate" ]; then icons=$candidate; break; fi
done
if [ -n "$icons" ]; then
    for png in "$icons"/fieldvisit-*.png; do
        [ -e "$png" ] || continue
        size=$(basename "$png" .png); size=${size#fieldvisit-}
        mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
        cp "$png" "$data/icons/hicolor/${size}x${size}/apps/fieldvisit.png"
    done
    if [ -f "$icons/fieldvisit.svg" ]; then
        mkdir -p "$data/icons/hicolor/scalable/apps"
        cp "$icons/fieldvisit.svg" "$data/icons/hicolor/scalable/apps/fieldvisit.svg"
    fi
fi

# Refresh the desktop's caches when the tools are there (all optional).
if command -v update-mime-database >/dev/null 2>&1; then
    update-mime-database "$data/mime" >/dev/null 2>&1 || true
fi
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database "$data/applications" >/dev/null 2>&1 || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$data/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t "$data/icons/hicolor" >/dev/null 2>&1 || true
fi
if command -v xdg-mime >/dev/null 2>&1; then
    xdg-mime default fieldvisit.desktop application/x-fieldvisit-pack \
        application/x-fieldvisit-return >/dev/null 2>&1 || true
fi

echo "fieldvisit installed in $opt"
echo "command: $bin/fieldvisit; menu entry and .fvpack/.fvreturn file types registered"
case ":${PATH:-}:" in
    *":$bin:"*) ;;
    *) echo "note: $bin is not on your PATH; the menu entry works regardless" ;;
esac
