#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Set up, run and test Gloss on Debian 12 (or anything with the same packages).
#
#   build-aux/dev.sh run  [MESON_OPTION…]   build, then run the app on the sample corpus
#   build-aux/dev.sh test [MESON_OPTION…]   build, then run every test under xvfb-run
#   build-aux/dev.sh sanitize [SUITE…]     build with ASan+UBSan and run the core and
#                                           cli tests (or the suites named, e.g. ui)
#   build-aux/dev.sh valgrind               run the core and cli tests under valgrind
#   build-aux/dev.sh fuzz [SECONDS [TARGET…]] build the libFuzzer targets with clang
#                                           and run each for SECONDS (default 60)
#   build-aux/dev.sh deps                   only install (or list) the packages
#   build-aux/dev.sh bench [--quick]        build a release tree (_build-bench),
#                                           print the benchmarks (docs/performance.md)
#
# The packages are installed with apt-get when run as root; otherwise the
# exact `sudo apt-get install …` line is printed. BUILDDIR (default _build)
# names the build directory.

set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
builddir=${BUILDDIR:-$top/_build}

packages=(
  meson ninja-build pkg-config gcc gettext python3
  libglib2.0-dev libglib2.0-dev-bin libjson-glib-dev libyajl-dev
  libgtk-4-dev libadwaita-1-dev
  xvfb xauth dbus-daemon
  # Desktop integration: post-install caches, icons and SVG loading, and
  # the validators the 'data' tests run.
  libgtk-4-bin adwaita-icon-theme librsvg2-common shared-mime-info
  desktop-file-utils appstream libxml2-utils
)

missing_packages () {
  local p
  for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
      printf '%s\n' "$p"
    fi
  done
}

ensure_packages () {
  local missing
  missing=$(missing_packages | tr '\n' ' ')
  [ -z "${missing// /}" ] && return 0

  if [ "$(id -u)" -eq 0 ]; then
    echo "dev.sh: installing $missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    # shellcheck disable=SC2086
    apt-get install -y -q --no-install-recommends $missing
  else
    echo "dev.sh: these packages are missing; install them with:" >&2
    echo "  sudo apt-get install $missing" >&2
    exit 1
  fi
}

configure () {
  if [ -f "$builddir/build.ninja" ]; then
    meson setup --reconfigure "$builddir" "$top" "$@" >/dev/null
  else
    meson setup "$builddir" "$top" "$@"
  fi
  meson compile -C "$builddir"
}

# Prints "N passed, N failed[, N skipped]" from meson's log, counting each
# GTest case (the TAP lines of every test program), and a program that
# crashed or timed out before reporting as one failure more.
summarize () {
  python3 - "${1:-$builddir/meson-logs/testlog.json}" <<'PY'
import json, re, sys
passed = failed = skipped = 0
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.strip()
    if not line:
        continue
    test = json.loads(line)
    ok = bad = skip = 0
    for out in (test.get("stdout") or "").splitlines():
        if re.match(r"^ok\b", out):
            if re.search(r"#\s*SKIP", out, re.I):
                skip += 1
            else:
                ok += 1
        elif re.match(r"^not ok\b", out):
            if re.search(r"#\s*TODO", out, re.I):
                skip += 1
            else:
                bad += 1
    if test.get("result") not in ("OK", "SKIP", "EXPECTEDFAIL") and bad == 0:
        bad = 1
    if ok + bad + skip == 0 and test.get("result") == "OK":
        ok = 1
    passed += ok
    failed += bad
    skipped += skip
line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
PY
}

cmd=${1:-}
[ $# -gt 0 ] && shift

case "$cmd" in
  deps)
    ensure_packages
    ;;

  run)
    ensure_packages
    configure -Dprofile=development "$@"
    # Uninstalled: the settings schema and the translations come from the build tree.
    GSETTINGS_SCHEMA_DIR="$builddir/data" GLOSS_LOCALEDIR="$builddir/po" \
      exec "$builddir/src/ui/gloss" --sample
    ;;

  test)
    ensure_packages
    configure "$@"
    status=0
    # A private session bus, as a desktop session has: GTK asks for one.
    dbus-run-session -- xvfb-run -a -s "-screen 0 1280x1024x24" \
      meson test -C "$builddir" --print-errorlogs --num-processes 2 || status=$?
    summarize
    exit "$status"
    ;;

  sanitize)
    # AddressSanitizer and UndefinedBehaviorSanitizer, every error fatal.
    # LeakSanitizer too, except in UI tests, where GTK's and fontconfig's
    # process-lifetime caches would bury any real finding (tests/lsan.supp).
    suites=()
    options=()
    for arg in "$@"; do
      case "$arg" in -*) options+=("$arg") ;; *) suites+=("$arg") ;; esac
    done
    [ ${#suites[@]} -gt 0 ] || suites=(core cli)
    ensure_packages
    builddir=${builddir}-asan
    configure -Dprofile=development -Db_sanitize=address,undefined -Db_lundef=false "${options[@]}"
    export UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1
    export LSAN_OPTIONS=suppressions=$top/tests/lsan.supp:print_suppressions=0
    status=0
    args=()
    for suite in "${suites[@]}"; do args+=(--suite "$suite"); done
    if [[ " ${suites[*]} " == *" ui "* ]]; then
      ASAN_OPTIONS=detect_leaks=0 dbus-run-session -- xvfb-run -a -s "-screen 0 1280x1024x24" \
        meson test -C "$builddir" --print-errorlogs --num-processes 2 --timeout-multiplier 4 "${args[@]}" || status=$?
    else
      ASAN_OPTIONS=detect_leaks=1 meson test -C "$builddir" --print-errorlogs --num-processes 2 \
        --timeout-multiplier 4 "${args[@]}" || status=$?
    fi
    summarize
    exit "$status"
    ;;

  valgrind)
    packages+=(valgrind)
    ensure_packages
    configure -Dprofile=development
    status=0
    meson test -C "$builddir" --print-errorlogs --num-processes 2 --timeout-multiplier 10 \
      --suite core --suite cli \
      --wrap="valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=1 --suppressions=$top/tests/valgrind.supp" \
      || status=$?
    summarize "$builddir/meson-logs/testlog-valgrind.json"
    exit "$status"
    ;;

  fuzz)
    # Fuzz each reader of outside data in turn, one core, with ASan and
    # UBSan. Corpora grow in $fuzzdir/corpus/TARGET across runs; crashes,
    # leaks and hangs land in $fuzzdir/findings/ and fail the command.
    seconds=${1:-60}
    [ $# -gt 0 ] && shift
    targets=("$@")
    [ ${#targets[@]} -gt 0 ] || targets=(native doccano spacy brat text)
    packages+=(clang libclang-rt-dev)
    ensure_packages
    fuzzbuild=${FUZZ_BUILDDIR:-$top/_build-fuzz}
    fuzzdir=$fuzzbuild/fuzzing
    if [ ! -f "$fuzzbuild/build.ninja" ]; then
      CC=clang meson setup "$fuzzbuild" "$top" -Dfuzzing=true -Db_sanitize=address,undefined \
        -Db_lundef=false -Dbuildtype=debugoptimized >/dev/null
    fi
    ninja -C "$fuzzbuild" $(printf 'fuzz/fuzz-%s ' "${targets[@]}") >/dev/null
    python3 "$top/build-aux/fuzz-seeds.py" "$top" "$fuzzdir/seeds"
    mkdir -p "$fuzzdir/findings"
    found=0
    export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
    for target in "${targets[@]}"; do
      mkdir -p "$fuzzdir/corpus/$target"
      log=$fuzzdir/$target.log
      "$fuzzbuild/fuzz/fuzz-$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=65536 -dict="$top/fuzz/json.dict" -print_final_stats=1 \
        -artifact_prefix="$fuzzdir/findings/$target-" \
        "$fuzzdir/corpus/$target" "$fuzzdir/seeds/$target" >"$log" 2>&1 || true
      runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
      if grep -qE '^==[0-9]+==ERROR|runtime error|^SUMMARY' "$log"; then
        echo "fuzz-$target: FINDING after ${runs:-?} runs, see $log"
        found=1
      else
        echo "fuzz-$target: ${runs:-?} runs in ${seconds} s, $(ls "$fuzzdir/corpus/$target" | wc -l) inputs in the corpus, no finding"
      fi
    done
    exit "$found"
    ;;

  bench)
    packages+=(valgrind)  # the instruction counts
    ensure_packages >&2
    quick=
    if [ "${1:-}" = --quick ]; then quick=--quick; shift; fi
    builddir=${BENCH_BUILDDIR:-$top/_build-bench}
    configure -Dbuildtype=release "$@" >&2
    # The references are Debian's own Python, as a user's pipeline has it.
    python=/usr/bin/python3
    [ -x "$python" ] || python=python3
    run=("$python" "$top/build-aux/bench/run-bench.py" --builddir "$builddir" $quick)
    if [ -z "${DISPLAY:-}" ]; then
      run=(xvfb-run -a -s "-screen 0 1280x1024x24" "${run[@]}")
    fi
    exec dbus-run-session -- "${run[@]}"
    ;;

  *)
    sed -n '3,14p' "$0" | sed 's/^# \{0,1\}//'
    [ -z "$cmd" ] || [ "$cmd" = help ] || exit 2
    ;;
esac
