#!/usr/bin/env bash
# Makes sure this machine has what Joined-Up's tests and local stack start by themselves:
# a JDK 17+ (to run Maven and the services), the PostgreSQL server binaries (initdb, pg_ctl),
# Python 3 (the independent check of an audit export), npm (the console's front-end build) and
# Chromium with ChromeDriver (the console's browser tests).
# Kafka and Keycloak come from Maven Central through the build; nothing else is needed.
set -euo pipefail

need_install=()
if ! command -v java >/dev/null 2>&1; then
  need_install+=(openjdk-17-jdk-headless)
fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
  need_install+=(postgresql)
fi
if ! command -v runuser >/dev/null 2>&1; then
  need_install+=(util-linux)
fi
# Only the local stack (deploy/stack.sh) needs these: it calls Keycloak and unpacks it.
for tool in curl unzip; do
  command -v "$tool" >/dev/null 2>&1 || need_install+=("$tool")
done
# The independent check of an audit export (tools/verify-export.py) uses only Python's standard
# library; the tests run it as an inspector would.
command -v python3 >/dev/null 2>&1 || need_install+=(python3)
# The web console's build takes GOV.UK Frontend and the Sass compiler from the npm registry with npm.
command -v npm >/dev/null 2>&1 || need_install+=(nodejs npm)
# The console's browser tests drive Debian's Chromium through its matching ChromeDriver (never a download).
[ -x /usr/bin/chromium ] || need_install+=(chromium)
[ -x /usr/bin/chromedriver ] || need_install+=(chromium-driver)

if [ ${#need_install[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing: ${need_install[*]}; install them (e.g. sudo apt-get install ${need_install[*]})" >&2
    exit 1
  fi
  echo "installing ${need_install[*]} from Debian's packages"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_install[@]}" >/dev/null
  # The package may start a cluster of its own on 5432; the project starts its own servers instead.
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    for c in /etc/postgresql/*/main; do
      [ -d "$c" ] && pg_ctlcluster "$(basename "$(dirname "$c")")" main stop >/dev/null 2>&1 || true
    done
  fi
fi
# The build and the services run on a JDK 21 or newer (docs/decisions/0014-java-21.md); these machines
# carry Temurin 25 under /usr/lib/jvm. Where none is found, try Debian's newest OpenJDK.
here=$(cd "$(dirname "$0")" && pwd)
if ! (. "$here/java-home.sh") >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing: a JDK 21 or newer (e.g. sudo apt-get install openjdk-21-jdk-headless, or Temurin 25)" >&2
    exit 1
  fi
  echo "no JDK 21 or newer found: installing one from Debian's packages"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-25-jdk-headless >/dev/null 2>&1 \
    || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-21-jdk-headless >/dev/null \
    || { echo "could not install a JDK 21 or newer: install one (e.g. Temurin 25) under /usr/lib/jvm" >&2; exit 1; }
fi
if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
  echo "the postgres user is missing: PostgreSQL refuses to run as root" >&2
  exit 1
fi
