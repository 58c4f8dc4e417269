# Sourced (POSIX sh) by ./mvnw and deploy/stack.sh: Joined-Up is written for Java 21 (sealed families
# and exhaustive pattern switches, docs/decisions/0014), so the build and every process it starts run
# on a JDK 21 or newer. Keeps JAVA_HOME when it names one; otherwise takes the java on the PATH when it
# is new enough, else the newest JDK 21+ under /usr/lib/jvm (these machines carry Temurin 25 there).
# Exports JAVA_HOME and puts its bin first on the PATH; fails with what to install when none is found.

joinedup_java_major() {
  # The feature release of "$1/bin/java" (17, 21, 25, ...), or nothing.
  [ -x "$1/bin/java" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

joinedup_pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    v=$(joinedup_java_major "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then echo "$JAVA_HOME"; return 0; fi
  fi
  if command -v javac >/dev/null 2>&1; then
    home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    v=$(joinedup_java_major "$home")
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then echo "$home"; return 0; fi
  fi
  best=""
  best_v=0
  for home in /usr/lib/jvm/*; do
    [ -x "$home/bin/javac" ] || continue
    v=$(joinedup_java_major "$home")
    if [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best=$home; best_v=$v; fi
  done
  [ -n "$best" ] && echo "$best"
}

JOINEDUP_JDK=$(joinedup_pick_jdk || true)
if [ -z "$JOINEDUP_JDK" ]; then
  echo "Joined-Up needs a JDK 21 or newer (none in JAVA_HOME, on the PATH or under /usr/lib/jvm): install one, e.g. Temurin 25, or set JAVA_HOME" >&2
  exit 1
fi
JAVA_HOME=$JOINEDUP_JDK
PATH="$JAVA_HOME/bin:$PATH"
export JAVA_HOME PATH
unset JOINEDUP_JDK
