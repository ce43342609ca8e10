#!/usr/bin/env bash
# End-to-end test of the real window: starts the release binary under a virtual X display with a copy of the
# example map, drives it with xdotool as a user would, and checks the file on disk after each save with
# `relmap --check`. Its home, data and configuration folders are throwaway ones, so that it neither reads nor
# writes the user's preferences, recovery copies or backups.
#   1. the root is selected; Tab adds a child, its title is typed, Enter confirms
#   2. Ctrl+S saves
#   3. the file holds the new node, and passes relmap --check
#   4. Ctrl+Z once (adding and naming a node is one undo step), Ctrl+S
#   5. the node is gone from the file, which passes relmap --check
#   6. another node, unsaved: a recovery copy appears in the throwaway data folder
#   7. Ctrl+N asks about the unsaved changes; Escape cancels, and the map stays as it is
#   8. Ctrl+Q asks again; Enter chooses Save, the default: the file holds the node and the window closes
# Fails with a message naming the step that went wrong. Installs Xvfb, xdotool and Mesa with apt-get when they
# are missing. .ci/run runs it.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/xvfb.sh
need_display_packages
cargo build --release --quiet
# Two minutes for the test itself, from here: installing and building come before.
deadline=$((SECONDS + 120))
started=$SECONDS

work=$(mktemp -d)
map=$work/riverside.ron
cp assets/examples/riverside.ron "$map"
start_display
app_pid=
cleanup() {
  [[ -n $app_pid ]] && kill "$app_pid" 2>/dev/null
  stop_display
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "e2e FAILED at step: $*" >&2
  echo "--- relmap's output:" >&2
  tail -20 "$work/relmap.log" >&2 || true
  exit 1
}
# wait_for DESCRIPTION COMMAND...: retries COMMAND for up to 15 seconds.
wait_for() {
  local what=$1
  shift
  for _ in $(seq 75); do
    "$@" && return 0
    ((SECONDS < deadline)) || fail "$what (out of time)"
    sleep 0.2
  done
  fail "$what"
}
keys() { xdotool key --window "$window" --delay 120 "$@"; sleep 0.4; }
# check_file STEP: the saved map passes `relmap --check`.
check_file() {
  target/release/relmap --check "$map" >"$work/check.log" 2>&1 || { cat "$work/check.log" >&2; fail "$1: relmap --check"; }
}
title() { xdotool getwindowname "$window" 2>/dev/null; }

mkdir -p "$work/home" "$work/data" "$work/config"
HOME=$work/home XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config LIBGL_ALWAYS_SOFTWARE=1 \
  target/release/relmap "$map" >"$work/relmap.log" 2>&1 &
app_pid=$!

echo "e2e: starting relmap with a copy of the example map"
window=
find_window() { window=$(xdotool search --onlyvisible --name 'riverside' 2>/dev/null | head -1); [[ -n $window ]]; }
wait_for "the window opens" find_window
# No window manager runs here: give the window the keyboard directly, then let the first frames settle.
xdotool windowfocus --sync "$window" 2>/dev/null || true
sleep 1.5

echo "e2e: 1. Tab adds a child of the root, its title is typed, Enter confirms"
keys Tab
xdotool type --window "$window" --delay 60 "Library foundation liaison"
sleep 0.3
keys Return
echo "e2e: 2. Ctrl+S saves"
keys ctrl+s
echo "e2e: 3. the file holds the new node"
wait_for "the saved file holds the new node" grep -q 'title:"Library foundation liaison"' "$map"
new_id=$(sed -n 's/.*(id:\([0-9]*\),title:"Library foundation liaison".*/\1/p' "$map")
root_line=$(grep -m1 'kind:Center' "$map")
[[ $root_line =~ children:\[([0-9,]*)\] && ",${BASH_REMATCH[1]}," == *",$new_id,"* ]] ||
  fail "the new node (id $new_id) is a child of the root"
check_file "3. the saved file"

echo "e2e: 4. Ctrl+Z once, then Ctrl+S"
keys ctrl+z
keys ctrl+s
echo "e2e: 5. the node is gone from the file"
gone() { ! grep -q 'Library foundation liaison' "$map"; }
wait_for "the saved file no longer holds the node" gone
grep -q 'format: "relmap"' "$map" || fail "the saved file is still a relmap map"
check_file "5. the file saved after the undo"

echo "e2e: 6. another node, not saved: a recovery copy appears in the throwaway data folder"
keys Tab
xdotool type --window "$window" --delay 60 "Idea not saved yet"
sleep 0.3
keys Return
unsaved_title() { [[ $(title) == "● riverside"* ]]; }
wait_for "the window title marks the unsaved change" unsaved_title
recovery_copy() { compgen -G "$work/data/relmap/recovery/recovery-*.ron" >/dev/null; }
wait_for "a recovery copy in \$XDG_DATA_HOME/relmap/recovery" recovery_copy

echo "e2e: 7. Ctrl+N asks about the unsaved changes; Escape cancels it"
keys ctrl+n
keys Escape
sleep 0.5
# Without the question, New would have replaced the map with a new, untitled one.
unsaved_title || fail "7. after Escape the map is still riverside.ron with its unsaved change (title: $(title))"
grep -q 'Idea not saved yet' "$map" && fail "7. nothing was saved"

echo "e2e: 8. Ctrl+Q asks again; Enter chooses Save, the default, then the window closes"
keys ctrl+q
# The window may be gone before the key is released, which xdotool reports as an error.
xdotool key --window "$window" --delay 120 Return 2>/dev/null || true
wait_for "8. Save wrote the unsaved node" grep -q 'title:"Idea not saved yet"' "$map"
check_file "8. the file saved from the question"
closed() { ! kill -0 "$app_pid" 2>/dev/null; }
wait_for "8. the window closes after saving" closed
app_pid=
echo "e2e: passed in $((SECONDS - started)) s"
