#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A misbehaving HTTP proxy in front of the real hub server, to inject faults in tests.

faultproxy.py --upstream http://127.0.0.1:PORT --port-file FILE [--mode MODE] [--nth N]
              [--token TOKEN] [--basic USER:PASSWORD]

Forwards GET requests to the upstream server. Only the N-th request for /items (1-based; with
--incremental-only, the N-th one with a datetime filter) is spoiled, according to MODE:
  none       forward unchanged
  http503    answer 503 Service Unavailable
  stall      never answer (sleep 120 s)
  truncate   forward the first half of the body, then close the connection
  malformed  forward the body with a JSON syntax error in the middle
  duplicate  replace the last feature of the page with the first feature of the previous page
  wrongcrs   drop the crs parameter (the server then answers in CRS84 longitude/latitude)
  crs21540   forward the page with Content-Crs EPSG/0/21540 (a CRS whose code contains 2154)
  redirect   answer 302 to the same path on a second server (another port, so another origin)
             that forwards to the upstream too and appends each Authorization it receives to
             --catch-file
  huge       answer 200 with a GeoJSON body that never ends (1 MiB of blanks at a time, up to
             --huge-mib MiB), without Content-Length
  hugelength the same, announced with a Content-Length of 10 GiB
  drip       forward the body one byte every 0.5 s
  errorbody  answer 500 with a JSON error whose description holds terminal escape sequences and
             the request's Authorization header
  empty      forward the page with no features (numberMatched kept)
  drop       forward the page without its last feature (numberMatched kept)
  future     stamp the first feature of the page updated_at 2099-01-01T00:00:00Z
  badstamp   stamp the first feature of the page updated_at 9999-99-99T99:99:99.999
  epochdel   set deleted_at of the first feature of the page to a number (Unix time)
With --token or --basic, requests without that Authorization header get 401.
Writes the port it listens on (127.0.0.1, a free port) to FILE once ready. Runs until killed.
"""
import argparse
import base64
import http.client
import json
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--upstream", required=True)
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--mode", default="none")
    parser.add_argument("--nth", type=int, default=1)
    parser.add_argument("--token", default="")
    parser.add_argument("--basic", default="")
    parser.add_argument("--incremental-only", action="store_true",
                        help="count only incremental requests (with datetime=)")
    parser.add_argument("--catch-file", default="")
    parser.add_argument("--huge-mib", type=int, default=1024)
    args = parser.parse_args()
    upstream = urllib.parse.urlsplit(args.upstream)
    state = {"items": 0, "previous_first": None, "lock": threading.Lock()}
    expected = None
    if args.token:
        expected = "Bearer " + args.token
    elif args.basic:
        expected = "Basic " + base64.b64encode(args.basic.encode()).decode()

    catcher = {"port": 0}

    def forward(path, accept):
        connection = http.client.HTTPConnection(upstream.hostname, upstream.port, timeout=60)
        connection.request("GET", path, headers={"Accept": accept})
        response = connection.getresponse()
        body = response.read()
        headers = {k: response.getheader(k) for k in ("Content-Type", "Content-Crs")
                   if response.getheader(k)}
        connection.close()
        return response.status, body, headers

    class Catcher(BaseHTTPRequestHandler):
        """The other origin a redirect points to: serves the hub's data like the hub."""
        protocol_version = "HTTP/1.1"

        def log_message(self, *a):
            pass

        def do_GET(self):
            if args.catch_file:
                with open(args.catch_file, "a") as f:
                    f.write("GET %s Authorization: %s\n"
                            % (self.path, self.headers.get("Authorization", "")))
            status, body, headers = forward(self.path, self.headers.get("Accept", "*/*"))
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *a):
            pass

        def reply(self, status, body, headers=(), close=False, length=True):
            self.send_response(status)
            for k, v in headers:
                self.send_header(k, v)
            if length:
                self.send_header("Content-Length", str(len(body)))
            if close:
                self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body)
            self.wfile.flush()

        def do_GET(self):
            if expected and self.headers.get("Authorization") != expected:
                self.reply(401, b'{"code":"Unauthorized"}', [("WWW-Authenticate", "Bearer"),
                                                             ("Content-Type", "application/json")])
                return
            url = urllib.parse.urlsplit(self.path)
            mode = "none"
            counted = url.path.endswith("/items") and (
                not args.incremental_only or "datetime=" in url.query)
            if counted:
                with state["lock"]:
                    state["items"] += 1
                    if state["items"] == args.nth:
                        mode = args.mode
            path = self.path
            if mode == "wrongcrs":
                query = [(k, v) for k, v in urllib.parse.parse_qsl(url.query) if k != "crs"]
                path = url.path + "?" + urllib.parse.urlencode(query, safe="/:.")
            if mode == "http503":
                self.reply(503, b'{"code":"Service unavailable"}',
                           [("Content-Type", "application/json")])
                return
            if mode == "stall":
                time.sleep(120)
                return
            if mode == "redirect":
                self.reply(302, b"", [("Location", "http://127.0.0.1:%d%s"
                                       % (catcher["port"], self.path))])
                return
            if mode == "errorbody":
                # Raw control bytes, as a broken or hostile server would send them.
                detail = (b'{"code":"InternalError","description":"\x1b[2J\x1b]0;owned\x07'
                          b'\x1b[31mfailed for ' + self.headers.get("Authorization", "").encode()
                          + b'"}')
                self.reply(500, detail, [("Content-Type", "application/json")])
                return
            if mode in ("huge", "hugelength"):
                self.send_response(200)
                self.send_header("Content-Type", "application/geo+json")
                if mode == "hugelength":
                    self.send_header("Content-Length", str(10 << 30))
                else:
                    self.send_header("Connection", "close")
                self.end_headers()
                try:
                    self.wfile.write(b'{"type":"FeatureCollection","features":[')
                    blank = b" " * (1 << 20)
                    for _ in range(args.huge_mib):
                        self.wfile.write(blank)
                except OSError:
                    pass  # the client gave up, as it should
                self.close_connection = True
                return
            status, body, headers = forward(path, self.headers.get("Accept", "*/*"))
            content_type = headers.get("Content-Type", "application/json")
            extra = []
            if headers.get("Content-Crs"):
                extra.append(("Content-Crs", headers["Content-Crs"]))
            if mode == "crs21540":
                extra = [("Content-Crs", "<http://www.opengis.net/def/crs/EPSG/0/21540>")]
            if url.path.endswith("/items") and status == 200:
                try:
                    page = json.loads(body)
                    features = page.get("features", [])
                    spoil = {"future": ("updated_at", "2099-01-01T00:00:00Z"),
                             "badstamp": ("updated_at", "9999-99-99T99:99:99.999"),
                             "epochdel": ("deleted_at", 1700000000)}
                    if mode == "duplicate" and state["previous_first"] and features:
                        features[-1] = state["previous_first"]
                    elif mode == "empty":
                        page["features"] = []
                    elif mode == "drop" and features:
                        features.pop()
                    elif mode in spoil and features:
                        key, value = spoil[mode]
                        features[0]["properties"][key] = value
                    if mode != "none":
                        body = json.dumps(page).encode()
                    if features:
                        state["previous_first"] = features[0]
                except ValueError:
                    pass
            if mode == "drip":
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    for i in range(len(body)):
                        self.wfile.write(body[i:i + 1])
                        self.wfile.flush()
                        time.sleep(0.5)
                except OSError:
                    pass
                self.close_connection = True
                return
            if mode == "truncate":
                self.reply(200, body[:len(body) // 2], [("Content-Type", content_type)],
                           close=True, length=False)
                self.close_connection = True
                return
            if mode == "malformed":
                middle = len(body) // 2
                body = body[:middle] + b'}}]"oops' + body[middle:]
            self.reply(status, body, [("Content-Type", content_type)] + extra)

    if args.mode == "redirect":
        other = ThreadingHTTPServer(("127.0.0.1", 0), Catcher)
        other.daemon_threads = True
        catcher["port"] = other.server_address[1]
        threading.Thread(target=other.serve_forever, daemon=True).start()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    with open(args.port_file + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    import os
    os.rename(args.port_file + ".tmp", args.port_file)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
