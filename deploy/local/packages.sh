#!/usr/bin/env bash
# The machine's PostgreSQL and Redis from Debian packages: what has to stay shell (apt-get, pg_ctlcluster).
# The local-cluster launcher (local-cluster/) runs it; everything else of the local cluster is Java.
#   deploy/local/packages.sh start          install and start whichever of the two does not answer
#   deploy/local/packages.sh stop           stop only what start had to start (.run/started-by-us)
#   deploy/local/packages.sh deploy-tools   docker-compose, promtool and kubectl for the deploy checks
#   deploy/local/packages.sh bench-tools    wrk, the benchmarks' load tool
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STARTED="$ROOT/.run/started-by-us"
PG="-h 127.0.0.1 -p 5432"

log() { printf '[packages] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
as_root() { if (( EUID == 0 )); then "$@"; else sudo "$@"; fi; }
pg_up() { pg_isready -q $PG 2>/dev/null; }
redis_up() { [[ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" == PONG ]]; }
psql_super() { PGOPTIONS="-c client_min_messages=warning" psql -X $PG -U postgres -d postgres "$@"; }
# the newest PostgreSQL with server binaries (15 on Debian 12)
pg_version() { local v; v="$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1)"; [[ -n "$v" ]] && echo "$v"; }

apt_install() {
  log "installing $* with apt-get"
  local out  # apt's own output only when it fails
  out="$(as_root apt-get update -qq 2>&1 && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" 2>&1)" \
    || { printf '%s\n' "$out" >&2; return 1; }
}

wait_for() {
  local name="$1" deadline=$(( SECONDS + 60 )); shift
  until "$@"; do (( SECONDS < deadline )) || die "$name did not answer within 60 s"; sleep 1; done
  log "$name: answering"
}

# $1=1 when the package was just installed: Debian's pg_hba.conf asks loopback TCP for a password,
# and the services and tests connect as postgres without one, as on the dev machines.
pg_start() {
  local ver; ver="$(pg_version)" || die "postgresql installed but no /usr/lib/postgresql/<version>"
  [[ -d "/etc/postgresql/$ver/main" ]] || as_root pg_createcluster "$ver" main
  if (( $1 )); then
    as_root sed -i -E -e 's#^(host\s+all\s+all\s+(127\.0\.0\.1/32|::1/128)\s+).*#\1trust#' "/etc/postgresql/$ver/main/pg_hba.conf"
  fi
  # --skip-systemctl-redirect: no systemd on these machines; reload when the package's postinst started it
  if pg_ctlcluster "$ver" main status >/dev/null 2>&1; then
    as_root pg_ctlcluster --skip-systemctl-redirect "$ver" main reload
  else
    as_root pg_ctlcluster --skip-systemctl-redirect "$ver" main start
  fi
}

# What the index advice reads (docs/index-advice.md): pg_stat_statements (loaded at the server's start,
# so one restart the first time) and HypoPG. Only for the machine's own Debian cluster.
pg_statistics() {
  local ver preload libraries="" lib
  ver="$(pg_version)" && [[ -d "/etc/postgresql/$ver/main" ]] || return 0
  [[ -f "/usr/share/postgresql/$ver/extension/hypopg.control" ]] || apt_install "postgresql-$ver-hypopg" \
    || log "postgres: HypoPG not installed: index suggestions are not checked by the planner"
  preload="$(psql_super -Atc 'SHOW shared_preload_libraries')"
  [[ ",${preload// /}," == *,pg_stat_statements,* ]] && return 0
  log "postgres: loading pg_stat_statements (restarting cluster $ver/main once)"
  for lib in ${preload//,/ }; do libraries+="'$lib', "; done  # one literal each
  psql_super -qc "ALTER SYSTEM SET shared_preload_libraries = ${libraries}'pg_stat_statements'"
  as_root pg_ctlcluster --skip-systemctl-redirect "$ver" main restart
  wait_for postgres pg_up
}

start() {
  local pkgs=() pg_new=0
  mkdir -p "$(dirname "$STARTED")"
  if ! pg_up && ! { command -v pg_ctlcluster >/dev/null && pg_version >/dev/null; }; then pkgs+=(postgresql); pg_new=1; fi
  if ! redis_up && ! command -v redis-server >/dev/null; then pkgs+=(redis-server); fi
  (( ${#pkgs[@]} == 0 )) || apt_install "${pkgs[@]}"  # one apt-get update for both
  if pg_up; then log "postgres: answering on 127.0.0.1:5432"; else
    pg_start "$pg_new"; wait_for postgres pg_up; echo postgres >>"$STARTED"
  fi
  if redis_up; then log "redis: answering on 127.0.0.1:6379"; else
    as_root mkdir -p /var/lib/redis /var/log/redis  # no persistence: a cache for dev and CI
    as_root redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log
    wait_for redis redis_up; echo redis >>"$STARTED"
  fi
  pg_statistics
}

stop() {
  [[ -s "$STARTED" ]] || { log "nothing started here, nothing to stop"; return 0; }
  if grep -qx redis "$STARTED"; then log "redis: shutting down"; redis-cli -p 6379 shutdown nosave >/dev/null || true; fi
  if grep -qx postgres "$STARTED"; then log "postgres: stopping"; as_root pg_ctlcluster --skip-systemctl-redirect "$(pg_version)" main stop || true; fi
  rm -f "$STARTED"
}

deploy_tools() {
  local pkgs=()
  command -v docker-compose >/dev/null || pkgs+=(docker-compose)
  command -v promtool >/dev/null || pkgs+=(prometheus)
  command -v kubectl >/dev/null || pkgs+=(kubernetes-client)
  (( ${#pkgs[@]} == 0 )) || apt_install "${pkgs[@]}"
}

bench_tools() { command -v wrk >/dev/null || apt_install wrk; }

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  deploy-tools) deploy_tools ;;
  bench-tools) bench_tools ;;
  *) die "usage: deploy/local/packages.sh start|stop|deploy-tools|bench-tools" ;;
esac
