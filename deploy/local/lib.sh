# shellcheck shell=bash
# Shared by bin/start, bin/stop, bin/test and deploy/local/infra.sh: the repository
# root, the services and their ports, the pid-file helpers and the minting of local JWTs.
# Sourced, never executed; the sourcing script sets the strict mode. Messages go through
# say (stdout) and warn (stderr); infra.sh redefines both to its "[infra] " log.
# shellcheck disable=SC2034  # the variables are used by the sourcing scripts

FINAGENT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
INFRA="$FINAGENT_ROOT/deploy/local/infra.sh"
RUN_DIR="$FINAGENT_ROOT/.run"
KEY_DIR="$RUN_DIR/keys"

SERVICES=(memory-service portfolio-service strategy-service cache-service backup-service)
# -g: stays global when lib.sh is sourced inside a function (e.g. via infra.sh).
declare -gA SERVICE_PORT=(
  [memory-service]=8081
  [portfolio-service]=8082
  [strategy-service]=8083
  [cache-service]=8084
  [backup-service]=8085
)

say() { printf '%s\n' "$*"; }
warn() { printf '%s\n' "$*" >&2; }
die() { warn "ERROR: $*"; exit 1; }

now_ms() { date +%s%3N; }

# "12.3 s" for a duration given in milliseconds.
format_ms() { printf '%d.%d s' $(( $1 / 1000 )) $(( $1 % 1000 / 100 )); }

infra() { bash "$INFRA" "$@"; }

# True when something accepts TCP connections on 127.0.0.1:$1 (bash's /dev/tcp, so no
# nc/ss is needed; `timeout` guards against a filtered port hanging the connect).
port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# HTTP status code of a GET (000 when nothing answers).
http_code() {
  curl -s -o /dev/null --max-time 5 -w '%{http_code}' "$1" 2>/dev/null || true
}

service_jar() { echo "$FINAGENT_ROOT/$1/target/quarkus-app/quarkus-run.jar"; }
service_pidfile() { echo "$RUN_DIR/$1.pid"; }
service_log() { echo "$RUN_DIR/$1.log"; }
service_url() { echo "http://localhost:${SERVICE_PORT[$1]}"; }

# Modules the parent pom builds (comments stripped: a module being written is often
# commented out, and then it has no jar to start).
reactor_modules() {
  perl -0777 -ne 's/<!--.*?-->//gs; print "$1\n" while /<module>\s*([^<\s]+)\s*<\/module>/g' \
    "$FINAGENT_ROOT/pom.xml"
}

# ---------------------------------------------------------------- pid files

# pid from a pid file if that process is alive, else nothing (and exit 1).
live_pid() {
  local pidfile="$1" pid
  [[ -s "$pidfile" ]] || return 1
  pid="$(<"$pidfile")"
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

# True when the command line of process $1 contains $2.
cmdline_has() {
  tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -qF -- "$2"
}

# pid from a pid file if that process is alive and its command line contains $2
# (so a stale pid file whose pid got reused is never trusted), else exit 1.
pid_of() {
  local pid
  pid="$(live_pid "$1")" && cmdline_has "$pid" "$2" || return 1
  echo "$pid"
}

# Start a command detached from this shell, logging to $logfile, and write ITS pid
# (not a wrapper's) to $pidfile: the inner bash writes $$ and then execs the command,
# so the pid stays the same. setsid gives it its own session, so Ctrl-C / the end of
# a CI step / the terminal closing does not take it down; nohup covers SIGHUP.
spawn_detached() {
  local pidfile="$1" logfile="$2" _; shift 2
  rm -f "$pidfile"
  # shellcheck disable=SC2016  # $$ and $@ must expand in the inner bash, not here
  nohup setsid bash -c 'echo $$ > "$0"; exec "$@"' "$pidfile" "$@" \
    >"$logfile" 2>&1 </dev/null &
  for _ in $(seq 1 50); do [[ -s "$pidfile" ]] && return 0; sleep 0.1; done
  die "process did not write its pid file $pidfile"
}

# Stop the process recorded in $pidfile only (never by name): TERM, wait up to 30 s,
# then KILL. $expect is a string its command line must contain, so a stale pid file
# whose pid got reused by an unrelated process is never signalled.
# Usage: stop_pidfile <name> <pidfile> <expect>
stop_pidfile() {
  local name="$1" pidfile="$2" expect="$3" pid _
  if ! pid="$(live_pid "$pidfile")"; then
    rm -f "$pidfile"
    say "$name: nothing to stop (no live process in $pidfile)"
    return 0
  fi
  if ! cmdline_has "$pid" "$expect"; then
    rm -f "$pidfile"
    say "$name: pid $pid is not $expect (stale pid file), nothing to stop"
    return 0
  fi
  say "$name: stopping pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; say "$name: stopped"; return 0; }
    sleep 0.5
  done
  warn "$name: still alive after 30 s, sending KILL"
  kill -KILL "$pid" 2>/dev/null || true
  sleep 0.5
  rm -f "$pidfile"
}

# ---------------------------------------------------------------- local JWTs

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

ensure_jwt_keys() {
  [[ -s "$KEY_DIR/private.pem" && -s "$KEY_DIR/public.pem" ]] && return 0
  say "keys: generating an RSA 2048 key pair in $KEY_DIR"
  mkdir -p "$KEY_DIR"
  chmod 700 "$KEY_DIR"
  (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 \
    -out "$KEY_DIR/private.pem" 2>/dev/null)
  openssl pkey -in "$KEY_DIR/private.pem" -pubout -out "$KEY_DIR/public.pem"
}

# An RS256 token the services accept (issuer finagent, roles in "groups"), valid 30 days.
# Usage: jwt_mint <subject> <group>...
jwt_mint() {
  local sub="$1"; shift
  local now groups header claims unsigned signature
  now="$(date +%s)"
  groups="$(printf '"%s",' "$@")"
  header='{"alg":"RS256","typ":"JWT"}'
  claims="$(printf '{"iss":"finagent","sub":"%s","upn":"%s","groups":[%s],"iat":%d,"exp":%d}' \
    "$sub" "$sub" "${groups%,}" "$now" $(( now + 30 * 24 * 3600 )))"
  unsigned="$(printf '%s' "$header" | b64url).$(printf '%s' "$claims" | b64url)"
  signature="$(printf '%s' "$unsigned" | openssl dgst -sha256 -binary -sign "$KEY_DIR/private.pem" | b64url)"
  echo "$unsigned.$signature"
}

# ---------------------------------------------------------------- the local cluster

# bin/start and bin/stop always mean the cluster in .run on the default ports, even in
# a shell where test-infra.env was sourced (that would start a second broker or stop
# the one of a running test).
use_local_cluster_env() {
  export FINAGENT_STATE_DIR="$RUN_DIR"
  export KAFKA_PORT=9092 KAFKA_CONTROLLER_PORT=9093
  export QUESTDB_HTTP_PORT=9000 QUESTDB_PG_PORT=8812 QUESTDB_ILP_PORT=9009 QUESTDB_HTTP_MIN_PORT=9003
}
