#!/usr/bin/env bash
# One PostgreSQL role per service, owning only its own databases: no superuser, CREATEDB,
# CREATEROLE or replication right, and no CONNECT on any other database (PUBLIC's default
# CONNECT is revoked on each of ours). Run as a superuser through the libpq environment
# (PGHOST, PGPORT, PGUSER); bin/start, bin/test, the tests and compose's init run it. Safe to
# run again: what exists is kept, and a database created before (owned by the superuser) is
# handed to its service's role with every table, sequence, view and function in it.
#
#   provision.sh                     every service's database, plus each of $FINAGENT_DB_SUFFIXES
#   provision.sh [--fresh] SERVICE:DATABASE ...
#                                    these databases only; --fresh drops them first
#
# Environment: FINAGENT_DB_SUFFIXES (for instance "_test"), FINAGENT_DB_PASSWORD_<SERVICE>
# (MEMORY, PORTFOLIO, …: the role's password; without it the role has none, for trust or peer
# authentication on a developer's machine).
set -euo pipefail

SERVICES=(memory portfolio strategy cache backup)

psql_run() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -d postgres "$@"; }

role_of() { echo "finagent_$1"; }

ensure_role() {
  local role="$1" password="$2"
  psql_run -v role="$role" -v password="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION', :'role')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD %L', :'role', nullif(:'password', ''))
 \gexec
SQL
}

# $1 role, $2 database, $3 "fresh" to drop it first
ensure_database() {
  local role="$1" database="$2" fresh="$3"
  if [[ "$fresh" == fresh ]]; then
    psql_run -v database="$database" <<'SQL'
SELECT format('DROP DATABASE IF EXISTS %I WITH (FORCE)', :'database') \gexec
SQL
  fi
  psql_run -v role="$role" -v database="$database" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'database', :'role')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'database') \gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', :'database', :'role') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'database') \gexec
SQL
  # objects made by an earlier superuser-run service move to the role (a fresh database has none)
  psql_run -d "$database" -v role="$role" <<'SQL'
SELECT format('ALTER %s %s OWNER TO %I',
              CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END,
              c.oid::regclass, :'role')
  FROM pg_class c
 WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
   AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = :'role')
   AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i', 'e'))
\gexec
SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, :'role')
  FROM pg_proc p
 WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> (SELECT oid FROM pg_roles WHERE rolname = :'role')
   AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
\gexec
SQL
  # the index advice's sources where the server has them (docs/index-advice.md): made by the
  # superuser, as neither may be created by the service's role
  psql_run -d "$database" <<'SQL'
SELECT format('CREATE EXTENSION IF NOT EXISTS %I', name) FROM pg_available_extensions
 WHERE name IN ('pg_stat_statements', 'hypopg') \gexec
SQL
}

fresh=""
if [[ "${1:-}" == --fresh ]]; then fresh=fresh; shift; fi
pairs=("$@")
if (( ${#pairs[@]} == 0 )); then
  for s in "${SERVICES[@]}"; do
    pairs+=("$s:finagent_$s")
    for suffix in ${FINAGENT_DB_SUFFIXES:-}; do pairs+=("$s:finagent_$s$suffix"); done
  done
fi

declare -A roles_done=()
for pair in "${pairs[@]}"; do
  service="${pair%%:*}" database="${pair#*:}"
  [[ " ${SERVICES[*]} " == *" $service "* ]] || { echo "provision.sh: unknown service '$service' in '$pair'" >&2; exit 2; }
  role="$(role_of "$service")"
  if [[ -z "${roles_done[$role]:-}" ]]; then
    password_var="FINAGENT_DB_PASSWORD_${service^^}"
    ensure_role "$role" "${!password_var:-}"
    roles_done[$role]=1
  fi
  ensure_database "$role" "$database" "$fresh"
done
