#!/usr/bin/env python3
"""Checks a Joined-Up audit export (or a ledger stream) offline, with nothing but Python's standard library.

    tools/verify-export.py child-<id>.ndjson [expected-head-hash]

Each line after the optional header is one ledger entry. Its hash must be SHA-256 over the 32 bytes of
the previous hash followed by the UTF-8 bytes of its canonical JSON (RFC 8785); the first entry of a
child export follows the genesis hash (64 zeros), a ledger range follows the previousHash of its first
line. The canonical JSON is the evidence itself: the event's envelope and payload, exactly as hashed.
Give the head hash the service (or a published checkpoint) reported, and it is compared too.

Exit 0 and "intact" when every hash follows; exit 1 naming the first entry that does not; exit 2 when
the file is not an export (for example an error answer saved instead).
"""
import hashlib
import json
import sys


def main(path, expected_head=None):
    previous = None
    checked = 0
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except ValueError:
                print("NOT AN EXPORT: line %d is not JSON" % number)
                return 2
            if "format" in entry:
                previous = entry["genesis"]
                continue
            if not all(k in entry for k in ("previousHash", "hash", "canonical", "eventId")):
                print("NOT AN EXPORT: line %d has no previousHash, hash, canonical and eventId (%s)" % (number, line.strip()[:120]))
                return 2
            if previous is None:
                previous = entry["previousHash"]
            canonical = entry["canonical"]
            facts = json.loads(canonical)
            if facts.get("id") != entry.get("eventId"):
                return fail(number, entry, "the canonical JSON is about another event")
            if entry["previousHash"] != previous:
                return fail(number, entry, "previousHash is not the hash of the entry before it: an entry is missing or moved")
            digest = hashlib.sha256(bytes.fromhex(previous) + canonical.encode("utf-8")).hexdigest()
            if digest != entry["hash"]:
                return fail(number, entry, "the hash does not follow from the previous hash and the canonical JSON")
            previous = digest
            checked += 1
    if expected_head and previous != expected_head:
        print("BROKEN: the last hash %s is not the expected head %s" % (previous, expected_head))
        return 1
    print("intact: %d entries, head %s" % (checked, previous))
    return 0


def fail(number, entry, reason):
    print("BROKEN at line %d (ledger seq %s, event %s): %s" % (number, entry.get("seq"), entry.get("eventId"), reason))
    return 1


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        print(__doc__)
        sys.exit(2)
    sys.exit(main(*sys.argv[1:]))
