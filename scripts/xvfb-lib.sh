# Shared by the scripts that need a real X display: installs what is missing and starts a private Xvfb.
# Source it, then call `xvfb_start`; it exports DISPLAY and stops Xvfb on exit.

xvfb_install() {
  local missing=()
  for pair in Xvfb:xvfb xauth:xauth import:imagemagick xdotool:xdotool; do
    command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
  done
  [ -e /usr/lib/x86_64-linux-gnu/libgtk-3.so.0 ] || missing+=(libgtk-3-0)
  # Debian's `convert` stand-in lacks `import`; the real imagemagick provides it.
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}" >&2
    apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >&2
  fi
}

xvfb_start() {
  local display=${1:-:97}
  Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  XVFB_PID=$!
  trap 'kill $XVFB_PID 2>/dev/null' EXIT
  export DISPLAY=$display
  for _ in $(seq 50); do
    xdpyinfo >/dev/null 2>&1 && return 0
    [ -e "/tmp/.X11-unix/X${display#:}" ] && return 0
    sleep 0.1
  done
  echo "Xvfb did not start on $display" >&2
  return 1
}
