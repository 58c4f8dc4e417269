#!/usr/bin/env bash
# The chaos harness (docs/operations.md, "Chaos"): concerns at a bounded rate with idempotent retries
# while each service, the broker and PostgreSQL are SIGKILLed in turn; then every accepted concern must
# be in the ledger exactly once, the outboxes and dead-letter topics empty.
#
#   tools/chaos/run.sh                          # one broker, one instance of each service
#   tools/chaos/run.sh --brokers 3 --instances 2
#   tools/chaos/run.sh --rate 30 --down 5       # concerns per second; seconds each part stays down
#
# It brings its own PostgreSQL, Kafka and services (nothing of the local stack is touched), on
# loopback ports only, and stops them all at the end. The figures go to stdout and to
# target/chaos/report-*.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
props=()
while [ $# -gt 0 ]; do
  case "$1" in
    --brokers) props+=("-Dchaos.brokers=$2"); shift 2 ;;
    --instances) props+=("-Dchaos.instances=$2"); shift 2 ;;
    --rate) props+=("-Dchaos.rate=$2"); shift 2 ;;
    --down) props+=("-Dchaos.down-seconds=$2"); shift 2 ;;
    --settle) props+=("-Dchaos.settle-seconds=$2"); shift 2 ;;
    *) echo "unknown option $1 (see the top of $0)" >&2; exit 2 ;;
  esac
done
# Package the services (and what the harness needs) without their tests, then run the harness alone.
./mvnw -B -q install -DskipTests -pl tools/chaos -am
./mvnw -B verify -pl tools/chaos "${props[@]}"
cat target/chaos/report-*.md 2>/dev/null | tail -n 20
