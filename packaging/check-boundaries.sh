#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a source file crosses a module boundary (README "Layout"):
#   - SQLite is core/store's: no sqlite3 include or call, no Store::handle(), anywhere else;
#   - core/analytics is pure C++ (no Qt);
#   - the rest of core never uses QtGui or QtWidgets; render never uses QtWidgets.
# Run by ctest as "boundaries" (label lint).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
sources() { find "$@" \( -name '*.cpp' -o -name '*.h' \) -print 2> /dev/null | sort; }
problems=()
check() { # description, files..., pattern via $pattern
  local what=$1
  shift
  local hits
  if [[ $# -gt 0 ]] && hits=$(grep -nE "$pattern" "$@" 2> /dev/null); then
    while IFS= read -r line; do problems+=("$what: $line"); done <<< "$hits"
  fi
}
mapfile -t outside_store < <(sources core app render plugins | grep -v '^core/store/')
pattern='sqlite3|\bhandle\(\)' check "SQLite outside core/store (use Statement or a Store API)" \
  "${outside_store[@]}"
mapfile -t analytics < <(sources core/analytics)
pattern='#include *<Q|\bQ(String|Vector|List|Object)\b' check "Qt in core/analytics" "${analytics[@]}"
mapfile -t core < <(sources core | grep -v '^core/analytics/')
pattern='#include *<(QtGui|QtWidgets|QWidget|QPainter|QImage|QColor|QPixmap|QFont)' \
  check "QtGui or QtWidgets in core" "${core[@]}"
mapfile -t render < <(sources render)
pattern='#include *<(QtWidgets|QWidget|QApplication|QDialog)' check "QtWidgets in render" \
  "${render[@]}"
if [[ ${#problems[@]} -gt 0 ]]; then
  echo "check-boundaries: ${#problems[@]} problem(s):" >&2
  printf '  %s\n' "${problems[@]}" >&2
  exit 1
fi
echo "check-boundaries: no module crosses its boundary"
