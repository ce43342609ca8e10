#!/usr/bin/env bash
# Regenerates the README's screenshots from the example map (assets/examples/riverside.ron) in a virtual X
# display, so they never go stale: run it after any visible change and look at what it wrote.
#   assets/screenshots/relmap.png     the map with its markers, a constituency's profile, and the balance
#   assets/screenshots/inspector.png  a neglected constituency's profile, with the relationship plan below
#   assets/screenshots/plan.png       the action plan
#   assets/screenshots/grown.png      the five-constituencies starter map grown from the keyboard, laid out by
#                                     itself as it grew
# Installs Xvfb, xdotool, ImageMagick and Mesa with apt-get when they are missing. The window is 1280 × 800.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/xvfb.sh
need_display_packages imagemagick
cargo build --release --quiet

work=$(mktemp -d)
cp assets/examples/riverside.ron "$work/riverside.ron"
start_display
app_pid=
trap '[[ -n $app_pid ]] && kill $app_pid 2>/dev/null; stop_display; rm -rf "$work"' EXIT

mkdir -p "$work/home"
HOME=$work/home LIBGL_ALWAYS_SOFTWARE=1 target/release/relmap "$work/riverside.ron" >"$work/relmap.log" 2>&1 &
app_pid=$!
window=
for _ in $(seq 100); do
  window=$(xdotool search --onlyvisible --name 'riverside' 2>/dev/null | head -1) && [[ -n $window ]] && break
  sleep 0.2
done
[[ -n $window ]] || { echo "relmap's window did not open" >&2; cat "$work/relmap.log" >&2; exit 1; }
xdotool windowfocus --sync "$window" 2>/dev/null || true
sleep 2

# Where the plan panel's tabs are in a 1280 × 800 window with the inspector open.
declare -A tab=([relationships]=388 [action_plan]=293 [balance]=474)
tab_y=508
select_node() { # select_node TITLE: finds the node, leaves the find bar keeping the selection, fits the map
  xdotool key --window "$window" ctrl+f; sleep 0.4
  xdotool key --window "$window" ctrl+a; sleep 0.2   # replaces the last search
  xdotool type --window "$window" --delay 40 "$1"; sleep 0.4
  xdotool key --window "$window" Return; sleep 0.4
  xdotool key --window "$window" Escape; sleep 0.6
  xdotool key --window "$window" ctrl+0; sleep 0.8
}
show_tab() { xdotool mousemove "${tab[$1]}" "$tab_y" click 1; sleep 0.2; xdotool mousemove 1270 790; sleep 0.8; }
shot() { import -window root "assets/screenshots/$1"; echo "wrote assets/screenshots/$1"; }

select_node "Governing authority"
show_tab balance
shot relmap.png
select_node "Community"
show_tab relationships
shot inspector.png
show_tab action_plan
shot plan.png

# A map grown from the starter template, key by key, as a director would draw it: the layout keeps it tidy.
kill "$app_pid" 2>/dev/null || true
wait "$app_pid" 2>/dev/null || true
cp assets/templates/five-constituencies.ron "$work/grown.ron"
HOME=$work/home LIBGL_ALWAYS_SOFTWARE=1 target/release/relmap "$work/grown.ron" >"$work/relmap.log" 2>&1 &
app_pid=$!
window=
for _ in $(seq 100); do
  window=$(xdotool search --onlyvisible --name 'grown' 2>/dev/null | head -1) && [[ -n $window ]] && break
  sleep 0.2
done
[[ -n $window ]] || { echo "relmap's window did not open" >&2; cat "$work/relmap.log" >&2; exit 1; }
xdotool windowfocus --sync "$window" 2>/dev/null || true
sleep 2
grow() { # grow NODE NAME...: adds each NAME as a child of NODE, the first with Tab and the rest as siblings
  local node=$1; shift
  select_node "$node"
  xdotool key --window "$window" Tab; sleep 0.4
  local first=1
  for name in "$@"; do
    if [[ $first == 0 ]]; then xdotool key --window "$window" Return; sleep 0.4; fi
    xdotool type --window "$window" --delay 30 "$name"; sleep 0.3
    xdotool key --window "$window" Return; sleep 0.5
    first=0
  done
}
grow "Board of trustees" "Helen Park, chair" "James Oduya" "Ruth Alvarez"
grow "Front-line" "Eastside branch" "Volunteer coordinator"
grow "Business" "Chamber of commerce" "Downtown association"
grow "Mentors" "Ana Ruiz"
xdotool key --window "$window" ctrl+0; sleep 1
xdotool mousemove 1270 790; sleep 0.5
shot grown.png
