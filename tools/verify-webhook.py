#!/usr/bin/env python3
"""Checks a Joined-Up webhook delivery the way a receiver should (docs/notifications.md), with
nothing but Python's standard library: the Standard Webhooks signature over
webhook-id.webhook-timestamp.body with HMAC-SHA256, and the timestamp within five minutes.

    verify-webhook.py SECRET WEBHOOK_ID WEBHOOK_TIMESTAMP WEBHOOK_SIGNATURE BODY_FILE [NOW]

Exit 0 and "valid" when it verifies; exit 1 and the reason when it does not.
"""
import base64
import hashlib
import hmac
import sys
import time

TOLERANCE_SECONDS = 5 * 60


def verify(secret, webhook_id, timestamp, signature_header, body, now=None):
    now = int(time.time()) if now is None else now
    if abs(now - int(timestamp)) > TOLERANCE_SECONDS:
        return "timestamp outside the tolerance"
    key = base64.b64decode(secret[len("whsec_"):]) if secret.startswith("whsec_") else secret.encode()
    signed = f"{webhook_id}.{timestamp}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    for candidate in signature_header.split(" "):
        version, _, value = candidate.partition(",")
        if version == "v1" and hmac.compare_digest(value, expected):
            return None
    return "no signature matches"


if __name__ == "__main__":
    if len(sys.argv) not in (6, 7):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    with open(sys.argv[5], "rb") as f:
        body = f.read()
    why = verify(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], body,
                 int(sys.argv[6]) if len(sys.argv) == 7 else None)
    print("valid" if why is None else why)
    sys.exit(0 if why is None else 1)
