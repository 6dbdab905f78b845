#!/usr/bin/env bash
# Identity benchmark: login latency at bcrypt cost 12, sustained logins per second, and the p99 of a cheap
# authenticated GET (GET /api/v1/me) on its own and while logins saturate the CPU.
#
#   bench/identity/run.sh            # uses target/quarkus-app (builds it when missing)
#   BUILD=1 bench/identity/run.sh    # rebuilds first
#   HASHING_THREADS=2 bench/identity/run.sh   # bcrypt pool size (default: CPU count - 1)
#
# Runs the packaged jar with the demo profile (embedded PostgreSQL under target/bench-identity-db, demo accounts)
# on localhost:18080 only. Loads are bounded: at most 4 connections per wrk, 20 s per phase.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-18080}
BASE="http://127.0.0.1:${PORT}"
MGMT="http://127.0.0.1:$((PORT + 100))" # the packaged app serves health and metrics on its management port
OUT=${OUT:-target/bench-identity}
DURATION=${DURATION:-20s}
mkdir -p "$OUT"

if [[ "${BUILD:-0}" == 1 || ! -f target/quarkus-app/quarkus-run.jar ]]; then
  ./mvnw -B -q package -DskipTests
fi
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

# the rate limiter would (correctly) refuse a benchmark: lift it for this run only
java -Dquarkus.profile=demo -Dquarkus.http.port="$PORT" -Dquarkus.management.port="$((PORT + 100))" -Dquarkus.http.host=127.0.0.1 \
  -Dcoinpilot.embedded-db.data-dir=target/bench-identity-db \
  -Dcoinpilot.identity.rate-limit.requests.limit=100000000 \
  -Dcoinpilot.identity.rate-limit.login.limit=100000000 \
  -Dcoinpilot.identity.rate-limit.login-address.limit=100000000 \
  -Dcoinpilot.identity.step-up.failures=100000000 \
  ${HASHING_THREADS:+-Dcoinpilot.identity.passwords.hashing-threads=$HASHING_THREADS} \
  -Dquarkus.log.category.\"org.coinpilot\".level=INFO \
  -jar target/quarkus-app/quarkus-run.jar >"$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "$MGMT/q/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "$MGMT/q/health/ready" >/dev/null

login() { # email password -> access token
  curl -fs -H 'Content-Type: application/json' -d "{\"email\":\"$1\",\"password\":\"$2\"}" "$BASE/api/v1/auth/login" |
    sed -E 's/.*"accessToken":"([^"]+)".*/\1/'
}
TOKEN=$(login user@demo.coinpilot.dev Coinpilot-demo-2026)
cat >"$OUT/me.lua" <<LUA
wrk.headers["Authorization"] = "Bearer ${TOKEN}"
LUA

section() { echo; echo "=== $1"; }
logins() { # served logins with this status so far (server-side Micrometer count)
  curl -fs "$MGMT/q/metrics" | { grep -E "^http_server_requests_seconds_count\{.*status=\"$1\".*uri=\"/api/v1/auth/login\"" || true; } |
    sed -E 's/.* ([0-9.E]+)$/\1/' | awk '{s+=$1} END {printf "%d", s}'
}
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc: $(nproc)"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "bcrypt cost: $(grep -E '^coinpilot.identity.passwords.bcrypt-cost' src/main/resources/application.properties)"
  echo "load before: $(uptime)"

  section "1. GET /api/v1/me alone (1 thread, 4 connections)"
  wrk -t1 -c4 -d"$DURATION" --latency -s "$OUT/me.lua" "$BASE/api/v1/me"

  section "2. login latency, one at a time (1 connection)"
  wrk -t1 -c1 -d"$DURATION" --timeout 10s --latency -s bench/identity/login.lua "$BASE"

  section "3a. logins with the bcrypt pool always busy (1 thread, 4 connections) ..."
  OK_BEFORE=$(logins 200); BUSY_BEFORE=$(logins 429)
  wrk -t1 -c4 -d"$DURATION" --timeout 30s --latency -s bench/identity/login.lua "$BASE" >"$OUT/saturation.txt" &
  LOAD=$!
  sleep 2
  section "3b. ... while GET /api/v1/me runs beside it (1 thread, 4 connections, 15 s)"
  wrk -t1 -c4 -d15s --latency -s "$OUT/me.lua" "$BASE/api/v1/me"
  wait $LOAD
  section "3a. (result) logins with the pool busy"
  cat "$OUT/saturation.txt"
  sleep 10 # let queued hashes drain before the next phase
  echo "served logins 200: $(( $(logins 200) - OK_BEFORE )), shed 429 AUTH_BUSY: $(( $(logins 429) - BUSY_BEFORE ))"

  section "4. unknown email, one at a time (same answer, comparable time?)"
  LOGIN_EMAIL=nobody@example.com LOGIN_PASSWORD=Wrong-password-1 \
    wrk -t1 -c1 -d10s --timeout 10s --latency -s bench/identity/login.lua "$BASE"

  section "5. wrong password of a real account (the same 401 every time: the limits are lifted for the run)"
  LOGIN_EMAIL=admin@demo.coinpilot.dev LOGIN_PASSWORD=Wrong-password-1 \
    wrk -t1 -c1 -d10s --timeout 10s --latency -s bench/identity/login.lua "$BASE"
  echo "load after: $(uptime)"
} | tee "$OUT/results.txt"
