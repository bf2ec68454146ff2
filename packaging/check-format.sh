#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a C++ file of the project is not formatted as .clang-format says (the whole tree).
# Run by ctest as "format" (label lint); fix with:  packaging/check-format.sh --fix
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
tool=${CLANG_FORMAT:-clang-format-14}
if ! command -v "$tool" > /dev/null; then
  echo "check-format: $tool is not installed (packaging/install-deps.sh --tests installs it)" >&2
  exit 1
fi
mapfile -t files < <(git ls-files --cached --others --exclude-standard -- 'core/*.cpp' 'core/*.h' 'render/*.cpp' 'render/*.h' \
  'app/*.cpp' 'app/*.h' 'tests/*.cpp' 'tests/*.h' 'plugins/*.cpp' 'plugins/*.h' 2> /dev/null ||
  find core render app tests plugins -name '*.cpp' -o -name '*.h')
if [[ "${1:-}" == "--fix" ]]; then
  "$tool" -i "${files[@]}"
  exit 0
fi
bad=()
for f in "${files[@]}"; do
  if ! "$tool" --dry-run --Werror "$f" > /dev/null 2>&1; then
    bad+=("$f")
  fi
done
if [[ ${#bad[@]} -gt 0 ]]; then
  echo "check-format: ${#bad[@]} of ${#files[@]} files are not formatted (packaging/check-format.sh --fix):" >&2
  printf '  %s\n' "${bad[@]}" >&2
  for f in "${bad[@]:0:3}"; do "$tool" --dry-run "$f" 2>&1 | head -8 >&2; done
  exit 1
fi
echo "check-format: ${#files[@]} files formatted"
