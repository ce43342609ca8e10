#!/usr/bin/env bash
# Times relmap from launch with a map as its argument until the map is drawn in its window, under a virtual X
# display with software rendering (Mesa's llvmpipe), as BENCHMARKS.md reports it.
#
# Usage: scripts/startup-time.sh [N...]     (default: 1000 10000 50000 nodes; five runs each)
#
# relmap started with RELMAP_STARTUP_TIMING=1 closes its window once the first frame with the map has been
# presented and prints how long that took since the process started. The script also times the whole process
# from the outside, which adds the closing of the window.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1000 10000 50000)
runs=${RUNS:-5}

source scripts/xvfb.sh
need_display_packages
cargo build --release --quiet
work=$(mktemp -d)
start_display
trap 'stop_display; rm -rf "$work"' EXIT

printf '%8s  %-28s  %s\n' nodes "map drawn after (ms)" "whole process (ms)"
for n in "${sizes[@]}"; do
  map=$work/map-$n.ron
  target/release/relmap --generate "$n" "$map"
  drawn=() whole=()
  for _ in $(seq "$runs"); do
    # A fresh HOME each run: no saved window state, recent files or recovery copies of earlier runs.
    home=$(mktemp -d -p "$work")
    start=$(date +%s%N)
    log=$(HOME=$home LIBGL_ALWAYS_SOFTWARE=1 RELMAP_STARTUP_TIMING=1 target/release/relmap "$map" 2>&1 >/dev/null)
    end=$(date +%s%N)
    ms=$(sed -n 's/.*map drawn after \([0-9]*\) ms.*/\1/p' <<<"$log")
    [[ -n $ms ]] || { echo "relmap did not report drawing the map of $n nodes: $log" >&2; exit 1; }
    drawn+=("$ms")
    whole+=("$(((end - start) / 1000000))")
  done
  median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }
  printf '%8s  %-28s  %s\n' "$n" "$(median "${drawn[@]}") (runs: ${drawn[*]})" "$(median "${whole[@]}")"
done
