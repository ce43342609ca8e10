#!/usr/bin/env bash
# Installs relmap for the current user on a Linux desktop: the binary (through `cargo install --path .`), the
# icon, the menu entry, and the file type of relmap's maps, with relmap as the program that opens them.
#
# Usage: scripts/install-desktop.sh [--binary PATH]
#   --binary PATH   install PATH as the program instead of building it with cargo (for tests and packagers)
# Everything goes under your home folder (~/.cargo/bin, ~/.local/share); nothing needs root. Run it again to
# update. To remove relmap: cargo uninstall relmap, then delete the files this script lists.
set -euo pipefail
cd "$(dirname "$0")/.."

binary=
while [[ $# -gt 0 ]]; do
  case $1 in
    --binary) binary=$2; shift 2 ;;
    *) sed -n '2,9p' "$0"; exit 2 ;;
  esac
done

data=${XDG_DATA_HOME:-$HOME/.local/share}
if [[ -z $binary ]]; then
  echo "building and installing the relmap program (cargo install --path .)..."
  cargo install --path . --locked --quiet
  binary=${CARGO_HOME:-$HOME/.cargo}/bin/relmap
else
  mkdir -p "$HOME/.local/bin"
  install -m 755 "$binary" "$HOME/.local/bin/relmap"
  binary=$HOME/.local/bin/relmap
fi

installed=()
put() { # put SOURCE TARGET
  mkdir -p "$(dirname "$2")"
  install -m 644 "$1" "$2"
  installed+=("$2")
}
put assets/icon/relmap.svg "$data/icons/hicolor/scalable/apps/relmap.svg"
for size in 48 128 256; do
  put "assets/icon/relmap-$size.png" "$data/icons/hicolor/${size}x${size}/apps/relmap.png"
done
put assets/relmap-mime.xml "$data/mime/packages/relmap.xml"
# The menu entry runs the program just installed, wherever cargo put it.
mkdir -p "$data/applications"
sed "s|^Exec=relmap |Exec=$binary |" assets/relmap.desktop >"$data/applications/relmap.desktop"
installed+=("$data/applications/relmap.desktop")

# Let the desktop know; each tool is optional, and without it the files take effect at the next login.
command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" 2>/dev/null || true
command -v xdg-mime >/dev/null && xdg-mime default relmap.desktop application/x-relmap 2>/dev/null || true

echo "installed relmap: $binary"
printf '  %s\n' "${installed[@]}"
echo "relmap is in your applications menu, and opens relmap maps (.ron files) from the file manager."
