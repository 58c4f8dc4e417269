#!/usr/bin/env bash
# Seeds the local stack with a small, fictional picture: a school, a hospital and the police each
# hold one piece about the same child, and the police refer her to children's social care. Everything
# goes through the public API with real tokens.
# Run by `deploy/stack.sh up`; seeds once per local state (delete .local/seeded to seed again).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
STATE=${JOINEDUP_STATE:-$ROOT/.local}
KC=http://127.0.0.1:${JOINEDUP_KEYCLOAK_PORT:-8180}/realms/joinedup/protocol/openid-connect/token
DIRECTORY=http://127.0.0.1:8083
CONCERNS=http://127.0.0.1:8081
AUDIT=http://127.0.0.1:8084
REFERRALS=http://127.0.0.1:8082
NOTIFICATIONS=http://127.0.0.1:8085
RECEIVER=http://127.0.0.1:${JOINEDUP_RECEIVER_PORT:-8099}
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

# The directory: a small area's agencies and the agreements between them, through the API.
seed_directory() {
  local admin status id
  admin=$(user_token admin.directory)
  # The last field: the postcode districts and sectors where children's social care is the front door
  # (the local authority of the area where a child lives; docs/access.md).
  while IFS='|' read -r id kind name mailbox phone frontdoor; do
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $admin" "$DIRECTORY/agencies/$id")
    [ "$status" = 200 ] && continue
    curl -sf -o /dev/null -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' "$DIRECTORY/agencies" \
      -d '{"agencyId": "'"$id"'", "kind": "'"$kind"'", "name": "'"$name"'", "area": "Haringey",
           "contact": {"mailbox": "'"$mailbox"'", "phone": "'"$phone"'"}, "clientIds": ["'"$id"'-system"],
           "frontDoorFor": ['"$frontdoor"']}'
  done <<'AGENCIES'
met-police|police|Metropolitan Police Service (North Area)|mash.referrals@met-police.example|020 7946 0101|
whittington-health|health|Whittington Health NHS Trust|safeguarding@whittington-health.example|020 7946 0102|
park-lane-gp|general-practice|Park Lane GP Practice|practice.manager@park-lane-gp.example|020 7946 0103|
haringey-csc|childrens-social-care|Haringey Children's Social Care (MASH)|mash@haringey-csc.example|020 7946 0104|"N6", "N8", "N10", "N15", "N17", "N22", "N4 1"
northside-primary|education|Northside Primary School|dsl@northside-primary.example|020 7946 0105|
riverside-academy|education|Riverside Academy|safeguarding@riverside-academy.example|020 7946 0106|
homes-for-haringey|housing|Homes for Haringey|tenancy.support@homes-for-haringey.example|020 7946 0107|
safe-steps|voluntary-sector|Safe Steps Family Support|duty@safe-steps.example|020 7946 0108|
AGENCIES
  [ -f "$STATE/seeded-agreements" ] && return
  local title parties categories purposes level frequency agreement party
  while IFS='|' read -r title parties categories purposes level frequency; do
    agreement=$(curl -sf -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' "$DIRECTORY/agreements" \
      -d '{"title": "'"$title"'", "parties": ['"$parties"'], "categories": ['"$categories"'], "purposes": ['"$purposes"'],
           "lawfulBasis": "public-task",
           "specialCategoryCondition": "DPA 2018 Sch. 1 para 18: safeguarding of children and individuals at risk",
           "partnershipLevel": "'"$level"'", "meetingFrequency": "'"$frequency"'",
           "validFrom": "2026-04-01", "validTo": "2029-03-31", "reviewDate": "2027-04-01"}' | field agreementId)
    for party in $(echo "$parties" | tr -d '" ' | tr ',' ' '); do
      curl -sf -o /dev/null -H "Authorization: Bearer $(user_token "dsl.$party")" -H 'Content-Type: application/json' \
        "$DIRECTORY/agreements/$agreement/signatures" \
        -d '{"signatoryName": "Designated Safeguarding Lead", "signatoryRole": "DSL, '"$party"'"}'
    done
  done <<'AGREEMENTS'
Haringey MASH information sharing protocol|"met-police", "whittington-health", "park-lane-gp", "haringey-csc"|"physical-abuse", "emotional-abuse", "sexual-abuse", "neglect", "domestic-abuse", "child-sexual-exploitation", "child-criminal-exploitation", "female-genital-mutilation", "self-harm", "missing-from-home", "referral", "case-note"|"safeguarding", "child-protection-enquiry", "early-help"|collaboration|monthly
Schools safeguarding partnership|"haringey-csc", "northside-primary", "riverside-academy", "met-police"|"neglect", "emotional-abuse", "domestic-abuse", "missing-from-education", "referral", "plan"|"safeguarding", "early-help", "education-welfare", "team-around-the-child"|coordination|quarterly
Housing and family support early help|"haringey-csc", "homes-for-haringey", "safe-steps"|"neglect", "domestic-abuse", "referral", "plan"|"early-help", "housing-support", "team-around-the-child"|cooperation|quarterly
AGREEMENTS
  touch "$STATE/seeded-agreements"
}
seed_directory

# The police's, children's social care's and housing's case systems subscribe to notifications (docs/notifications.md):
# the demo receiver stands in for both, checks each signature with the secret saved here and logs it.
subscribe() { # agency
  [ -f "$STATE/webhooks/$1.secret" ] && return 0
  mkdir -p "$STATE/webhooks"
  curl -sf -H "Authorization: Bearer $(system_token "$1")" -H 'Content-Type: application/json' "$NOTIFICATIONS/subscriptions" \
    -d '{"callbackUrl": "'"$RECEIVER/hook/$1"'", "kinds": ["share-received", "share-declined", "share-acknowledged",
         "referral-received", "referral-decided", "referral-overdue", "emergency-access", "bigger-picture-flag",
         "child-records-link", "action-assigned", "action-due-soon", "action-overdue", "review-missed",
         "urgent-contact", "triage-decided", "triage-overdue", "status-lookup"]}' \
    | sed -E 's/.*"secret":"([^"]+)".*/\1/' > "$STATE/webhooks/$1.secret.new"
  mv "$STATE/webhooks/$1.secret.new" "$STATE/webhooks/$1.secret"
}
subscribe met-police
subscribe haringey-csc
subscribe homes-for-haringey

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
    "occurredAt": "2026-11-08T23:05:00Z"}' | field concernId > "$STATE/police-concern"
  # The housing provider knows her under another spelling and without her NHS number: the index keeps
  # this a separate record and proposes the pair to safeguarding leads (GET /children/candidates).
  raise homes-for-haringey '{"child": {"familyName": "Mensa", "givenName": "Ama", "dateOfBirth": "2018-05-09",
    "postcode": "N17 0AA"}, "category": "neglect", "wellbeingIndicators": ["healthy"], "riskLevel": "medium",
    "description": "Home visit: no food in the flat, no heating; mother says money has run out.",
    "occurredAt": "2026-11-12T11:00:00Z"}' > /dev/null
  echo "$CHILD" > "$STATE/seeded"
fi

# The police refer her to children's social care on their concern; children's social care acknowledges
# and decides early help, which opens her Team Around the Child (referral-service).
if [ ! -f "$STATE/seeded-referral" ] && [ -f "$STATE/police-concern" ]; then
  POLICE=$(system_token met-police)
  for _ in $(seq 1 40); do  # referral-service learns of the concern from concerns.events within seconds
    REFERRAL=$(curl -sf -H "Authorization: Bearer $POLICE" -H 'Content-Type: application/json' "$REFERRALS/referrals" \
      -d '{"childId": "'$CHILD'", "toAgency": "haringey-csc", "concernIds": ["'$(cat "$STATE/police-concern")'"],
           "reason": "Domestic abuse at home with the child present; school and health have concerns too.",
           "urgency": "urgent", "familyInformed": "Mother told that the police are referring to children'"'"'s social care.",
           "consent": {"status": "given"}}' | field referralId) && break
    sleep 0.5
  done
  CSC=$(system_token haringey-csc)
  curl -sf -o /dev/null -X POST -H "Authorization: Bearer $CSC" "$REFERRALS/referrals/$REFERRAL/acknowledgement"
  curl -sf -o /dev/null -H "Authorization: Bearer $CSC" -H 'Content-Type: application/json' \
    "$REFERRALS/referrals/$REFERRAL/decision" \
    -d '{"outcome": "early-help", "reason": "Family needs coordinated support; no section 47 threshold today."}'
  # Early help is voluntary: her mother agrees at a home visit, and the Team Around the Child forms.
  curl -sf -o /dev/null -H "Authorization: Bearer $CSC" -H 'Content-Type: application/json' \
    "$REFERRALS/referrals/$REFERRAL/early-help-consent" \
    -d '{"consent": "given", "note": "Ms Mensah agreed to early help at a home visit."}'
  echo "$REFERRAL" > "$STATE/seeded-referral"
fi

LEAD=$(user_token lead.haringey)
for _ in $(seq 1 20); do
  CHRONOLOGY=$(curl -sf -H "Authorization: Bearer $LEAD" "$AUDIT/children/$CHILD/chronology")
  [ "$(echo "$CHRONOLOGY" | grep -o '"type":"concern-raised"' | wc -l)" -ge 3 ] && break
  sleep 0.5
done
echo
echo "Seeded: three agencies each hold one piece about child $CHILD (a fourth holds one under another"
echo "spelling, below), and the rules flagged the bigger picture."
echo "Their joined-up chronology (as safeguarding lead lead.haringey):"
if command -v python3 >/dev/null 2>&1; then
  echo "$CHRONOLOGY" | python3 -c '
import json, sys
for e in json.load(sys.stdin)["entries"]:
    d = e.get("data", {})
    print("  %-22s %-20s %-27s %-24s %s" % (e["occurredAt"], e["agencyId"], e["type"],
        d.get("category", d.get("rule", "")), d.get("riskLevel", d.get("summary", ""))))'
else
  echo "$CHRONOLOGY"
fi
echo
echo "A fourth agency (homes-for-haringey) recorded her as 'Ama Mensa' with no NHS number. The review queue"
echo "for safeguarding leads proposes the pair; a lead links them with POST /children/links:"
CANDIDATES=$(curl -sf -H "Authorization: Bearer $LEAD" "$CONCERNS/children/candidates")
if command -v python3 >/dev/null 2>&1; then
  echo "$CANDIDATES" | python3 -c '
import json, sys
for c in json.load(sys.stdin):
    print("  candidate %s  score %.2f  %s" % (c["candidateId"], c["score"], "; ".join(c["reasons"])))
    for side in ("child", "otherChild"):
        ids = c[side]["identifications"]
        shown = [" ".join(str(i[k]) for k in ("givenName", "familyName", "dateOfBirth") if i.get(k))
                 or "NHS number only" for i in ids]
        print("    %s: %s" % (c[side]["childId"], "; ".join(shown)))'
else
  echo "$CANDIDATES"
fi
echo
echo "The directory: 8 agencies and 3 signed agreements (http://127.0.0.1:8083/q/swagger-ui). May the school"
echo "share missing-from-education with children's social care for safeguarding?"
curl -sf -H "Authorization: Bearer $LEAD" "$DIRECTORY/sharing-decisions?from=northside-primary&to=haringey-csc&category=missing-from-education&purpose=safeguarding"
echo
echo
if [ -f "$STATE/seeded-referral" ]; then
  echo "The police referred her to children's social care, who decided early help; what the police see:"
  curl -sf -H "Authorization: Bearer $(system_token met-police)" \
    "$REFERRALS/referrals/$(cat "$STATE/seeded-referral")" | python3 -c '
import json, sys
r = json.load(sys.stdin)
d = r.get("decision") or {}
print("  referral %s: %s, outcome %s (%s), Team Around the Child %s" % (r["referralId"], r["status"],
      d.get("outcome"), d.get("reason"), d.get("teamId")))
for c in r["clocks"]:
    print("  %s clock: due by %s, %s" % (c["clock"], c["dueBy"], c["status"]))' 2>/dev/null || true
  echo
fi

# Need to know (docs/access.md): the same child, read by four safeguarding leads.
CHRONOLOGY_OF() { # user: the child's chronology as that lead sees it (or its HTTP status)
  curl -s -H "Authorization: Bearer $(user_token "$1")" -w '\n%{http_code}' "$AUDIT/children/$CHILD/chronology"
}
show() { # user, what: print the chronology a lead gets, entry by entry, with its visibility
  local answer status
  answer=$(CHRONOLOGY_OF "$1")
  status=$(echo "$answer" | tail -n1)
  echo "  $1 ($2): HTTP $status"
  [ "$status" = 200 ] || return 0
  echo "$answer" | sed '$d' | python3 -c '
import json, sys
c = json.load(sys.stdin)
print("    basis: %s" % c.get("basis"))
for e in c["entries"]:
    if e.get("visibility") == "headline":
        h = e["headline"]
        w = h.get("whomToCall") or {}
        print("    %-20s %-20s headline  %-24s call %s %s" % (e["occurredAt"][:19], e["agencyId"], h.get("category") or h["kind"],
              w.get("mailbox") or "", w.get("phone") or ""))
    else:
        d = e.get("data") or {}
        print("    %-20s %-20s full      %-24s %s" % (e["occurredAt"][:19], e["agencyId"], d.get("category", e["type"]),
              (d.get("description") or d.get("justification") or "")[:60]))' 2>/dev/null || true
}
echo "Need to know: the same child's chronology, read by safeguarding leads of five agencies"
show lead.haringey "children's social care, her front door: everything in full"
show dsl.northside-primary "the school that raised one concern: its own in full, the others as headlines"
show dsl.riverside-academy "a school that has never dealt with her: 404, as for a child that does not exist"
show dsl.homes-for-haringey "housing, which knows her only under another spelling: 404 for this record"
show dsl.safe-steps "a voluntary service that has never met her: 404"
if [ ! -f "$STATE/seeded-need-to-know" ] && [ -f "$STATE/police-concern" ]; then
  # She moves to Riverside Academy: the police share their concern with the new school under the schools'
  # agreement, and the school becomes involved.
  curl -sf -o /dev/null -H "Authorization: Bearer $(system_token met-police)" -H 'Content-Type: application/json' \
    "$CONCERNS/shares" -d '{"toAgency": "riverside-academy", "concernIds": ["'"$(cat "$STATE/police-concern")"'"],
      "purpose": "safeguarding", "lawfulBasis": "public-task",
      "consent": {"status": "not-sought", "reason": "seeking consent could place the child at risk"}}'
  # Housing joins her Team Around the Child (formed when the family consented to early help).
  TEAM=$(curl -sf -H "Authorization: Bearer $(system_token haringey-csc)" "$REFERRALS/referrals/$(cat "$STATE/seeded-referral")" \
    | python3 -c 'import json, sys; print((json.load(sys.stdin).get("decision") or {}).get("teamId") or "")' 2>/dev/null || true)
  if [ -n "$TEAM" ]; then
    curl -sf -o /dev/null -H "Authorization: Bearer $LEAD" -H 'Content-Type: application/json' "$REFERRALS/teams/$TEAM/members" \
      -d '{"kind": "practitioner", "role": "Housing officer", "agencyId": "homes-for-haringey", "practitionerId": "housing.officer"}'
  fi
  # A voluntary service with no relationship opens her records in an emergency (break-glass).
  curl -sf -H "Authorization: Bearer $(user_token dsl.safe-steps)" -H 'Content-Type: application/json' \
    "$CONCERNS/children/$CHILD/emergency-access" \
    -d '{"justification": "Ama came to our drop-in tonight saying she is afraid to go home; the MASH line is closed."}' \
    | field grantId > "$STATE/seeded-grant"
  touch "$STATE/seeded-need-to-know"
fi
for _ in $(seq 1 20); do  # the audit service learns of the share and the break-glass within a second or two
  [ "$(CHRONOLOGY_OF dsl.riverside-academy | tail -n1)" = 200 ] && [ "$(CHRONOLOGY_OF dsl.safe-steps | tail -n1)" = 200 ] \
    && [ "$(CHRONOLOGY_OF dsl.homes-for-haringey | tail -n1)" = 200 ] && break
  sleep 0.5
done
echo "Once involved, each sees what was sent to it in full and the rest as headlines:"
show dsl.riverside-academy "the police shared their concern when she moved school"
show dsl.homes-for-haringey "housing joined her Team Around the Child"
show dsl.safe-steps "break-glass with a written justification, for 24 hours"
echo "  Every agency holding records about her was told, in its inbox; the police's:"
curl -sf -H "Authorization: Bearer $(system_token met-police)" "$CONCERNS/inbox" | python3 -c '
import json, sys
for i in json.load(sys.stdin):
    if i.get("kind") == "emergency-access":
        g = i["grant"]
        print("    %s: %s of %s opened the records until %s: \"%s\"" % (g["grantedAt"][:19], g["grantedTo"], g["agencyId"],
              g["expiresAt"][:19], g["justification"]))' 2>/dev/null || true
echo "  And their case systems were told, by signed webhooks to the demo receiver (.local/logs/webhook-receiver.log):"
for _ in $(seq 1 20); do grep -q "emergency-access" "$STATE/logs/webhook-receiver.log" 2>/dev/null && break; sleep 0.5; done
sed 's/^/    /' "$STATE/logs/webhook-receiver.log" 2>/dev/null | tail -n 12 || true

# Early help (docs/api.md, docs/measures.md): the school assesses her with her mother's consent, in the
# family's own words; her team works from the assessment and reviews it twice, rating her wellbeing;
# after a new incident the school steps up to children's social care.
json_get() { python3 -c 'import json, sys; d = json.load(sys.stdin); print(eval(sys.argv[1]))' "$1"; }
DOMAINS='[{"domain": "child-development", "strengths": ["Reads well above her age; loves art"],
           "needs": [{"description": "Attendance has fallen to 60%", "indicators": ["achieving", "included"]}]},
          {"domain": "parenting-capacity", "strengths": ["Mother wants help and keeps appointments"],
           "needs": [{"description": "Mother struggles to get her to school after nights of conflict at home",
                      "indicators": ["nurtured", "safe"]}]},
          {"domain": "family-and-environment", "strengths": ["Grandmother nearby and supportive"],
           "needs": [{"description": "Rent arrears; no heating in the flat", "indicators": ["healthy"]}]}]'
if [ ! -f "$STATE/seeded-early-help" ] && [ -f "$STATE/seeded-referral" ]; then
  TEACHER=$(user_token teacher.hughes)
  TEAM=$(curl -sf -H "Authorization: Bearer $LEAD" "$REFERRALS/referrals/$(cat "$STATE/seeded-referral")" \
    | json_get '(d.get("decision") or {}).get("teamId") or ""')
  ASSESSMENT=$(curl -sf -H "Authorization: Bearer $TEACHER" -H 'Content-Type: application/json' "$REFERRALS/early-help-assessments" \
    -d '{"childId": "'$CHILD'", "consent": {"status": "given"}, "domains": '"$DOMAINS"',
         "childsVoice": "I like school when I get there. I am tired in the mornings.",
         "parentsViews": "I want her in school every day; I need help with the flat and with her dad."}' | field assessmentId)
  curl -sf -o /dev/null -H "Authorization: Bearer $TEACHER" -H 'Content-Type: application/json' \
    "$REFERRALS/early-help-assessments/$ASSESSMENT/completion" \
    -d '{"outcome": "team-around-the-child", "reason": "School, health and housing each hold part of what she needs."}'
  # The school and her mother join her team, which now works from the school's assessment.
  for MEMBER in '{"kind": "practitioner", "role": "Class teacher", "agencyId": "northside-primary", "practitionerId": "teacher.hughes"}' \
                '{"kind": "parent-carer", "name": "Abena Mensah", "role": "Mother"}'; do
    curl -s -o /dev/null -H "Authorization: Bearer $LEAD" -H 'Content-Type: application/json' "$REFERRALS/teams/$TEAM/members" \
      -d "$MEMBER"
  done
  curl -sf -o /dev/null -H "Authorization: Bearer $LEAD" -H 'Content-Type: application/json' "$REFERRALS/teams/$TEAM/assessment" \
    -d '{"assessmentId": "'$ASSESSMENT'"}'
  ATTENDEES=$(curl -sf -H "Authorization: Bearer $LEAD" "$REFERRALS/teams/$TEAM" | json_get 'json.dumps([m["memberId"] for m in d["members"] if m["active"]])')
  review() { # assessment stands|revised, then the ratings of safe, healthy, achieving, nurtured
    curl -sf -o /dev/null -H "Authorization: Bearer $LEAD" -H 'Content-Type: application/json' "$REFERRALS/teams/$TEAM/reviews" \
      -d '{"heldOn": "'"$(date +%F)"'", "attendees": '"$ATTENDEES"', "decisions": ["Continue the plan"], "assessment": "'$1'",
           "wellbeing": [{"indicator": "safe", "level": "'$2'"}, {"indicator": "healthy", "level": "'$3'"},
                         {"indicator": "achieving", "level": "'$4'"}, {"indicator": "nurtured", "level": "'$5'"}]}'
  }
  review stands some-concern some-concern partly-met partly-met
  curl -sf -o /dev/null -H "Authorization: Bearer $TEACHER" -H 'Content-Type: application/json' \
    "$REFERRALS/early-help-assessments/$ASSESSMENT/versions" -d '{"domains": '"$DOMAINS"',
      "childsVoice": "I am in school more. I do not like it when Dad comes round.",
      "parentsViews": "The heating is fixed. He has started coming round again at night."}'
  review revised significant-concern mostly-met mostly-met partly-met
  # Step up: the school refers her to children's social care on its concern and a new assessment says so.
  SCHOOL_CONCERN=$(curl -sf -H "Authorization: Bearer $TEACHER" "$CONCERNS/children/$CHILD/concerns" \
    | json_get '[c["concernId"] for c in d.get("concerns", []) if c.get("agencyId", "northside-primary") == "northside-primary"][0]')
  STEP_UP=$(curl -sf -H "Authorization: Bearer $TEACHER" -H 'Content-Type: application/json' "$REFERRALS/referrals" \
    -d '{"childId": "'$CHILD'", "toAgency": "haringey-csc", "concernIds": ["'$SCHOOL_CONCERN'"],
         "reason": "Step up: she says her father is coming round at night again; safety rated a significant concern.",
         "urgency": "urgent", "familyInformed": "Mother told the school is referring to children'"'"'s social care.",
         "consent": {"status": "given"}}' | field referralId)
  REASSESSMENT=$(curl -sf -H "Authorization: Bearer $TEACHER" -H 'Content-Type: application/json' "$REFERRALS/early-help-assessments" \
    -d '{"childId": "'$CHILD'", "consent": {"status": "given"}, "domains": '"$DOMAINS"'}' | field assessmentId)
  curl -sf -o /dev/null -H "Authorization: Bearer $TEACHER" -H 'Content-Type: application/json' \
    "$REFERRALS/early-help-assessments/$REASSESSMENT/completion" \
    -d '{"outcome": "step-up", "reason": "Risk at home has grown beyond early help.", "referralId": "'$STEP_UP'"}'
  echo "$ASSESSMENT" > "$STATE/seeded-early-help"
fi
if [ -f "$STATE/seeded-early-help" ]; then
  echo "Early help: the school's assessment (consent given, her voice and her mother's views), her team's two"
  echo "reviews with SHANARRI ratings, and a step up to children's social care. Her wellbeing in the chronology:"
  for _ in $(seq 1 20); do
    WHEEL=$(curl -sf -H "Authorization: Bearer $LEAD" "$AUDIT/children/$CHILD/chronology?limit=1")
    [ "$(echo "$WHEEL" | json_get 'len(d.get("wellbeing", []))')" -ge 2 ] && break
    sleep 0.5
  done
  echo "$WHEEL" | json_get '"\n".join("  review of %s: %s" % (p["heldOn"], ", ".join("%s %s (%d)" % (r["indicator"], r["level"], r["score"]) for r in p["ratings"])) for p in d.get("wellbeing", []))'
  echo "The area's measures since $(date -d '-3 months' +%F) (GET $AUDIT/measures, docs/measures.md):"
  for _ in $(seq 1 20); do
    MEASURES=$(curl -sf -H "Authorization: Bearer $LEAD" "$AUDIT/measures?area=Haringey&from=$(date -d '-3 months' +%F)&to=$(date +%F)")
    [ "$(echo "$MEASURES" | json_get 'd["wellbeing"]["teamsRated"]')" -ge 1 ] && break
    sleep 0.5
  done
  echo "$MEASURES" | python3 -c '
import json, sys
m = json.load(sys.stdin)
r, s, t, w = m["referrals"], m["shares"], m["teams"], m["wellbeing"]
ratio = lambda x: "%d of %d" % (x["count"], x["of"]) + (" (%d pending)" % x["pending"] if x["pending"] else "")
print("  referrals made %d; decided within one working day %s; re-referred within 12 months %s"
      % (r["made"], ratio(r["decidedWithinOneWorkingDay"]), ratio(r["reReferralsWithin12Months"])))
print("  shares made %d; acknowledged %s; overrides %s" % (s["made"], ratio(s["acknowledged"]), ratio(s["overrides"])))
print("  reviews on time %s; attendance: %s" % (ratio(t["reviewsOnTime"]),
      ", ".join("%s %s" % (a["agencyId"], ratio(a["ratio"])) for a in t["attendance"])))
print("  agency kinds in the teams of the children they raised concerns about: %s" % ", ".join(
      "%s %s" % (k["kind"], ratio(k["inTeams"])) for k in m["involvement"]["agencyKinds"]))
print("  teams whose wellbeing ratings improved: %s" % ratio(w["improved"]))
print("  (as CSV: GET /measures/export.csv with the same query)")'
fi
# The statutory pathway (docs/pathway.md): a police concern at immediate risk about another child reaches
# her front door's triage queue and its case system at once; the front door decides on a strategy
# discussion; the enquiry finds a continuing risk; the initial conference puts her on a child protection
# plan; at night an emergency department asks "is anyone worried?" and the local authority is told.
PATHWAY_NHS=9990000018   # a format-valid NHS number (the 999 range is for tests); the child is fictional
now_utc() { date -u -d "${1:-now}" +%Y-%m-%dT%H:%M:%SZ; }
if [ ! -f "$STATE/seeded-pathway" ]; then
  LEAD=$(user_token lead.haringey)
  echo
  echo "The statutory pathway: the police raise a concern at immediate risk about Kofi Boateng (N17)."
  BEFORE=$(wc -l < "$STATE/logs/webhook-receiver.log" 2>/dev/null || echo 0)
  T0=$(date +%s%N)
  PCHILD=$(raise met-police '{"child": {"nhsNumber": "'$PATHWAY_NHS'", "familyName": "Boateng", "givenName": "Kofi",
      "dateOfBirth": "2019-02-14", "postcode": "N17 6AB"}, "category": "physical-abuse", "wellbeingIndicators": ["safe"],
      "riskLevel": "immediate", "description": "Officers called to a disturbance found a five-year-old with a burn on his hand; the account given does not fit.",
      "childsVoice": "Daddy was cross.", "occurredAt": "'"$(now_utc '-2 hours')"'"}' | field childId)
  for _ in $(seq 1 100); do
    tail -n +"$((BEFORE + 1))" "$STATE/logs/webhook-receiver.log" 2>/dev/null | grep -q 'haringey-csc.*urgent-contact' && break
    sleep 0.1
  done
  T1=$(date +%s%N)
  if tail -n +"$((BEFORE + 1))" "$STATE/logs/webhook-receiver.log" 2>/dev/null | grep -q 'haringey-csc.*urgent-contact'; then
    echo "  1. the front door's case system was told (urgent-contact, a signed webhook) $(( (T1 - T0) / 1000000 )) ms after the 201"
  else
    echo "  1. (the urgent-contact webhook had not arrived after 10 s: see .local/logs/webhook-receiver.log)"
  fi
  for _ in $(seq 1 50); do
    TRIAGE=$(curl -sf -H "Authorization: Bearer $LEAD" "$REFERRALS/triage?childId=$PCHILD&status=awaiting-decision" \
      | json_get '(d["items"][0]["triageId"] + " " + d["items"][0]["decisionDueBy"]) if d["items"] else ""')
    [ -n "$TRIAGE" ] && break
    sleep 0.2
  done
  TRIAGE_ID=${TRIAGE%% *}
  echo "  2. in Haringey's triage queue (item $TRIAGE_ID), a decision due by ${TRIAGE##* }"
  curl -sf -o /dev/null -H "Authorization: Bearer $LEAD" -H 'Content-Type: application/json' "$REFERRALS/triage/$TRIAGE_ID/decision" \
    -d '{"outcome": "strategy-discussion", "reason": "An unexplained burn on a five-year-old: reasonable cause to suspect significant harm."}'
  echo "  3. the front door decided: strategy-discussion (the police were told the outcome)"
  EPISODE=$(curl -sf -H "Authorization: Bearer $LEAD" -H 'Content-Type: application/json' "$REFERRALS/child-protection" \
    -d '{"childId": "'$PCHILD'", "triageId": "'$TRIAGE_ID'", "heldAt": "'"$(now_utc '-30 minutes')"'",
         "decision": "section-47-enquiry", "reason": "The burn and the account do not fit; a sibling was seen with bruising last year.",
         "attendance": [{"agencyId": "met-police", "attended": true, "information": "Two call-outs to the address this year."},
                        {"agencyId": "whittington-health", "attended": true, "information": "The burn is consistent with a hot object held to the skin."},
                        {"agencyId": "northside-primary", "attended": false}]}' | field episodeId)
  echo "  4. strategy discussion with the police and health: a section 47 enquiry (episode $EPISODE)"
  curl -sf -o /dev/null -H "Authorization: Bearer $LEAD" -H 'Content-Type: application/json' \
    "$REFERRALS/child-protection/$EPISODE/enquiry-outcome" \
    -d '{"outcome": "substantiated-continuing-risk", "summary": "The injury was inflicted; the risk continues while the father lives at home."}'
  DUE=$(curl -sf -H "Authorization: Bearer $LEAD" "$REFERRALS/child-protection/$EPISODE" | json_get 'd["conferenceDueBy"]')
  echo "  5. the enquiry found a continuing risk: an initial child protection conference is due by $DUE"
  curl -sf -o /dev/null -H "Authorization: Bearer $LEAD" -H 'Content-Type: application/json' \
    "$REFERRALS/child-protection/$EPISODE/initial-conference" \
    -d '{"heldAt": "'"$(now_utc '-5 minutes')"'", "agencies": ["met-police", "whittington-health", "northside-primary"],
         "parentsAttended": true, "childAttended": false, "categories": ["physical-abuse"], "leadSocialWorker": "Priya Shah"}'
  PLAN=$(curl -sf -H "Authorization: Bearer $LEAD" "$REFERRALS/child-protection/$EPISODE")
  echo "  6. the conference: a child protection plan ($(echo "$PLAN" | json_get '", ".join(d["categories"])')), lead social worker"
  echo "     $(echo "$PLAN" | json_get 'd["leadSocialWorker"]'); the core group is due by $(echo "$PLAN" | json_get 'd["coreGroupDueBy"]'), the first review by $(echo "$PLAN" | json_get 'd["nextReviewDueBy"]')"
  BEFORE=$(wc -l < "$STATE/logs/webhook-receiver.log" 2>/dev/null || echo 0)
  ASKED=$(curl -sf -H "Authorization: Bearer $(system_token whittington-health)" \
    "$REFERRALS/child-status?nhsNumber=$PATHWAY_NHS&purpose=Emergency+department+attendance+at+02%3A10%2C+a+head+injury")
  echo "  7. at night the emergency department asks by NHS number only: $(echo "$ASKED" | json_get 'd["status"] + " (" + ", ".join(d["categories"]) + ") since " + d["since"] + "; call " + d["whomToCall"]["name"] + ", " + d["whomToCall"]["phone"]')"
  for _ in $(seq 1 100); do
    tail -n +"$((BEFORE + 1))" "$STATE/logs/webhook-receiver.log" 2>/dev/null | grep -q 'haringey-csc.*status-lookup' && break
    sleep 0.1
  done
  tail -n +"$((BEFORE + 1))" "$STATE/logs/webhook-receiver.log" 2>/dev/null | grep -q 'haringey-csc.*status-lookup' \
    && echo "  8. and Haringey's case system was told of the lookup (status-lookup), as CP-IS tells the local authority"
  for _ in $(seq 1 40); do
    PATHWAY=$(curl -sf -H "Authorization: Bearer $LEAD" "$AUDIT/measures?area=Haringey&from=$(date +%F)&to=$(date +%F)")
    [ "$(echo "$PATHWAY" | json_get 'd["pathway"]["plansStarted"]')" -ge 1 ] && break
    sleep 0.5
  done
  echo "$PATHWAY" | python3 -c '
import json, sys
p = json.load(sys.stdin)["pathway"]
ratio = lambda x: "%d of %d" % (x["count"], x["of"]) + (" (%d pending)" % x["pending"] if x["pending"] else "")
print("  9. today'"'"'s national measures: contacts %d, decided within one working day %s; initial conferences within 15 working days %s; plans started %d (%s)"
      % (p["contacts"], ratio(p["contactsDecidedWithinOneWorkingDay"]), ratio(p["initialConferencesWithin15WorkingDays"]),
         p["plansStarted"], ", ".join("%s %d" % (c["category"], c["plans"]) for c in p["plansByCategory"])))'
  echo "$EPISODE" > "$STATE/seeded-pathway"
fi

echo
echo "Next: the README's walk-through posts your own concern and reads it back."
