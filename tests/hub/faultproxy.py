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
    args = parser.parse_args()
    upstream = urllib.parse.urlsplit(args.upstream)
    state = {"items": 0, "previous_first": None, "lock": threading.Lock()}
    expected = None
    if args.token:
        expected = "Bearer " + args.token
    elif args.basic:
        expected = "Basic " + base64.b64encode(args.basic.encode()).decode()

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
            connection = http.client.HTTPConnection(upstream.hostname, upstream.port, timeout=60)
            connection.request("GET", path, headers={"Accept": self.headers.get("Accept", "*/*")})
            response = connection.getresponse()
            body = response.read()
            connection.close()
            content_type = response.getheader("Content-Type", "application/json")
            if url.path.endswith("/items") and response.status == 200:
                try:
                    page = json.loads(body)
                    features = page.get("features", [])
                    if mode == "duplicate" and state["previous_first"] and features:
                        features[-1] = state["previous_first"]
                        body = json.dumps(page).encode()
                    if features:
                        state["previous_first"] = features[0]
                except ValueError:
                    pass
            if mode == "truncate":
                self.reply(200, body[:len(body) // 2], [("Content-Type", content_type)],
                           close=True, length=False)
                self.close_connection = True
                return
            if mode == "malformed":
                middle = len(body) // 2
                body = body[:middle] + b'}}]"oops' + body[middle:]
            self.reply(response.status, body, [("Content-Type", content_type)])

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    with open(args.port_file + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    import os
    os.rename(args.port_file + ".tmp", args.port_file)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
