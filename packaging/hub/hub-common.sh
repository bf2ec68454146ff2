# SPDX-License-Identifier: GPL-3.0-or-later
# Shell functions shared by qgis-hub.sh and mapserver-hub.sh (sourced, not run).

# Prints a TCP port free on 127.0.0.1.
free_port() {
    /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Stops the server whose pid is in PIDFILE: TERM, up to 5 s to exit, then KILL; removes PIDFILE.
stop_pidfile() {
    [ -f "$1" ] || return 0
    pid=$(cat "$1")
    kill "$pid" 2>/dev/null || true
    i=0
    while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$1"
}
