#!/usr/bin/env bash
# Account enumeration by timing: do forgot-password, resend-verification (and, with LOGIN=1, login) take the same
# time whether or not the email has an account? Registers UNVERIFIED accounts (unverified, so that
# resend-verification has work to do for them), then runs bench/identity/timing.py against them and missing
# addresses, N requests each, interleaved.
#
#   bench/identity/enumeration.sh                 # target/quarkus-app (builds it when missing)
#   APP=/tmp/other-build N=500 bench/identity/enumeration.sh
#   LOGIN=1 bench/identity/enumeration.sh         # also the login (bcrypt cost 12: slow, N=100 is plenty)
#   ENDPOINTS="login register" N=100 bench/identity/enumeration.sh   # only these endpoints (both bcrypt-bound)
#
# Runs the packaged jar with the demo profile (embedded PostgreSQL under $OUT/db) on localhost:$PORT only, behind a
# trusted "proxy" (loopback) so that every request has its own client address, with the per-address limits lifted.
# LIMITS overrides the -D options that lift them (their names differ between versions).
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-18081}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-19081}
BASE="http://127.0.0.1:${PORT}"
# health is on the management interface of packaged jars (older builds served it on the API port)
READY="http://127.0.0.1:${MANAGEMENT_PORT}/q/health/ready"
APP=${APP:-target/quarkus-app}
OUT=${OUT:-target/bench-identity-enumeration}
N=${N:-300}
ACCOUNTS=${ACCOUNTS:-8}
LIMITS=${LIMITS:--Dcoinpilot.identity.rate-limit.requests.limit=100000000 -Dcoinpilot.identity.rate-limit.mail.limit=100000000 -Dcoinpilot.identity.rate-limit.login.limit=100000000 -Dcoinpilot.identity.rate-limit.login-address.limit=100000000 -Dcoinpilot.identity.step-up.failures=100000000}
rm -rf "$OUT" && mkdir -p "$OUT"

if [[ "$APP" == target/quarkus-app && ! -f "$APP/quarkus-run.jar" ]]; then
  ./mvnw -B -q package -DskipTests
fi

# shellcheck disable=SC2086
java -Dquarkus.profile=demo -Dquarkus.http.port="$PORT" -Dquarkus.http.host=127.0.0.1 \
  -Dquarkus.management.port="$MANAGEMENT_PORT" -Dquarkus.management.host=127.0.0.1 \
  -Dcoinpilot.embedded-db.data-dir="$OUT/db" -Dcoinpilot.embedded-db.port=0 \
  -Dcoinpilot.identity.trusted-proxies=127.0.0.1 $LIMITS \
  -Dquarkus.log.category.\"org.coinpilot\".level=INFO \
  -jar "$APP/quarkus-run.jar" >"$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
ready() { curl -fs "$READY" >/dev/null 2>&1 || curl -fs "$BASE/q/health/ready" >/dev/null 2>&1; }
for _ in $(seq 1 120); do
  ready && break
  sleep 1
done
ready

EMAILS=()
for i in $(seq 1 "$ACCOUNTS"); do
  email="enum-$i-$RANDOM@example.com"
  curl -fs -o /dev/null -H 'Content-Type: application/json' -H "X-Forwarded-For: 198.51.100.$i" \
    -d "{\"email\":\"$email\",\"password\":\"Timing-bench-password-$i\"}" "$BASE/api/v1/auth/register"
  EMAILS+=("$email")
done

read -r -a ENDPOINTS <<<"${ENDPOINTS:-forgot-password resend-verification}"
[[ "${LOGIN:-0}" == 1 ]] && ENDPOINTS+=(login)
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)  app: $APP  nproc: $(nproc)  load: $(uptime | sed 's/.*load average: //')"
  python3 bench/identity/timing.py "$BASE" "$N" "${EMAILS[@]}" -- "${ENDPOINTS[@]}"
} | tee "$OUT/results.txt"
