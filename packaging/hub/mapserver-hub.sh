#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Serves a hub GeoPackage as WFS 2.0 with MapServer (cgi-mapserver) under lighttpd on 127.0.0.1.
#   mapserver-hub.sh start --gpkg HUB.gpkg --dir WORKDIR [--port N] [--users FILE]
#       prints the WFS URL (http://127.0.0.1:N/cgi-bin/mapserv?map=hub) once it answers;
#       --users FILE ("user:password" lines) makes lighttpd require HTTP basic authentication
#   mapserver-hub.sh stop --dir WORKDIR
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/hub-common.sh"
cmd=${1:-}; shift || true
gpkg=""; dir=""; port=0; users=""
while [ $# -gt 0 ]; do
    case "$1" in
        --gpkg) gpkg=$2; shift 2 ;;
        --dir) dir=$2; shift 2 ;;
        --port) port=$2; shift 2 ;;
        --users) users=$2; shift 2 ;;
        *) echo "mapserver-hub.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
[ -n "$dir" ] || { echo "mapserver-hub.sh: --dir is required" >&2; exit 2; }
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
case "$cmd" in
start)
    [ -n "$gpkg" ] || { echo "mapserver-hub.sh: --gpkg is required" >&2; exit 2; }
    for f in /usr/sbin/lighttpd /usr/lib/cgi-bin/mapserv; do
        [ -x "$f" ] || { echo "mapserver-hub.sh: $f missing: install lighttpd and cgi-mapserver" >&2; exit 3; }
    done
    if [ "$port" = 0 ]; then
        port=$(free_port)
    fi
    url="http://127.0.0.1:$port/cgi-bin/mapserv?map=hub"
    /usr/bin/python3 "$here/make-mapfile.py" --gpkg "$gpkg" --map "$dir/hub.map" \
        --config "$dir/mapserver.conf" --url "$url"
    mkdir -p "$dir/www"
    auth=""
    if [ -n "$users" ]; then
        auth="auth.backend = \"plain\"
auth.backend.plain.userfile = \"$users\"
auth.require = ( \"/cgi-bin/\" => ( \"method\" => \"basic\", \"realm\" => \"Vigie hub\", \"require\" => \"valid-user\" ) )"
    fi
    cat >"$dir/lighttpd.conf" <<CONF
server.modules = ( "mod_alias", "mod_cgi", "mod_setenv", "mod_auth", "mod_authn_file" )
server.document-root = "$dir/www"
server.bind = "127.0.0.1"
server.port = $port
server.errorlog = "$dir/lighttpd.log"
alias.url = ( "/cgi-bin/" => "/usr/lib/cgi-bin/" )
\$HTTP["url"] =~ "^/cgi-bin/" { cgi.assign = ( "" => "" ) }
setenv.add-environment = ( "MAPSERVER_CONFIG_FILE" => "$dir/mapserver.conf" )
$auth
CONF
    setsid /usr/sbin/lighttpd -D -f "$dir/lighttpd.conf" >"$dir/lighttpd.out" 2>&1 </dev/null &
    echo $! >"$dir/lighttpd.pid"
    i=0
    while [ $i -lt 200 ]; do
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url&SERVICE=WFS&REQUEST=GetCapabilities&VERSION=2.0.0" || true)
        if [ "$code" = 200 ] || [ "$code" = 401 ]; then echo "$url"; exit 0; fi
        if ! kill -0 "$(cat "$dir/lighttpd.pid")" 2>/dev/null; then
            echo "mapserver-hub.sh: lighttpd exited:" >&2; cat "$dir/lighttpd.out" "$dir/lighttpd.log" >&2 2>/dev/null; exit 1
        fi
        sleep 0.1; i=$((i + 1))
    done
    echo "mapserver-hub.sh: no answer on port $port after 20 s" >&2
    kill "$(cat "$dir/lighttpd.pid")" 2>/dev/null || true
    exit 1 ;;
stop)
    stop_pidfile "$dir/lighttpd.pid"
    exit 0 ;;
*) echo "usage: mapserver-hub.sh start|stop --dir WORKDIR [--gpkg HUB.gpkg] [--port N] [--users FILE]" >&2; exit 2 ;;
esac
