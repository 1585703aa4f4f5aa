#!/usr/bin/env bash
# FinAgent local infrastructure without Docker: real Kafka (KRaft), QuestDB,
# PostgreSQL and Redis on 127.0.0.1.
#
# Usage (from any directory):
#   deploy/local/infra.sh classpath                 print the Kafka+QuestDB runtime classpath
#   deploy/local/infra.sh pg-redis [start|stop|status] [--dry-run] [--assume-down|--assume-missing]
#   deploy/local/infra.sh kafka   start|stop|status
#   deploy/local/infra.sh questdb start|stop|status
#   deploy/local/infra.sh redis-own start|stop|status   a redis-server of its own (tests stop it)
#   deploy/local/infra.sh databases [--fresh SERVICE:DATABASE ...]
#                                   each service's role and its databases (deploy/postgres/provision.sh)
#   deploy/local/infra.sh all     start|stop|status   (pg-redis + kafka + questdb)
#   deploy/local/infra.sh deploy-tools                 install docker-compose, promtool, kubectl if missing
#
# Or source it and call the wrapper, which runs in a subshell with strict mode so a
# failure never kills your interactive shell:
#   source deploy/local/infra.sh && finagent_infra kafka start
#
# Environment (defaults in brackets):
#   FINAGENT_STATE_DIR [<repo>/.run]  pid files, logs, generated configs, data
#   MVN                [<repo>/mvnw if executable, else mvn]
#   KAFKA_PORT [9092]  KAFKA_CONTROLLER_PORT [9093]  KAFKA_HEAP [-Xms128m -Xmx512m]
#   QUESTDB_HTTP_PORT [9000]  QUESTDB_PG_PORT [8812]  QUESTDB_ILP_PORT [9009]
#   QUESTDB_HTTP_MIN_PORT [9003]  QUESTDB_HEAP [-Xms64m -Xmx512m]
#   REDIS_OWN_PORT [16379]
#   KAFKA_START_TIMEOUT [90]  QUESTDB_START_TIMEOUT [90]  PG_REDIS_TIMEOUT [60]
#   JAVA_HOME          [java on PATH; must be 17+]

# FINAGENT_ROOT, RUN_DIR, port_open, now_ms, format_ms, die and the pid-file helpers
# (live_pid, pid_of, spawn_detached, stop_pidfile) come from lib.sh.
# shellcheck source=deploy/local/lib.sh source-path=SCRIPTDIR/../..
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
INFRA_POM="$FINAGENT_ROOT/deploy/local/infra/pom.xml"

# ---------------------------------------------------------------- helpers

# Everything goes to stderr with an "[infra] " prefix (stdout is for `classpath`),
# also the messages of lib.sh's helpers (say, warn and so die).
log() { printf '[infra] %s\n' "$*" >&2; }
say() { log "$@"; }
warn() { log "$@"; }

state_dir() {
  local dir="${FINAGENT_STATE_DIR:-$RUN_DIR}"
  mkdir -p "$dir"
  (cd "$dir" && pwd)  # absolute, so generated configs stay valid from any cwd
}

# Fail fast (instead of a bind error deep in a JVM log) when a port we need is taken.
require_free_ports() {
  local name="$1" port busy=(); shift
  for port in "$@"; do port_open "$port" && busy+=("$port"); done
  (( ${#busy[@]} == 0 )) || die "$name: port(s) ${busy[*]} already in use by another process"
}

# On a failed start: the first errors (the cause) and then the end of the log.
show_log_failure() {
  local logfile="$1"
  grep -m 8 -E ' (ERROR|FATAL) |Exception|^[0-9T:.-]+Z [EC] ' "$logfile" >&2 || true
  log "... last lines of $logfile:"
  tail -n 30 "$logfile" >&2 || true
}

# True when GET http://127.0.0.1:$1$2 returns 2xx. Falls back to bash's /dev/tcp on
# a bare machine without curl.
http_ok() {
  if command -v curl >/dev/null; then
    curl -sf -o /dev/null --max-time 5 "http://127.0.0.1:$1$2"
  else
    # shellcheck disable=SC2016  # expanded by the inner bash
    timeout 5 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0" &&
      printf "GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n" "$1" >&3 &&
      head -n 1 <&3 | grep -q "^HTTP/1\.[01] 2"' "$1" "$2" 2>/dev/null
  fi
}

# JAVA_HOME's java if set, else the one on PATH. Kafka 4.x and QuestDB 9.x need 17+.
java_bin() {
  local java=java
  [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && java="$JAVA_HOME/bin/java"
  command -v "$java" >/dev/null || die "java not found (need Java 17+)"
  local major
  major="$("$java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9.]*\).*/\1/p')"
  (( ${major#1.} >= 17 )) 2>/dev/null || die "$java is Java ${major:-?}; Kafka 4.x / QuestDB 9.x need 17+"
  echo "$java"
}

# Poll "$@" (a readiness test) every 0.5 s until it succeeds. Fails early when the
# process in $pidfile died, and after $timeout seconds; prints the log tail then.
wait_ready() {
  local name="$1" pidfile="$2" logfile="$3" timeout="$4"; shift 4
  local start deadline
  start="$(now_ms)"; deadline=$(( start + timeout * 1000 ))
  while (( $(now_ms) < deadline )); do
    if "$@"; then
      log "$name: ready after $(format_ms $(( $(now_ms) - start )))"
      return 0
    fi
    if ! live_pid "$pidfile" >/dev/null; then
      log "$name: process exited during startup; errors from $logfile:"
      show_log_failure "$logfile"
      return 1
    fi
    sleep 0.5
  done
  log "$name: not ready after ${timeout} s (still running, pid file $pidfile); errors from $logfile:"
  show_log_failure "$logfile"
  return 1
}

# ---------------------------------------------------------------- classpath

mvn_cmd() {
  if [[ -n "${MVN:-}" ]]; then echo "$MVN"
  elif [[ -x "$FINAGENT_ROOT/mvnw" ]]; then echo "$FINAGENT_ROOT/mvnw"
  else echo mvn
  fi
}

# The cache is reused unless the pom is newer or a jar vanished (e.g. ~/.m2 wiped).
classpath_cache_valid() {
  local cache="$1" jar
  [[ -s "$cache" && ! "$INFRA_POM" -nt "$cache" ]] || return 1
  local IFS=:
  for jar in $(<"$cache"); do [[ -f "$jar" ]] || return 1; done
}

infra_classpath() {
  local cache tmp
  cache="$(state_dir)/infra.classpath"
  if ! classpath_cache_valid "$cache"; then
    log "resolving infra classpath with $(mvn_cmd) (first run downloads ~70 MB)"
    tmp="$cache.tmp.$$"
    # mvn's own stdout goes to stderr: our stdout is the classpath only.
    (cd "$FINAGENT_ROOT" && $(mvn_cmd) -q -B -f "$INFRA_POM" dependency:build-classpath \
        -Dmdep.outputFile="$tmp") >&2 || { rm -f "$tmp"; die "classpath resolution failed"; }
    [[ -s "$tmp" ]] || die "mvn wrote no classpath"
    mv "$tmp" "$cache"  # atomic: a concurrent reader never sees half a file
  fi
  cat "$cache"; echo
}

# ---------------------------------------------------------------- PostgreSQL + Redis

PG_HOST=127.0.0.1 PG_PORT=5432 REDIS_HOST=127.0.0.1 REDIS_PORT=6379
# Test hooks, so the "not answering" branches can be checked without stopping the
# machine's real servers: --dry-run prints every mutating command instead of running
# it; --assume-down / --assume-missing pretend the servers do not answer / are not
# installed (only allowed together with --dry-run).
DRY_RUN=0 ASSUME=""

# Run a mutating command as root (sudo when not root), or only print it in dry-run.
as_root() {
  if (( DRY_RUN )); then log "dry-run: would run:$(printf ' %q' "$@")"; return 0; fi
  if (( EUID == 0 )); then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "need root (or sudo) to run: $*"
  fi
}

# Same for a command that needs no root.
as_user() {
  if (( DRY_RUN )); then log "dry-run: would run:$(printf ' %q' "$@")"; return 0; fi
  "$@"
}

pg_up() {
  [[ -z "$ASSUME" ]] || return 1
  pg_isready -q -h "$PG_HOST" -p "$PG_PORT" 2>/dev/null
}
redis_up() {
  [[ -z "$ASSUME" ]] || return 1
  [[ "$(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]]
}

pg_installed() {
  [[ "$ASSUME" != missing ]] && command -v pg_ctlcluster >/dev/null && pg_version >/dev/null
}
redis_installed() {
  [[ "$ASSUME" != missing ]] && command -v redis-server >/dev/null && command -v redis-cli >/dev/null
}

# Newest PostgreSQL major version that has server binaries (e.g. 15 on Debian 12).
pg_version() {
  local v
  # shellcheck disable=SC2012  # directory names are plain version numbers
  v="$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1)"
  if [[ -n "$v" ]]; then echo "$v"
  elif (( DRY_RUN )); then echo 15  # dry run on a machine without PostgreSQL
  else return 1
  fi
}

pg_cluster_running() {
  [[ -z "$ASSUME" ]] && pg_ctlcluster "$1" main status >/dev/null 2>&1
}

apt_install() {
  log "installing $* with apt-get"
  # quiet: apt's own output is printed only when the install fails
  local out
  out="$(as_root apt-get update -qq 2>&1 && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" 2>&1)" \
    || { printf '%s\n' "$out" >&2; return 1; }
}

# Debian's default pg_hba.conf asks TCP clients for a password (scram-sha-256). The
# services and tests connect as user postgres without a password, as on the dev
# machines, so loopback TCP is switched to trust. Only for a cluster we installed.
pg_trust_loopback() {
  local hba="/etc/postgresql/$1/main/pg_hba.conf"
  log "postgres: setting 'trust' for host lines 127.0.0.1/32 and ::1/128 in $hba"
  as_root sed -i -E \
    -e 's#^(host[[:space:]]+all[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+).*#\1trust#' \
    -e 's#^(host[[:space:]]+all[[:space:]]+all[[:space:]]+::1/128[[:space:]]+).*#\1trust#' \
    "$hba"
}

# $1=1 when the package was just installed by us (then pg_hba.conf is adjusted).
pg_start() {
  local installed_now="$1" ver
  ver="$(pg_version)" || die "postgresql installed but no /usr/lib/postgresql/<version>"
  # The package creates cluster <ver>/main unless createcluster.conf says otherwise.
  [[ -d "/etc/postgresql/$ver/main" ]] || as_root pg_createcluster "$ver" main
  (( installed_now )) && pg_trust_loopback "$ver"
  # --skip-systemctl-redirect: no systemd in these containers / CI machines.
  if pg_cluster_running "$ver"; then
    # e.g. the package's postinst started it: reload so the pg_hba change applies.
    log "postgres: cluster $ver/main already running, reloading"
    as_root pg_ctlcluster --skip-systemctl-redirect "$ver" main reload
  else
    log "postgres: starting cluster $ver/main"
    as_root pg_ctlcluster --skip-systemctl-redirect "$ver" main start
  fi
}

redis_start() {
  # The package's postinst may already have started one (init script).
  if (( ! DRY_RUN )) && redis_up; then return 0; fi
  log "redis: starting redis-server on $REDIS_HOST:$REDIS_PORT"
  as_root mkdir -p /var/lib/redis /var/log/redis
  # No persistence (--save "", no AOF): a cache for dev/CI, losing it is fine.
  as_root redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" \
    --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
}

wait_for() {
  local name="$1" timeout="$2"; shift 2
  local deadline=$(( SECONDS + timeout ))
  if (( DRY_RUN )); then log "dry-run: would wait up to ${timeout} s for $name"; return 0; fi
  until "$@"; do
    (( SECONDS < deadline )) || die "$name did not answer within ${timeout} s"
    sleep 1
  done
  log "$name: answering"
}

record_started() {
  local f; f="$(state_dir)/started-by-us"
  if (( DRY_RUN )); then log "dry-run: would record '$1' in $f"; return 0; fi
  grep -qx "$1" "$f" 2>/dev/null || echo "$1" >>"$f"
}

pg_redis_start() {
  local timeout="${PG_REDIS_TIMEOUT:-60}" need_pg=0 need_redis=0 pg_new=0 pkgs=()
  if pg_up; then log "postgres: already answering on $PG_HOST:$PG_PORT"; else need_pg=1; fi
  if redis_up; then log "redis: already answering on $REDIS_HOST:$REDIS_PORT"; else need_redis=1; fi
  (( need_pg )) && ! pg_installed && { pkgs+=(postgresql); pg_new=1; }
  (( need_redis )) && ! redis_installed && pkgs+=(redis-server)
  (( ${#pkgs[@]} == 0 )) || apt_install "${pkgs[@]}"  # one apt-get update for both
  if (( need_pg )); then
    pg_start "$pg_new"; wait_for postgres "$timeout" pg_up; record_started postgres
  fi
  if (( need_redis )); then
    redis_start; wait_for redis "$timeout" redis_up; record_started redis
  fi
  pg_statistics "$timeout"
  databases
}

# What the index advice and the performance report read (docs/index-advice.md): statistics of
# every statement (pg_stat_statements, loaded at the server's start: one restart the first time)
# and hypothetical indexes (HypoPG, Debian's postgresql-<version>-hypopg). Only for the
# machine's own Debian cluster; another server is left as it is, and the advice says what it lacks.
pg_statistics() {
  local timeout="$1" ver preload
  (( DRY_RUN )) && { log "dry-run: would load pg_stat_statements and install HypoPG"; return 0; }
  ver="$(pg_version)" && [[ -d "/etc/postgresql/$ver/main" ]] && [[ "${FINAGENT_PG_PORT:-$PG_PORT}" == "$PG_PORT" ]] || return 0
  [[ -f "/usr/share/postgresql/$ver/extension/hypopg.control" ]] || apt_install "postgresql-$ver-hypopg" \
    || warn "postgres: HypoPG not installed: index suggestions are not checked by the planner"
  preload="$(psql_super -Atc 'SHOW shared_preload_libraries')"
  [[ ",${preload// /}," == *,pg_stat_statements,* ]] && return 0
  log "postgres: loading pg_stat_statements (restarting cluster $ver/main once)"
  local libraries="" lib
  for lib in ${preload//,/ }; do libraries+="'$lib', "; done  # one literal each: a list in one literal is one name
  psql_super -qc "ALTER SYSTEM SET shared_preload_libraries = ${libraries}'pg_stat_statements'"
  as_root pg_ctlcluster --skip-systemctl-redirect "$ver" main restart
  wait_for postgres "$timeout" pg_up
}

psql_super() { PGOPTIONS="-c client_min_messages=warning" psql -X -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres "$@"; }

# Each service's own role and databases (the local ones and the tests'), as the superuser
# postgres over loopback; more with arguments (provision.sh's usage).
databases() {
  if (( DRY_RUN )); then log "dry-run: would provision the services' roles and databases"; return 0; fi
  PGHOST="$PG_HOST" PGPORT="${FINAGENT_PG_PORT:-$PG_PORT}" PGUSER=postgres FINAGENT_DB_SUFFIXES="${FINAGENT_DB_SUFFIXES-_test}" \
    bash "$FINAGENT_ROOT/deploy/postgres/provision.sh" "$@"
  log "postgres: each service's role owns its databases${1:+ ($*)}"
}

# Stops only what pg_redis_start started (listed in started-by-us), never a server
# that was already running before.
pg_redis_stop() {
  local f ver; f="$(state_dir)/started-by-us"
  if [[ ! -s "$f" ]]; then log "pg-redis: nothing started by us, nothing to stop"; return 0; fi
  if grep -qx redis "$f"; then
    log "redis: shutting down (started by us)"
    as_user redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" shutdown nosave >/dev/null || true
  fi
  if grep -qx postgres "$f" && ver="$(pg_version)"; then
    log "postgres: stopping cluster $ver/main (started by us)"
    as_root pg_ctlcluster --skip-systemctl-redirect "$ver" main stop || true
  fi
  as_user rm -f "$f"
}

pg_redis_status() {
  local rc=0
  if pg_up; then log "postgres: answering on $PG_HOST:$PG_PORT"; else log "postgres: DOWN"; rc=1; fi
  if redis_up; then log "redis: answering on $REDIS_HOST:$REDIS_PORT"; else log "redis: DOWN"; rc=1; fi
  return "$rc"
}

# ---------------------------------------------------------------- Kafka (KRaft)

kafka_dir() { echo "$(state_dir)/kafka"; }
kafka_port() { echo "${KAFKA_PORT:-9092}"; }
kafka_up() { port_open "$(kafka_port)"; }

# Regenerated on every start so port changes in the environment take effect.
# Static quorum (controller.quorum.voters) rather than `format --standalone`: the
# dynamic quorum stores the controller endpoint in the metadata log at format time,
# so changing KAFKA_CONTROLLER_PORT later would break an existing data dir.
kafka_write_config() {
  local dir="$1" port ctl
  port="$(kafka_port)"; ctl="${KAFKA_CONTROLLER_PORT:-9093}"
  cat >"$dir/server.properties" <<EOF
# Generated by deploy/local/infra.sh - edits are overwritten on each start.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$ctl
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$ctl
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$dir/data

# One-node dev broker: every internal topic with replication 1.
auto.create.topics.enable=true
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
min.insync.replicas=1
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=4
EOF
  # Kafka 4.x logs via log4j2; without a config it would only print a warning and
  # ERRORs. Everything goes to stdout, which spawn_detached sends to kafka.log.
  cat >"$dir/log4j2.properties" <<'EOF'
status = warn
appender.out.type = Console
appender.out.name = STDOUT
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.out.ref = STDOUT
logger.kafka.name = kafka
logger.kafka.level = INFO
logger.state.name = state.change.logger
logger.state.level = WARN
logger.request.name = kafka.request.logger
logger.request.level = WARN
logger.controller.name = org.apache.kafka.controller
logger.controller.level = INFO
EOF
}

# Same format as `kafka-storage random-uuid` (22 chars of URL-safe base64 of 16 random
# bytes) without paying for a JVM start. Kafka rejects ids starting with '-'.
kafka_random_cluster_id() {
  local id
  while :; do
    id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
    [[ "$id" == -* ]] || { echo "$id"; return 0; }
  done
}

# Format the KRaft storage once; the cluster id is kept so restarts reuse the data.
kafka_format() {
  local dir="$1" cp="$2" java="$3"
  [[ -f "$dir/data/meta.properties" ]] && return 0
  [[ -s "$dir/cluster.id" ]] || kafka_random_cluster_id >"$dir/cluster.id"
  log "kafka: formatting $dir/data (cluster id $(<"$dir/cluster.id"))"
  "$java" -Dlog4j2.configurationFile="$dir/log4j2.properties" -cp "$cp" kafka.tools.StorageTool \
    format --config "$dir/server.properties" --cluster-id "$(<"$dir/cluster.id")" \
    --ignore-formatted >"$dir/format.log" 2>&1 || { cat "$dir/format.log" >&2; die "kafka storage format failed"; }
}

kafka_ready() {
  grep -q "Kafka Server started" "$(kafka_dir)/kafka.log" 2>/dev/null && kafka_up
}

kafka_start() {
  local dir cp pid java
  dir="$(kafka_dir)"
  if pid="$(live_pid "$dir/kafka.pid")" && ! kafka_up; then
    log "kafka: pid $pid is still starting, waiting for it"
  elif kafka_up; then
    log "kafka: already running on 127.0.0.1:$(kafka_port)"; return 0
  else
    require_free_ports kafka "${KAFKA_CONTROLLER_PORT:-9093}"
    java="$(java_bin)"
    cp="$(infra_classpath)"
    mkdir -p "$dir/data"
    kafka_write_config "$dir"
    kafka_format "$dir" "$cp" "$java"
    [[ -f "$dir/kafka.log" ]] && mv -f "$dir/kafka.log" "$dir/kafka.log.prev"
    log "kafka: starting on 127.0.0.1:$(kafka_port) (controller ${KAFKA_CONTROLLER_PORT:-9093})"
    # shellcheck disable=SC2086  # KAFKA_HEAP is a list of JVM options
    spawn_detached "$dir/kafka.pid" "$dir/kafka.log" \
      "$java" ${KAFKA_HEAP:--Xms128m -Xmx512m} -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
      -Djava.awt.headless=true -Dlog4j2.configurationFile="$dir/log4j2.properties" \
      -cp "$cp" kafka.Kafka "$dir/server.properties"
  fi
  wait_ready kafka "$dir/kafka.pid" "$dir/kafka.log" "${KAFKA_START_TIMEOUT:-90}" kafka_ready
}

kafka_stop() { stop_pidfile kafka "$(kafka_dir)/kafka.pid" kafka.Kafka; }

kafka_status() {
  local pid
  if pid="$(live_pid "$(kafka_dir)/kafka.pid")" && kafka_up; then
    log "kafka: running (pid $pid) on 127.0.0.1:$(kafka_port)"
  elif kafka_up; then
    log "kafka: port $(kafka_port) answers (not started by this script)"
  else
    log "kafka: not running"; return 1
  fi
}

# ---------------------------------------------------------------- QuestDB

questdb_dir() { echo "$(state_dir)/questdb"; }
questdb_http_port() { echo "${QUESTDB_HTTP_PORT:-9000}"; }
questdb_up() { port_open "$(questdb_http_port)"; }
questdb_ready() { http_ok "$(questdb_http_port)" "/exec?query=select%201"; }

# QuestDB extracts its default conf/ files only when missing, so writing server.conf
# and log.conf before the first start is enough. Rewritten on each start (env ports).
questdb_write_config() {
  local dir="$1"
  mkdir -p "$dir/conf"
  cat >"$dir/conf/server.conf" <<EOF
# Generated by deploy/local/infra.sh - edits are overwritten on each start.
# HTTP: web console, /exec, ILP over HTTP and the InfluxDB v2 API /api/v2/write.
http.net.bind.to=127.0.0.1:$(questdb_http_port)
http.min.enabled=true
http.min.net.bind.to=127.0.0.1:${QUESTDB_HTTP_MIN_PORT:-9003}
pg.net.bind.to=127.0.0.1:${QUESTDB_PG_PORT:-8812}
pg.user=admin
pg.password=quest
line.tcp.net.bind.to=127.0.0.1:${QUESTDB_ILP_PORT:-9009}
line.udp.enabled=false
telemetry.enabled=false
telemetry.disable.completely=true
# A dev box (2 cores): keep thread pools small.
shared.worker.count=2
EOF
  # Default log.conf minus the rolling file writer: stdout goes to questdb.log.
  cat >"$dir/conf/log.conf" <<'EOF'
writers=stdout,http.min
w.stdout.class=io.questdb.log.LogConsoleWriter
w.stdout.level=INFO
w.http.min.class=io.questdb.log.LogConsoleWriter
w.http.min.level=ERROR
w.http.min.scope=http-min-server
EOF
}

questdb_start() {
  local dir cp pid java
  dir="$(questdb_dir)"
  if pid="$(live_pid "$dir/questdb.pid")" && ! questdb_up; then
    log "questdb: pid $pid is still starting, waiting for it"
  elif questdb_up; then
    log "questdb: already running on 127.0.0.1:$(questdb_http_port)"; return 0
  else
    require_free_ports questdb "${QUESTDB_PG_PORT:-8812}" "${QUESTDB_ILP_PORT:-9009}" \
      "${QUESTDB_HTTP_MIN_PORT:-9003}"
    java="$(java_bin)"
    cp="$(infra_classpath)"
    questdb_write_config "$dir"
    [[ -f "$dir/questdb.log" ]] && mv -f "$dir/questdb.log" "$dir/questdb.log.prev"
    log "questdb: starting (http $(questdb_http_port), pg ${QUESTDB_PG_PORT:-8812}, ilp ${QUESTDB_ILP_PORT:-9009}, min ${QUESTDB_HTTP_MIN_PORT:-9003})"
    # Data lives mostly off-heap (mmap), so the heap can stay small.
    # shellcheck disable=SC2086
    spawn_detached "$dir/questdb.pid" "$dir/questdb.log" \
      "$java" ${QUESTDB_HEAP:--Xms64m -Xmx512m} -Djava.awt.headless=true \
      -cp "$cp" io.questdb.ServerMain -d "$dir"
  fi
  wait_ready questdb "$dir/questdb.pid" "$dir/questdb.log" "${QUESTDB_START_TIMEOUT:-90}" questdb_ready
}

questdb_stop() { stop_pidfile questdb "$(questdb_dir)/questdb.pid" io.questdb.ServerMain; }

questdb_status() {
  local pid
  if pid="$(live_pid "$(questdb_dir)/questdb.pid")" && questdb_up; then
    log "questdb: running (pid $pid) on 127.0.0.1:$(questdb_http_port)"
  elif questdb_up; then
    log "questdb: port $(questdb_http_port) answers (not started by this script)"
  else
    log "questdb: not running"; return 1
  fi
}

# ---------------------------------------------------------------- Redis of its own
# A redis-server on REDIS_OWN_PORT with its own pid file, apart from the machine's Redis, so
# that a test can stop it (the cache's fallback) without touching anyone else's. No persistence.

redis_own_dir() { echo "$(state_dir)/redis"; }
redis_own_port() { echo "${REDIS_OWN_PORT:-16379}"; }
redis_own_up() { [[ "$(redis-cli -h 127.0.0.1 -p "$(redis_own_port)" ping 2>/dev/null)" == PONG ]]; }

redis_own_start() {
  if redis_own_up; then log "redis-own: already answering on 127.0.0.1:$(redis_own_port)"; return 0; fi
  redis_installed || apt_install redis-server
  local dir; dir="$(redis_own_dir)"
  mkdir -p "$dir"
  log "redis-own: starting redis-server on 127.0.0.1:$(redis_own_port)"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$(redis_own_port)" --save "" --appendonly no \
    --dir "$dir" --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
  wait_for redis-own "${PG_REDIS_TIMEOUT:-60}" redis_own_up
}

redis_own_stop() {
  if ! redis_own_up; then log "redis-own: not running"; return 0; fi
  log "redis-own: shutting down"
  redis-cli -h 127.0.0.1 -p "$(redis_own_port)" shutdown nosave >/dev/null 2>&1 || true
  local deadline=$(( SECONDS + 30 ))
  while redis_own_up; do
    (( SECONDS < deadline )) || die "redis-own did not stop within 30 s"
    sleep 0.2
  done
}

redis_own_status() {
  if redis_own_up; then log "redis-own: answering on 127.0.0.1:$(redis_own_port)"; else log "redis-own: not running"; return 1; fi
}

# ---------------------------------------------------------------- dispatch

usage() { sed -n '2,28p' "$FINAGENT_ROOT/deploy/local/infra.sh" | sed 's/^# \{0,1\}//' >&2; }

service_cmd() {
  local svc="$1" action="${2:-}"
  case "$action" in
    start|stop|status) "${svc}_$action" ;;
    *) usage; die "$svc: expected start|stop|status, got '${action}'" ;;
  esac
}

pg_redis_cmd() {
  local action=start arg
  for arg in "$@"; do
    case "$arg" in
      start|stop|status) action="$arg" ;;
      --dry-run) DRY_RUN=1 ;;
      --assume-down) ASSUME=down ;;        # test hook: act as if both did not answer
      --assume-missing) ASSUME=missing ;;  # test hook: ... and were not installed
      *) usage; die "pg-redis: unknown argument '$arg'" ;;
    esac
  done
  [[ -z "$ASSUME" ]] || (( DRY_RUN )) || die "--assume-* only make sense with --dry-run"
  "pg_redis_$action"
}

# The tools the deploy checks run (deploy-checks module): docker-compose and promtool from
# Debian; kubectl (with kustomize) from Debian's kubernetes-client when none is installed.
deploy_tools() {
  local pkgs=()
  command -v docker-compose >/dev/null || pkgs+=(docker-compose)
  command -v promtool >/dev/null || pkgs+=(prometheus)
  command -v kubectl >/dev/null || pkgs+=(kubernetes-client)
  if (( ${#pkgs[@]} == 0 )); then log "deploy tools: docker-compose, promtool and kubectl present"; return 0; fi
  if (( DRY_RUN )); then log "dry-run: would install ${pkgs[*]}"; return 0; fi
  apt_install "${pkgs[@]}"
}

all_cmd() {
  case "${1:-}" in
    start) pg_redis_start; kafka_start; questdb_start ;;
    stop) questdb_stop; kafka_stop; pg_redis_stop ;;
    status) local rc=0; pg_redis_status || rc=1; kafka_status || rc=1; questdb_status || rc=1; return "$rc" ;;
    *) usage; die "all: expected start|stop|status" ;;
  esac
}

infra_main() {
  local cmd="${1:-}"; shift || true
  case "$cmd" in
    classpath) infra_classpath ;;
    pg-redis) pg_redis_cmd "$@" ;;
    kafka|questdb) service_cmd "$cmd" "$@" ;;
    redis-own) service_cmd redis_own "$@" ;;
    deploy-tools) deploy_tools ;;
    databases) databases "$@" ;;
    all) all_cmd "$@" ;;
    -h|--help|help) usage ;;
    *) usage; die "unknown command '${cmd}'" ;;
  esac
}

# Sourced: only define finagent_infra (a subshell, so strict mode and `exit` stay
# inside it). Executed: strict mode and run.
finagent_infra() ( set -euo pipefail; infra_main "$@" )

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  infra_main "$@"
fi
