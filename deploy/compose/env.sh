#!/usr/bin/env bash
# Writes ./.env with the secrets docker-compose.yml requires (the superuser's and each service
# role's PostgreSQL password, QuestDB's, the token key, backup-service's token). Run it (or source it) from
# anywhere. Passwords already in .env are kept: PostgreSQL only takes its password when it
# first creates the postgres-data volume. The JWT key pair is bin/start's (.run/keys), so the
# tokens bin/start prints work here too; backup-service's admin token is valid 30 days, so
# run this again when it expires.
# In a subshell so that sourcing it leaves the caller's shell options alone.
(
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cluster="$root/deploy/local/cluster"
env_file="$root/.env"

# The value of $1 in the current .env, or nothing.
kept() { { [[ -f "$env_file" ]] && sed -n "s/^$1=//p" "$env_file" | tail -n 1; } || true; }

# the superuser's, then each service role's (FINAGENT_DB_PASSWORD_MEMORY, …)
db_passwords=""
for name in FINAGENT_DB_PASSWORD FINAGENT_DB_PASSWORD_{MEMORY,PORTFOLIO,STRATEGY,CACHE,BACKUP}; do
  password="$(kept "$name")"
  db_passwords+="$name=${password:-$(od -An -N16 -tx1 /dev/urandom | tr -d " \n")}"$'\n'
done
questdb_password="$(kept FINAGENT_QUESTDB_PASSWORD)"
: "${questdb_password:=$(od -An -N16 -tx1 /dev/urandom | tr -d " \n")}"

# compose 1.29 reads one-line values only: the key's base64 without its PEM armour, which
# mp.jwt.verify.publickey accepts as it is
public_key="$(grep -v -- '-----' "$("$cluster" public-key)" | tr -d '\n')"

(
  umask 077
  cat >"$env_file.tmp" <<EOF
# docker-compose secrets, written by deploy/compose/env.sh (not committed: .gitignore)
${db_passwords}FINAGENT_QUESTDB_PASSWORD=$questdb_password
FINAGENT_JWT_PUBLIC_KEY=$public_key
FINAGENT_BACKUP_SERVICE_TOKEN=$("$cluster" token backup-service admin)
EOF
)
mv -f "$env_file.tmp" "$env_file"

echo "wrote $env_file"
echo "then: ./mvnw package -DskipTests && docker-compose up -d --build"
echo "a token for a demo user: export TOKEN=$("$cluster" token demo agent)"
)
