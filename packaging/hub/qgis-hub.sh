#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Serves a hub project with QGIS Server (qgis_mapserver, Debian's qgis-server) on 127.0.0.1.
#   qgis-hub.sh start --project HUB.qgs --dir WORKDIR [--port N]   (N=0 or absent: a free port)
#       prints the API root, e.g. http://127.0.0.1:40123/wfs3, once the server answers
#   qgis-hub.sh stop --dir WORKDIR
# WORKDIR holds qgis.pid, qgis.port and qgis.log. Start waits up to 30 s for an answer.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/hub-common.sh"
cmd=${1:-}; shift || true
project=""; dir=""; port=0
while [ $# -gt 0 ]; do
    case "$1" in
        --project) project=$2; shift 2 ;;
        --dir) dir=$2; shift 2 ;;
        --port) port=$2; shift 2 ;;
        *) echo "qgis-hub.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
[ -n "$dir" ] || { echo "qgis-hub.sh: --dir is required" >&2; exit 2; }
mkdir -p "$dir"
case "$cmd" in
start)
    [ -n "$project" ] || { echo "qgis-hub.sh: --project is required" >&2; exit 2; }
    command -v qgis_mapserver >/dev/null || {
        echo "qgis-hub.sh: qgis_mapserver not found: install the qgis-server package" >&2; exit 3; }
    if [ "$port" = 0 ]; then
        port=$(free_port)
    fi
    mkdir -p "$dir/home"
    HOME="$dir/home" QT_QPA_PLATFORM=offscreen QGIS_SERVER_LOG_LEVEL=2 \
        QGIS_SERVER_LOG_STDERR=1 QGIS_SERVER_IGNORE_BAD_LAYERS=0 \
        setsid qgis_mapserver -p "$project" "127.0.0.1:$port" >"$dir/qgis.log" 2>&1 </dev/null &
    echo $! >"$dir/qgis.pid"
    echo "$port" >"$dir/qgis.port"
    i=0
    while [ $i -lt 300 ]; do
        if curl -s -f -o /dev/null --max-time 2 "http://127.0.0.1:$port/wfs3/collections?f=json"; then
            echo "http://127.0.0.1:$port/wfs3"
            exit 0
        fi
        if ! kill -0 "$(cat "$dir/qgis.pid")" 2>/dev/null; then
            echo "qgis-hub.sh: qgis_mapserver exited; see $dir/qgis.log:" >&2
            tail -20 "$dir/qgis.log" >&2; exit 1
        fi
        sleep 0.1; i=$((i + 1))
    done
    echo "qgis-hub.sh: no answer on port $port after 30 s" >&2
    kill "$(cat "$dir/qgis.pid")" 2>/dev/null || true
    exit 1 ;;
stop)
    stop_pidfile "$dir/qgis.pid"
    exit 0 ;;
*) echo "usage: qgis-hub.sh start|stop --dir WORKDIR [--project HUB.qgs] [--port N]" >&2; exit 2 ;;
esac
