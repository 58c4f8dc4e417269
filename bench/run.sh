#!/usr/bin/env bash
# Joined-Up's benchmark harness: one command, one table (docs/performance.md).
#
#   bench/run.sh                 # uses the local stack, starting it if it is not running
#   BENCH_SECONDS=30 bench/run.sh
#
# Bounded loads on 127.0.0.1 only. Every figure is measured in the same run as its raw baseline and
# reported as a ratio, because these machines are shared and noisy. The test suite never times anything.
set -euo pipefail
cd "$(dirname "$0")/.."
. deploy/java-home.sh # the JDK the build and the stack use (21 or newer)
if ! curl -sf -o /dev/null http://127.0.0.1:8081/q/health/ready || ! curl -sf -o /dev/null http://127.0.0.1:8084/q/health/ready; then
  deploy/stack.sh up
fi
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$pgbin/pgbench" ] || { echo "pgbench not found (it comes with PostgreSQL's server packages)" >&2; exit 1; }
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u +%Y-%m-%dT%H:%MZ); ${BENCH_SECONDS:-10} s per load after ${BENCH_WARMUP_SECONDS:-60} s of warm-up"
exec java -cp "deploy/kafka-broker/target/lib/*" bench/Bench.java "$pgbin"
