#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Developer entry point (the two commands of the README):
#   packaging/vigie.sh run    install what is missing, build, create the demo workspace if absent,
#                             open the GUI on it
#   packaging/vigie.sh test   install what is missing (with test tools), build, run all tests (ctest)
#   packaging/vigie.sh sanitize
#                             a second build with clang, AddressSanitizer and UndefinedBehavior-
#                             Sanitizer (build-sanitize): runs the unit, analytics and hub tests in
#                             it, then each libFuzzer target for FUZZ_SECONDS (default 30)
# Options through the environment: BUILD_DIR (default build), JOBS (default: number of cores),
# VIGIE_WORKSPACE (workspace to open with "run").
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
build=${BUILD_DIR:-$root/build}
jobs=${JOBS:-$(nproc)}
cmd=${1:-}

configure_and_build() {
  if [[ ! -f "$build/CMakeCache.txt" ]]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
  fi
  cmake --build "$build" -j "$jobs"
}

case "$cmd" in
  run)
    "$here/install-deps.sh"
    configure_and_build -DVIGIE_BUILD_TESTS=OFF
    data=${XDG_DATA_HOME:-$HOME/.local/share}/vigie
    workspace=${VIGIE_WORKSPACE:-$data/demo-marseille.sqlite}
    if [[ ! -f "$workspace" ]]; then
      mkdir -p "$(dirname "$workspace")"
      "$build/app/cli/vigie-cli" demo --out "$workspace"
    fi
    exec "$build/app/gui/vigie" "$workspace"
    ;;
  test)
    "$here/install-deps.sh" --tests
    configure_and_build -DVIGIE_BUILD_TESTS=ON
    cd "$build"
    # Headless: widgets use the offscreen platform; tests that need a real X server get Xvfb.
    export QT_QPA_PLATFORM=offscreen
    xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
      ctest --output-on-failure --timeout 900 -j "$jobs"
    ;;
  sanitize)
    "$here/install-deps.sh" --tests
    sbuild=${SANITIZE_BUILD_DIR:-$root/build-sanitize}
    if [[ ! -f "$sbuild/CMakeCache.txt" ]]; then
      # -O1 and line tables only: the fastest build whose reports still name file and line.
      CC=clang-14 CXX=clang++-14 cmake -S "$root" -B "$sbuild" -G Ninja \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
        -DVIGIE_BUILD_GUI=OFF -DVIGIE_BUILD_TESTS=ON -DVIGIE_FUZZ=ON \
        -DVIGIE_FUZZ_SECONDS="${FUZZ_SECONDS:-30}"
    fi
    cmake "$sbuild" > /dev/null # (tests added since the last build are listed too)
    cd "$sbuild"
    # Only what the sanitized tests and the fuzzers need (not the benchmarks or the GUI).
    selection=(-L 'unit|analytics|hub|fuzz' -LE 'gui')
    mapfile -t targets < <(ctest -N "${selection[@]}" | sed -n 's/^ *Test *#[0-9]*: *//p')
    cmake --build "$sbuild" -j "$jobs" --target "${targets[@]}"
    # Leaks are not looked for: Qt, GDAL and fontconfig keep process-lifetime caches.
    export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:strict_string_checks=1
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    export QT_QPA_PLATFORM=offscreen
    xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
      ctest --output-on-failure --timeout 1200 -j "$jobs" -L 'unit|analytics|hub' -LE 'gui'
    ctest --output-on-failure -j "$jobs" -L fuzz
    ;;
  *)
    echo "usage: packaging/vigie.sh run|test|sanitize" >&2
    exit 2
    ;;
esac
