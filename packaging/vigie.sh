#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Developer entry point (the two commands of the README):
#   packaging/vigie.sh run    install what is missing, build, create the demo workspace if absent,
#                             open the GUI on it
#   packaging/vigie.sh test   install what is missing (with test tools), build, run all tests (ctest)
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
  *)
    echo "usage: packaging/vigie.sh run|test" >&2
    exit 2
    ;;
esac
