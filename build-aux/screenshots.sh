#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Takes the screenshots in data/screenshots/: the app on the sample corpus,
# in the light and the dark style, under a headless X server.
#
#   build-aux/screenshots.sh [BUILDDIR]
#
# Needs xvfb, x11-apps (xwd), xdotool, imagemagick (convert) and dbus-daemon.

set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
builddir=${1:-${BUILDDIR:-$top/_build}}
out=$top/data/screenshots
display=:${GLOSS_SCREENSHOT_DISPLAY:-93}

mkdir -p "$out"

shoot () {
  local name=$1 scheme=$2
  Xvfb "$display" -screen 0 1100x720x24 -nolisten tcp >/dev/null 2>&1 &
  local xvfb=$!
  sleep 1
  DISPLAY=$display GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$builddir/data" \
    ADW_DEBUG_COLOR_SCHEME=$scheme LANGUAGE=en LC_ALL=C.UTF-8 \
    "$builddir/src/ui/gloss" --sample >/dev/null 2>&1 &
  local app=$!
  sleep 3
  # The pointer starts mid-screen, over a span; a tooltip is no part of the picture.
  DISPLAY=$display xdotool mousemove 1099 719 2>/dev/null || true
  sleep 1
  xwd -root -silent -display "$display" | convert xwd:- "$out/$name.png"
  kill "$app" "$xvfb" 2>/dev/null || true
  wait "$app" "$xvfb" 2>/dev/null || true
  echo "wrote $out/$name.png"
}

export -f shoot
dbus-run-session -- bash -c "$(declare -f shoot); display=$display builddir=$builddir out=$out; shoot main-light prefer-light; shoot main-dark prefer-dark"
