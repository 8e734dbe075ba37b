#!/bin/sh
# Remove what install-user.sh installed. Your notes, answers and settings
# (~/.local/share/fieldvisit, ~/.config/fieldvisit) are kept: delete them yourself if you
# really want them gone.
set -eu

: "${HOME:?HOME is not set}"
data=${XDG_DATA_HOME:-"$HOME/.local/share"}
opt="$HOME/.local/opt/fieldvisit"
bin="$HOME/.local/bin"

# Only our own symlink: a `fieldvisit` the user put there by other means stays.
if [ -L "$bin/fieldvisit" ] && [ "$(readlink "$bin/fieldvisit")" = "$opt/fieldvisit" ]; then
    rm -f "$bin/fieldvisit"
fi
rm -rf "$opt" "$opt.new"
rm -f "$data/applications/fieldvisit.desktop" "$data/applications/fieldvisit-organiser.desktop" \
    "$data/mime/packages/fieldvisit.xml"
for icon in "$data"/icons/hicolor/*/apps/fieldvisit.png "$data/icons/hicolor/scalable/apps/fieldvisit.svg"; do
    rm -f "$icon"
done

if command -v update-mime-database >/dev/null 2>&1 && [ -d "$data/mime" ]; then
    update-mime-database "$data/mime" >/dev/null 2>&1 || true
fi
if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$data/applications" ]; then
    update-desktop-database "$data/applications" >/dev/null 2>&1 || true
fi
echo "fieldvisit removed; your data in $data/fieldvisit was kept"
