#!/bin/sh
# Installs the Debian packages Qt needs, but only those that are missing.
# Usage: install-debian-deps.sh qt [gui]
#   qt  - what Qt loads even with no screen (tests run offscreen)
#   gui - the X11 (xcb) libraries a real window needs as well
# On a machine without dpkg/apt (not Debian) it does nothing: install the equivalents yourself.
set -eu

qt="libegl1 libgl1 libglib2.0-0 libfontconfig1 libxkbcommon0 libdbus-1-3"
gui="libxkbcommon-x11-0 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1
libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1"

wanted=""
for set in "$@"; do
  case "$set" in
    qt) wanted="$wanted $qt" ;;
    gui) wanted="$wanted $gui" ;;
    *) echo "unknown set: $set" >&2; exit 2 ;;
  esac
done

command -v dpkg-query >/dev/null 2>&1 || exit 0

missing=""
for pkg in $wanted; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  case "$status" in *"ok installed"*) ;; *) missing="$missing $pkg" ;; esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "Qt needs these system libraries:$missing" >&2
  echo "Install them with: sudo apt-get install$missing" >&2
  exit 1
fi
echo "Installing the system libraries Qt needs:$missing"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
