#!/usr/bin/env bash
# Seeds the local stack with a small, fictional picture: a school, a hospital and the police each
# hold one piece about the same child. Everything goes through the public API with real tokens.
# Run by `deploy/stack.sh up`; seeds once per local state (delete .local/seeded to seed again).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
STATE=${JOINEDUP_STATE:-$ROOT/.local}
KC=http://127.0.0.1:${JOINEDUP_KEYCLOAK_PORT:-8180}/realms/joinedup/protocol/openid-connect/token
CONCERNS=http://127.0.0.1:8081
AUDIT=http://127.0.0.1:8084
CHILD_NHS=9434765919   # a format-valid NHS number used in NHS examples; the child here is fictional

access_token() { sed -E 's/.*"access_token":"([^"]+)".*/\1/'; }
system_token() { # agency id: the agency system's client-credentials token
  curl -sf -d grant_type=client_credentials -d client_id="$1-system" -d client_secret="$1-local-dev-secret" "$KC" | access_token
}
user_token() { # username: a demo user's token (local development only)
  curl -sf -d grant_type=password -d client_id=joinedup-demo -d username="$1" -d password=local-dev-only "$KC" | access_token
}
raise() { # agency, JSON body
  curl -sf -H "Authorization: Bearer $(system_token "$1")" -H 'Content-Type: application/json' -d "$2" "$CONCERNS/concerns"
}
field() { sed -E "s/.*\"$1\":\"([^\"]+)\".*/\\1/"; }

if [ -f "$STATE/seeded" ]; then
  CHILD=$(cat "$STATE/seeded")
else
  CHILD=$(raise northside-primary '{"child": {"nhsNumber": "'$CHILD_NHS'", "familyName": "Mensah", "givenName": "Ama",
    "dateOfBirth": "2018-05-09", "postcode": "N17 0AA"}, "category": "missing-from-education",
    "wellbeingIndicators": ["achieving", "included"], "riskLevel": "low",
    "description": "Absent 9 of the last 15 school days; no contact from home.",
    "occurredAt": "2026-10-02T09:15:00Z"}' | field childId)
  raise whittington-health '{"child": {"nhsNumber": "'$CHILD_NHS'"}, "category": "physical-abuse",
    "wellbeingIndicators": ["safe", "healthy"], "riskLevel": "medium",
    "description": "Bruising to both upper arms; the explanation given (a fall) does not fit the injuries.",
    "childsVoice": "I was naughty.", "occurredAt": "2026-10-20T18:40:00Z"}' > /dev/null
  raise met-police '{"child": {"nhsNumber": "'$CHILD_NHS'"}, "category": "domestic-abuse",
    "wellbeingIndicators": ["safe", "nurtured"], "riskLevel": "high",
    "description": "Officers attended a domestic incident at the family address at night; the child was present.",
    "occurredAt": "2026-11-08T23:05:00Z"}' > /dev/null
  echo "$CHILD" > "$STATE/seeded"
fi

LEAD=$(user_token lead.haringey)
for _ in $(seq 1 20); do
  CHRONOLOGY=$(curl -sf -H "Authorization: Bearer $LEAD" "$AUDIT/children/$CHILD/chronology")
  echo "$CHRONOLOGY" | grep -q '"total":3' && break
  sleep 0.5
done
echo
echo "Seeded: three agencies each hold one piece about child $CHILD."
echo "Their joined-up chronology (as safeguarding lead lead.haringey):"
if command -v python3 >/dev/null 2>&1; then
  echo "$CHRONOLOGY" | python3 -c '
import json, sys
for e in json.load(sys.stdin)["entries"]:
    d = e.get("data", {})
    print("  %-22s %-20s %-14s %-24s risk %s" % (e["occurredAt"], e["agencyId"], e["type"], d.get("category", ""), d.get("riskLevel", "")))'
else
  echo "$CHRONOLOGY"
fi
echo
echo "Next: the README's walk-through posts your own concern and reads it back."
