#!/usr/bin/env bash
# The Joined-Up local stack: PostgreSQL, a Kafka broker, Keycloak, the four services and the web console
# (http://127.0.0.1:8080), all on 127.0.0.1, all state under .local/ (git-ignored). Nothing here needs Docker.
#
#   deploy/stack.sh up        build, start everything, wait until each part is ready, seed demo data
#                             (webhooks to a demo receiver: .local/logs/webhook-receiver.log)
#   deploy/stack.sh up --brokers 3 --instances 2
#                             a KRaft cluster of three Kafka brokers (replication factor 3,
#                             min.insync.replicas 2) and two instances of each service (ports 8091-8094)
#   deploy/stack.sh down      stop everything this script started (by pid), keep the data
#   deploy/stack.sh status    what is running
#   deploy/stack.sh reset     down, then delete all local state (databases, broker, Keycloak)
#
# Local-development credentials only: Keycloak admin admin/admin-local-dev-only; demo users'
# password local-dev-only; client secrets <agency>-local-dev-secret (deploy/keycloak/joinedup-realm.json).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
# Every java started here (services, broker, Keycloak) runs on the JDK 21+ the build uses.
. "$ROOT/deploy/java-home.sh"
STATE=${JOINEDUP_STATE:-$ROOT/.local}
LOGS=$STATE/logs
PIDS=$STATE/pids
PG_PORT=${JOINEDUP_PG_PORT:-55432}
KAFKA_PORT=${JOINEDUP_KAFKA_PORT:-9092}
# PostgreSQL's defaults (128 MB of shared buffers, checkpoints every 1 GB of WAL) are sized for much
# smaller machines: with a million-entry audit ledger its indexes outgrow the buffers and every append
# evicts pages and writes them whole into the WAL again after each checkpoint. Override with JOINEDUP_PG_TUNING.
PG_TUNING=${JOINEDUP_PG_TUNING:--c shared_buffers=1GB -c max_wal_size=4GB -c checkpoint_timeout=15min}
KAFKA_CONTROLLER_PORT=${JOINEDUP_KAFKA_CONTROLLER_PORT:-9093}
KC_PORT=${JOINEDUP_KEYCLOAK_PORT:-8180}
KC_VERSION=26.7.3
KC_URL=http://127.0.0.1:$KC_PORT
OIDC_URL=$KC_URL/realms/joinedup
# The topology (docs/operations.md, "Scaling out"): how many brokers and instances of each service.
# Chosen by `up --brokers N --instances M`, kept in $STATE/topology for down and status.
BROKERS=1
INSTANCES=1
# A second instance of a service listens on its port + 10 (8091 concern, 8092 referral, ...).
INSTANCE_PORT_STEP=10
# name:port:database
SERVICES="agency-directory-service:8083:directory concern-service:8081:concern referral-service:8082:referral audit-service:8084:audit notification-service:8085:notification"
# Stands in for agency case systems: receives, checks and logs the seeded subscriptions' webhooks.
RECEIVER_PORT=${JOINEDUP_RECEIVER_PORT:-8099}
CONSOLE_PORT=${JOINEDUP_CONSOLE_PORT:-8080}

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { log "ERROR: $*" >&2; exit 1; }

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_bindir() {
  local d
  d=$(pg_config --bindir 2>/dev/null || true)
  if [ -n "$d" ] && [ -x "$d/initdb" ]; then echo "$d"; return; fi
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$d" ] && [ -x "$d/initdb" ] || die "no PostgreSQL server binaries: run deploy/prerequisites.sh"
  echo "$d"
}

# PostgreSQL runs as the postgres user when we are root; its folder must be reachable for it.
pg_dir() {
  if [ -f "$STATE/postgres.location" ]; then cat "$STATE/postgres.location"; return; fi
  local dir=$STATE/postgres
  if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$STATE" 2>/dev/null; then
    dir=/var/tmp/joinedup-$(printf '%s' "$STATE" | sha256sum | cut -c1-12)/postgres
    log "the postgres user cannot reach $STATE; keeping the database in $dir" >&2
  fi
  echo "$dir" > "$STATE/postgres.location"
  echo "$dir"
}

alive() { [ -f "$PIDS/$1.pid" ] && kill -0 "$(cat "$PIDS/$1.pid")" 2>/dev/null; }

# Starts a command in its own session (so it and its children stop together) and records its pid.
spawn() {
  local name=$1; shift
  setsid "$@" >> "$LOGS/$name.log" 2>&1 < /dev/null &
  echo $! > "$PIDS/$name.pid"
}

wait_for() { # description, seconds, command...
  local what=$1 seconds=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || die "$what not ready after ${seconds}s (logs in $LOGS)"
    # A process that already exited will not become ready: say so now rather than at the deadline.
    if [ -f "$PIDS/$what.pid" ] && ! kill -0 "$(cat "$PIDS/$what.pid")" 2>/dev/null; then
      die "$what exited while starting (see $LOGS/$what.log)"
    fi
    sleep 1
  done
}

http_ok() { curl -sf -o /dev/null --max-time 3 "$1"; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

build() {
  log "building the services and fetching the Kafka broker (./mvnw package)"
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package \
      -pl deploy/kafka-broker,concern-service,referral-service,agency-directory-service,audit-service,notification-service,web-console -am) \
    > "$LOGS/build.log" 2>&1 || die "build failed: see $LOGS/build.log"
}

start_postgres() {
  local bin dir
  bin=$(pg_bindir); dir=$(pg_dir)
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    log "initialising PostgreSQL in $dir"
    mkdir -p "$dir"
    [ "$(id -u)" -ne 0 ] || chown -R postgres:postgres "$dir"
    as_postgres "$bin/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C --auth=trust > "$LOGS/postgres-init.log" 2>&1
  fi
  if as_postgres "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    log "PostgreSQL already running on $PG_PORT"
  else
    log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    mkdir -p "$dir/run"; [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$dir/run"
    as_postgres "$bin/pg_ctl" -D "$dir/data" -w -t 60 -l "$dir/postgres.log" start \
      -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$dir/run $PG_TUNING" >/dev/null
  fi
  for db in concern referral directory audit notification; do
    if ! "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "select 1 from pg_database where datname='$db'" | grep -q 1; then
      "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "create database $db" >/dev/null
    fi
  done
}

kafka_name() { if [ "$BROKERS" -eq 1 ]; then echo kafka; else echo "kafka-$1"; fi; }
kafka_port() { echo $((KAFKA_PORT + 2 * ($1 - 1))); }
kafka_controller_port() { echo $((KAFKA_CONTROLLER_PORT + 2 * ($1 - 1))); }
bootstrap_servers() {
  local i list=""
  for i in $(seq 1 "$BROKERS"); do list="$list${list:+,}127.0.0.1:$(kafka_port "$i")"; done
  echo "$list"
}

# One broker (node 1 on 9092, as always) or a KRaft cluster of BROKERS nodes, each broker and
# controller, on 9092/9093, 9094/9095, 9096/9097; internal topics replicated to three, min ISR 2.
start_kafka() {
  local lib=$ROOT/deploy/kafka-broker/target/lib i voters="" id=""
  [ -d "$lib" ] || die "no Kafka jars in $lib (the build fetches them)"
  local replicas=$(( BROKERS < 3 ? BROKERS : 3 )) min_isr=$(( BROKERS < 2 ? 1 : 2 ))
  for i in $(seq 1 "$BROKERS"); do voters="$voters${voters:+,}$i@127.0.0.1:$(kafka_controller_port "$i")"; done
  for i in $(seq 1 "$BROKERS"); do
    local name dir port cport
    name=$(kafka_name "$i"); port=$(kafka_port "$i"); cport=$(kafka_controller_port "$i")
    dir=$STATE/$name
    if alive "$name"; then log "$name already running on $port"; continue; fi
    mkdir -p "$dir"
    cat > "$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=$i
controller.quorum.voters=$voters
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/data
num.partitions=6
auto.create.topics.enable=false
default.replication.factor=$replicas
min.insync.replicas=$min_isr
offsets.topic.replication.factor=$replicas
transaction.state.log.replication.factor=$replicas
transaction.state.log.min.isr=$min_isr
share.coordinator.state.topic.replication.factor=$replicas
share.coordinator.state.topic.min.isr=$min_isr
group.initial.rebalance.delay.ms=0
PROPS
    cat > "$dir/log4j2.properties" <<PROPS
status = warn
appender.console.type = Console
appender.console.name = console
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.console.ref = console
logger.kafka.name = kafka
logger.kafka.level = INFO
logger.apache.name = org.apache.kafka
logger.apache.level = WARN
PROPS
    if [ ! -f "$dir/data/meta.properties" ]; then
      log "formatting $name's storage (KRaft)"
      # One cluster id for all the nodes of a cluster.
      [ -n "$id" ] || id=$(cat "$STATE/kafka-cluster.id" 2>/dev/null || true)
      [ -n "$id" ] || { id=$(java -cp "$lib/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1); echo "$id" > "$STATE/kafka-cluster.id"; }
      java -cp "$lib/*" -Dlog4j2.configurationFile="$dir/log4j2.properties" kafka.tools.StorageTool format \
        -t "$id" -c "$dir/server.properties" > "$LOGS/$name-format.log" 2>&1 || die "Kafka format failed: $LOGS/$name-format.log"
    fi
    log "starting $name on 127.0.0.1:$port"
    : > "$LOGS/$name.log"
    spawn "$name" java -Xms256m -Xmx1g -Dlog4j2.configurationFile="$dir/log4j2.properties" -cp "$lib/*" \
      kafka.Kafka "$dir/server.properties"
  done
  for i in $(seq 1 "$BROKERS"); do
    wait_for "$(kafka_name "$i")" 120 grep -q "Kafka Server started" "$LOGS/$(kafka_name "$i").log"
  done
}

# Keycloak's first start takes a minute: it is launched before the build and waited for after it.
launch_keycloak() {
  local home=$STATE/keycloak/keycloak-$KC_VERSION zip=$STATE/downloads/keycloak-quarkus-dist-$KC_VERSION.zip
  if alive keycloak; then log "Keycloak already running on $KC_PORT"; return; fi
  if [ ! -x "$home/bin/kc.sh" ]; then
    if [ ! -f "$zip" ]; then
      log "fetching Keycloak $KC_VERSION from Maven Central"
      (cd "$ROOT" && ./mvnw -B -q dependency:copy -Dartifact=org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip \
          -DoutputDirectory="$STATE/downloads") > "$LOGS/keycloak-fetch.log" 2>&1 || die "see $LOGS/keycloak-fetch.log"
    fi
    mkdir -p "$STATE/keycloak"
    (cd "$STATE/keycloak" && unzip -q "$zip")
  fi
  # Realm edits are not re-imported into an existing database: start Keycloak's data afresh when the file changed.
  local realm=$ROOT/deploy/keycloak/joinedup-realm.json sum
  sum=$(sha256sum "$realm" | cut -d' ' -f1)
  if [ "$(cat "$STATE/keycloak/realm.sha256" 2>/dev/null)" != "$sum" ]; then
    rm -rf "$home/data/h2" "$home/data/import"
  fi
  mkdir -p "$home/data/import"
  cp "$realm" "$home/data/import/joinedup-realm.json"
  echo "$sum" > "$STATE/keycloak/realm.sha256"
  log "starting Keycloak $KC_VERSION on $KC_URL (first start takes a minute)"
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin-local-dev-only \
    spawn keycloak "$home/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KC_PORT" \
      --hostname="$KC_URL" --import-realm
}

keycloak_ready() {
  wait_for "Keycloak" 240 http_ok "$OIDC_URL/.well-known/openid-configuration"
  log "Keycloak ready: $KC_URL"
}

instance_name() { if [ "$2" -eq 1 ]; then echo "$1"; else echo "$1-$2"; fi; }
instance_port() { echo $(($1 + ($2 - 1) * INSTANCE_PORT_STEP)); }

# Instances of one service share its database (the outbox relays share the outbox by SKIP LOCKED) and
# its consumer groups (Kafka splits the partitions between them).
start_services() {
  local entry name port db jar i inst iport
  for i in $(seq 1 "$INSTANCES"); do
    for entry in $SERVICES; do
      IFS=: read -r name port db <<< "$entry"
      inst=$(instance_name "$name" "$i"); iport=$(instance_port "$port" "$i")
      if alive "$inst"; then log "$inst already running on $iport"; continue; fi
      jar=$ROOT/$name/target/quarkus-app/quarkus-run.jar
      [ -f "$jar" ] || die "$jar missing (run without --no-build)"
      log "starting $inst on 127.0.0.1:$iport"
      # The audit checkpoint key pair below is the public local-development pair from
      # audit-service's application.properties: it proves nothing outside this machine.
      PORT=$iport JOINEDUP_DB_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/$db \
        JOINEDUP_DB_REACTIVE_URL=postgresql://127.0.0.1:$PG_PORT/$db \
        JOINEDUP_NOTIFICATIONS_ALLOW_LOOPBACK_CALLBACKS=true \
        KAFKA_BOOTSTRAP_SERVERS=$(bootstrap_servers) JOINEDUP_OIDC_URL=$OIDC_URL \
        JOINEDUP_KAFKA_REPLICATION_FACTOR=$(( BROKERS < 3 ? BROKERS : 3 )) \
        JOINEDUP_KAFKA_MIN_INSYNC_REPLICAS=$(( BROKERS < 2 ? 1 : 2 )) \
        JOINEDUP_AUDIT_CHECKPOINT_PRIVATE_KEY=MC4CAQAwBQYDK2VwBCIEIHBXCYEk3HnMFvgZSnJJ3FDMp4r+ht9lGqnwpVdsjCDP \
        JOINEDUP_AUDIT_CHECKPOINT_PUBLIC_KEY=MCowBQYDK2VwAyEAhS5HAIQGgFZZWPTeSLkJgoaT90O5nqWAJFlr3uRw0Uc= \
        spawn "$inst" java -Xmx384m -jar "$jar"
    done
  done
  for i in $(seq 1 "$INSTANCES"); do
    for entry in $SERVICES; do
      IFS=: read -r name port db <<< "$entry"
      inst=$(instance_name "$name" "$i"); iport=$(instance_port "$port" "$i")
      wait_for "$inst" 180 http_ok "http://127.0.0.1:$iport/q/health/ready"
      log "$inst ready: http://127.0.0.1:$iport/q/swagger-ui"
    done
  done
}

# The demo receiver of webhooks (deploy/webhook-receiver.py): the seed subscribes two agencies to it.
start_receiver() {
  if alive webhook-receiver; then log "webhook receiver already running on $RECEIVER_PORT"; return; fi
  mkdir -p "$STATE/webhooks"
  log "starting the demo webhook receiver on 127.0.0.1:$RECEIVER_PORT"
  JOINEDUP_WEBHOOK_SECRETS=$STATE/webhooks spawn webhook-receiver python3 "$ROOT/deploy/webhook-receiver.py" "$RECEIVER_PORT"
  wait_for "webhook receiver" 20 port_open "$RECEIVER_PORT"
}

# The web console: no database, no broker; a client of the four services with each person's own token.
start_console() {
  local jar=$ROOT/web-console/target/quarkus-app/quarkus-run.jar
  if alive web-console; then log "web-console already running on $CONSOLE_PORT"; return; fi
  [ -f "$jar" ] || die "$jar missing (run without --no-build)"
  log "starting web-console on 127.0.0.1:$CONSOLE_PORT"
  PORT=$CONSOLE_PORT JOINEDUP_OIDC_URL=$OIDC_URL JOINEDUP_OIDC_ORIGIN=$KC_URL \
    spawn web-console java -Xmx256m -jar "$jar"
  wait_for "web-console" 120 http_ok "http://127.0.0.1:$CONSOLE_PORT/q/health/ready"
}

stop_pid() {
  local name=$1 pid
  [ -f "$PIDS/$name.pid" ] || return 0
  pid=$(cat "$PIDS/$name.pid")
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping $name (pid $pid)"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && { kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true; }
  fi
  rm -f "$PIDS/$name.pid"
}

down() {
  local entry name i
  stop_pid web-console
  stop_pid webhook-receiver
  for i in $(seq 1 "$INSTANCES"); do
    for entry in $SERVICES; do stop_pid "$(instance_name "${entry%%:*}" "$i")"; done
  done
  stop_pid keycloak
  for i in $(seq 1 "$BROKERS"); do stop_pid "$(kafka_name "$i")"; done
  if [ -f "$STATE/postgres.location" ]; then
    local dir bin
    dir=$(cat "$STATE/postgres.location"); bin=$(pg_bindir)
    if [ -f "$dir/data/PG_VERSION" ] && as_postgres "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      log "stopping PostgreSQL"
      as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    fi
  fi
}

status() {
  local entry name port i
  echo "topology: $BROKERS broker(s), $INSTANCES instance(s) of each service"
  for name in $(for i in $(seq 1 "$BROKERS"); do kafka_name "$i"; done) keycloak; do
    if alive "$name"; then echo "$name: running (pid $(cat "$PIDS/$name.pid"))"; else echo "$name: stopped"; fi
  done
  for i in $(seq 1 "$INSTANCES"); do
    for entry in $SERVICES; do
      IFS=: read -r name port _ <<< "$entry"
      name=$(instance_name "$name" "$i"); port=$(instance_port "$port" "$i")
      if alive "$name"; then echo "$name: running (pid $(cat "$PIDS/$name.pid")) on $port"; else echo "$name: stopped"; fi
    done
  done
  if alive webhook-receiver; then echo "webhook-receiver: running (pid $(cat "$PIDS/webhook-receiver.pid")) on $RECEIVER_PORT"; else echo "webhook-receiver: stopped"; fi
  if alive web-console; then echo "web-console: running (pid $(cat "$PIDS/web-console.pid")) on $CONSOLE_PORT"; else echo "web-console: stopped"; fi
  if [ -f "$STATE/postgres.location" ] && as_postgres "$(pg_bindir)/pg_ctl" -D "$(cat "$STATE/postgres.location")/data" status >/dev/null 2>&1; then
    echo "postgres: running on $PG_PORT"; else echo "postgres: stopped"; fi
}

up() {
  local build=1
  while [ $# -gt 0 ]; do
    case "$1" in
      --no-build) build=0; shift ;;
      --brokers) BROKERS=$2; shift 2 ;;
      --instances) INSTANCES=$2; shift 2 ;;
      *) die "unknown option $1" ;;
    esac
  done
  [[ "$BROKERS" =~ ^[13]$ ]] || die "--brokers is 1 or 3"
  [[ "$INSTANCES" =~ ^[12]$ ]] || die "--instances is 1 or 2"
  if [ -f "$STATE/topology" ] && [ "$(cat "$STATE/topology")" != "$BROKERS $INSTANCES" ] && { alive kafka || alive kafka-1; }; then
    die "the stack is running as $(cat "$STATE/topology") (brokers instances): run down first"
  fi
  if [ -f "$STATE/kafka-cluster.id" ] && [ "$(cat "$STATE/topology" 2>/dev/null | cut -d' ' -f1)" != "$BROKERS" ]; then
    die "the local Kafka data was made for $(cut -d' ' -f1 < "$STATE/topology") broker(s): run reset to change the number of brokers"
  fi
  echo "$BROKERS $INSTANCES" > "$STATE/topology"
  local started=$SECONDS
  "$ROOT/deploy/prerequisites.sh"
  command -v curl >/dev/null && command -v unzip >/dev/null || die "curl and unzip are needed"
  launch_keycloak
  [ $build -eq 0 ] || build
  start_postgres
  start_kafka
  keycloak_ready
  start_receiver
  start_services
  start_console
  log "stack up in $((SECONDS - started))s"
  "$ROOT/deploy/seed.sh"
  log "open http://127.0.0.1:$CONSOLE_PORT and sign in as lead.haringey (password local-dev-only)"
}

mkdir -p "$LOGS" "$PIDS"
if [ -f "$STATE/topology" ]; then read -r BROKERS INSTANCES < "$STATE/topology"; fi
case "${1:-}" in
  up) shift; up "$@" ;;
  down) down ;;
  status) status ;;
  reset)
    down
    if [ -f "$STATE/postgres.location" ]; then rm -rf "$(cat "$STATE/postgres.location")"; fi
    rm -rf "$STATE"
    log "local state removed" ;;
  *) sed -n '2,12p' "$0"; exit 2 ;;
esac
