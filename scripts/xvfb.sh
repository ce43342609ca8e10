# Shared by the scripts that run relmap's real window: sourced, not run.
# need_display_packages installs Xvfb, xdotool, Mesa and (with "imagemagick" as argument) ImageMagick with
# apt-get when they are missing. start_display starts Xvfb on a free-looking display number, exports DISPLAY
# and waits until it answers; stop_display ends it.

need_display_packages() {
  local need=()
  command -v Xvfb >/dev/null || need+=(xvfb)
  command -v xdotool >/dev/null || need+=(xdotool)
  if [[ ${1:-} == imagemagick ]]; then
    command -v import >/dev/null || need+=(imagemagick)
  fi
  [[ -e /usr/lib/x86_64-linux-gnu/dri/swrast_dri.so || -e /usr/lib/aarch64-linux-gnu/dri/swrast_dri.so ]] ||
    need+=(libgl1-mesa-dri libegl1 libgl1 libxkbcommon-x11-0 libxcursor1 libxrandr2 libxi6)
  if [[ ${#need[@]} -gt 0 ]]; then
    echo "installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${need[@]}" >/dev/null
  fi
}

start_display() {
  DISPLAY=":$((300 + RANDOM % 600))"
  export DISPLAY
  Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done
}

stop_display() {
  [[ -n ${xvfb_pid:-} ]] && kill "$xvfb_pid" 2>/dev/null
  xvfb_pid=
}
