#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 packages Vigie needs to build, run and test.
# Idempotent: when everything is present it only checks and exits (about a second).
# Usage: packaging/install-deps.sh [--tests]   (--tests adds the reference tools and servers)
set -euo pipefail

BUILD_PKGS=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-charts-dev qt6-pdf-dev libqt6sql6-sqlite qt6-translations-l10n
  libgdal-dev gdal-bin libproj-dev proj-bin proj-data
  libspatialite-dev libsqlite3-mod-spatialite sqlite3 spatialite-bin
  libeigen3-dev libboost-dev
  fonts-dejavu-core
)
TEST_PKGS=(
  xvfb xauth imagemagick x11-apps poppler-utils xdotool
  # references that nobody here wrote, for the statistics tests (label "reference")
  r-base-core r-cran-spdep r-cran-spatstat r-cran-sparr python3-sklearn python3-scipy qgis
  # the reference hub servers (label "hub")
  qgis-server cgi-mapserver mapserver-bin lighttpd
  # the sanitizer and fuzzing build (packaging/vigie.sh sanitize)
  clang-14 libclang-rt-14-dev
  # the formatting check (ctest "format", label lint)
  clang-format-14
)

want=("${BUILD_PKGS[@]}")
if [[ "${1:-}" == "--tests" ]]; then
  want+=("${TEST_PKGS[@]}")
fi

missing=()
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#want[@]} packages present"
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
