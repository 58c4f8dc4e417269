#!/usr/bin/env bash
# Measures child matching on a generated, labelled data set and prints the figures as a Markdown
# table (see docs/child-matching.md). No database or broker: it runs the same matching code the
# child index runs, in memory.
#
#   tools/child-matching.sh [children] [seed] [threshold...]
#   tools/child-matching.sh                 # 5,000 children, seed 2026, a sweep around the production threshold
#   tools/child-matching.sh 50000 11 0.85   # a bigger population at the production threshold
set -euo pipefail
cd "$(dirname "$0")/.."
classpath_file="$(mktemp)"
trap 'rm -f "$classpath_file"' EXIT
./mvnw -B -q -pl concern-service -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test >&2
exec java -cp "concern-service/target/test-classes:concern-service/target/classes:$(cat "$classpath_file")" \
    org.joinedup.concern.child.MatchingEvaluation "$@"
