#!/usr/bin/env python3
"""A tiny webhook receiver for the local stack (deploy/stack.sh starts it on 127.0.0.1:8099): it
stands in for agency case systems. Deliveries to /hook/<agency> are checked as docs/notifications.md
tells a receiver to (the Standard Webhooks signature with the secret the seed saved in
.local/webhooks/<agency>.secret, the timestamp within five minutes), deduplicated by webhook-id, and
logged one line each to stdout (.local/logs/webhook-receiver.log). Local development only.
"""
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
import importlib.util  # noqa: E402

_spec = importlib.util.spec_from_file_location("verify_webhook", os.path.join(sys.path[0], "verify-webhook.py"))
verify_webhook = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(verify_webhook)

SECRETS = os.environ.get("JOINEDUP_WEBHOOK_SECRETS", ".local/webhooks")
seen = set()
lock = threading.Lock()


def log(line):
    with lock:  # one whole line at a time: deliveries arrive on several threads
        sys.stdout.write(f"{time.strftime('%H:%M:%S')} {line}\n")
        sys.stdout.flush()


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        agency = self.path.rstrip("/").rsplit("/", 1)[-1]
        body = self.rfile.read(int(self.headers.get("content-length", "0")))
        webhook_id = self.headers.get("webhook-id", "")
        try:
            with open(os.path.join(SECRETS, agency + ".secret")) as f:
                secret = f.read().strip()
            why = verify_webhook.verify(secret, webhook_id, self.headers.get("webhook-timestamp", "0"),
                                        self.headers.get("webhook-signature", ""), body)
        except OSError:
            why = "no secret for " + agency
        if why is not None:
            log(f"{agency}: refused {webhook_id}: {why}")
            self.send_response(401)
            self.end_headers()
            return
        with lock:
            repeat = webhook_id in seen
            seen.add(webhook_id)
        data = json.loads(body)
        log(f"{agency}: {data['type']}{' (again: ignored)' if repeat else ''}: {data['data']['headline']}")
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8099
    ThreadingHTTPServer(("127.0.0.1", port), Receiver).serve_forever()
