# Shared by bench/replicas/run.sh and bench/load/run.sh (sourced, not run): three replicas of the packaged jar on one
# database. Database: the system PostgreSQL 15 (pg_ctlcluster 15 main start), role bench/bench; DB_NAME is created
# when missing and its schema public is DROPPED and rebuilt by the first replica's Flyway. Replicas: demo profile
# (demo accounts, BTC/ETH/SOL), embedded database off, scheduler ON unless SCHEDULER=false, on 127.0.0.1 ports
# PORT, PORT+1, PORT+2 (management port +100 each). REPLICA_OPTS adds JVM options to all three. Access tokens live
# 2 h instead of 15 min: the scripts sign in once, and a 1,000,000-alert kill check outlives 15 minutes.
set -euo pipefail
root="$(cd "$here/../.." && pwd)"
DB_HOST=${DB_HOST:-localhost} DB_PORT=${DB_PORT:-5432}
export PGPASSWORD=${DB_PASSWORD:-bench} PGUSER=${DB_USER:-bench} PGOPTIONS="-c client_min_messages=warning"
OUT=${OUT:-$(mktemp -d -t coinpilot-replicas.XXXXXX)}
psql_() { psql -h "$DB_HOST" -p "$DB_PORT" -d "$DB_NAME" -v ON_ERROR_STOP=1 -qAt "$@"; }
url() { echo "http://127.0.0.1:$((PORT + $1))"; }       # replica 0, 1, 2
mgmt() { echo "http://127.0.0.1:$((PORT + 100 + $1))"; }
NAMES=(A B C)

[ -f "$root/target/quarkus-app/quarkus-run.jar" ] || (cd "$root" && ./mvnw -B -q package -DskipTests)
if ! psql -h "$DB_HOST" -p "$DB_PORT" -d postgres -qAt -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'" | grep -q 1; then
  su postgres -c "createdb -O $PGUSER $DB_NAME" 2>/dev/null || psql -h "$DB_HOST" -p "$DB_PORT" -d postgres -c "CREATE DATABASE $DB_NAME"
fi
psql_ -c "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"

pids=(0 0 0)
stop_all() { for p in "${pids[@]}"; do [ "$p" != 0 ] && kill "$p" 2>/dev/null || true; done; }
trap stop_all EXIT
start_replica() { # $1 = index; the first one migrates
  local i=$1
  QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$DB_HOST:$DB_PORT/$DB_NAME" \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME" \
  QUARKUS_DATASOURCE_USERNAME="$PGUSER" QUARKUS_DATASOURCE_PASSWORD="$PGPASSWORD" \
  java -Xmx${HEAP:-384m} ${REPLICA_OPTS:-} -Dquarkus.profile=demo -Dcoinpilot.embedded-db.enabled=false \
       -Dquarkus.scheduler.enabled="${SCHEDULER:-true}" -Dquarkus.flyway.migrate-at-start="$([ "$i" = 0 ] && echo true || echo false)" \
       -Dquarkus.http.port=$((PORT + i)) -Dquarkus.management.port=$((PORT + 100 + i)) -Dquarkus.http.host=127.0.0.1 \
       -Dquarkus.log.level=WARN -Dquarkus.log.category.\"org.coinpilot.common.job\".level=INFO -Dquarkus.datasource.jdbc.acquisition-timeout=120s \
       -Dcoinpilot.identity.tokens.access-token-ttl=2h \
       -jar "${APP:-$root/target/quarkus-app}/quarkus-run.jar" > "$OUT/replica-${NAMES[$i]}.log" 2>&1 &
  pids[$i]=$!
}
wait_ready() { # $1 = index
  for _ in $(seq 1 240); do curl -fs "$(mgmt "$1")/q/health/ready" > /dev/null 2>&1 && return 0; sleep 1; done
  echo "replica ${NAMES[$1]} did not start"; tail -40 "$OUT/replica-${NAMES[$1]}.log"; exit 1
}
start_all() {
  start_replica 0; wait_ready 0 # migrations first, then the others side by side
  start_replica 1; start_replica 2; wait_ready 1; wait_ready 2
}
login() { # $1 replica, $2 email -> access token
  curl -fs -H 'Content-Type: application/json' -d "{\"email\":\"$2\",\"password\":\"Coinpilot-demo-2026\"}" \
    "$(url "$1")/api/v1/auth/login" | jq -r .accessToken
}
rss_mib() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status" 2>/dev/null || echo "-"; }
# CPU ticks (utime + stime, 1/100 s) of a process with its threads; of the PostgreSQL 15 cluster's backends
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_ticks() {
  local pm; pm=$(head -1 /var/run/postgresql/15-main.pid)
  local total=0 p
  for p in $(pgrep -P "$pm") "$pm"; do total=$((total + $(ticks "$p"))); done
  echo "$total"
}
app_ticks() { local t=0 p; for p in "${pids[@]}"; do [ "$p" != 0 ] && t=$((t + $(ticks "$p"))); done; echo "$t"; }
