#!/usr/bin/env bash
# Read benchmark: GET latest 100 candles (wrk, 8 connections) vs pgbench running the same SQL (8 clients), one run.
# Needs: the packaged app (./mvnw -B package -DskipTests), wrk, pgbench, and a PostgreSQL database whose schema
# public is DROPPED and rebuilt by the app's Flyway (default localhost:5432/bench, user/password bench).
# JAVA_OPTS_APP adds JVM options to the app (e.g. -Dquarkus.datasource.reactive.cache-prepared-statements=true).
# WARMUP (default 20s) of wrk precedes each measured wrk run (JIT on a shared 2-core VM).
# Phases: app with the hot-series cache off -> wrk; pgbench; app with the cache on -> wrk; pgbench again.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
DB_HOST=${DB_HOST:-localhost} DB_PORT=${DB_PORT:-5432} DB_NAME=${DB_NAME:-bench}
export PGPASSWORD=${DB_PASSWORD:-bench} PGUSER=${DB_USER:-bench}
DURATION=${DURATION:-20s} SECONDS_PG=${SECONDS_PG:-20} CONN=${CONN:-8} CANDLES=${CANDLES:-20000}
PORT=${PORT:-18481}
url="http://127.0.0.1:$PORT/api/v1/assets/BENCH/candles?timeframe=1h&limit=100"
psql_() { psql -h "$DB_HOST" -p "$DB_PORT" -d "$DB_NAME" -v ON_ERROR_STOP=1 -qAt "$@"; }

echo "== nproc: $(nproc); $(java -version 2>&1 | head -1); $(date -u); load: $(cut -d' ' -f1-3 /proc/loadavg)"
psql_ -c "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"

app_pid=
start_app() { # $1 = cache enabled
  QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$DB_HOST:$DB_PORT/$DB_NAME" \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME" \
  QUARKUS_DATASOURCE_USERNAME="$PGUSER" QUARKUS_DATASOURCE_PASSWORD="$PGPASSWORD" \
  java -Xmx1g ${JAVA_OPTS_APP:-} -Dquarkus.profile=demo -Dcoinpilot.embedded-db.enabled=false -Dquarkus.scheduler.enabled=false \
       -Dquarkus.http.port="$PORT" -Dquarkus.log.level=WARN -Dcoinpilot.market.candles.cache.enabled="$1" \
       -jar "$root/target/quarkus-app/quarkus-run.jar" > "/tmp/coinpilot-read-bench-$1.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$PORT/q/health/ready" > /dev/null 2>&1 && return 0
    sleep 1
  done
  echo "app did not start"; tail -50 "/tmp/coinpilot-read-bench-$1.log"; kill "$app_pid"; exit 1
}
stop_app() { kill "$app_pid"; wait "$app_pid" || true; }
trap '[ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true' EXIT

run_wrk() { # warm-up 5 s, then measured
  wrk -t2 -c"$CONN" -d"${WARMUP:-20s}" "$url" > /dev/null
  wrk -t2 -c"$CONN" -d"$DURATION" --latency "$url" > /tmp/coinpilot-read-bench-wrk.txt
  cat /tmp/coinpilot-read-bench-wrk.txt >&2
  awk '/Requests\/sec/ {print $2}' /tmp/coinpilot-read-bench-wrk.txt
}
run_pgbench() {
  pgbench -h "$DB_HOST" -p "$DB_PORT" -n -M extended -c "$CONN" -j 2 -T "$SECONDS_PG" -D symbol=BENCH -D id="$id" \
    -D tf=1h -D lim=100 -f "$here/latest100.sql" "$DB_NAME" > /tmp/coinpilot-read-bench-pgbench.txt 2>&1
  cat /tmp/coinpilot-read-bench-pgbench.txt >&2
  awk '/^tps/ {print $3}' /tmp/coinpilot-read-bench-pgbench.txt
}

start_app false
psql_ -c "INSERT INTO cryptocurrencies (symbol, name, is_active) VALUES ('BENCH', 'Bench coin', true)"
id=$(psql_ -c "SELECT id FROM cryptocurrencies WHERE symbol = 'BENCH'")
psql_ -c "INSERT INTO price_data (crypto_id, timeframe, candle_time, open_price, high_price, low_price, close_price, volume)
          SELECT $id, '1h', date_trunc('hour', now()) - g * interval '1 hour', 100 + g % 7, 110 + g % 7, 90 + g % 7, 101 + g % 7, 1000 + g
          FROM generate_series(1, $CANDLES) g; ANALYZE price_data; ANALYZE cryptocurrencies;"
curl -fs "$url" -o /tmp/coinpilot-read-bench-sample.json; head -c 300 /tmp/coinpilot-read-bench-sample.json; echo
uncached=$(run_wrk)
stop_app
pg1=$(run_pgbench)
start_app true
curl -fs "$url" > /dev/null
cached=$(run_wrk)
stop_app
pg2=$(run_pgbench)
echo
echo "| measure | value |"
echo "| --- | --- |"
echo "| endpoint, cache off (wrk -c$CONN, req/s) | $uncached |"
echo "| endpoint, cache on (wrk -c$CONN, req/s) | $cached |"
echo "| pgbench same SQL (-c$CONN, tps), after the uncached run | $pg1 |"
echo "| pgbench same SQL (-c$CONN, tps), after the cached run | $pg2 |"
awk -v u="$uncached" -v c="$cached" -v a="$pg1" -v b="$pg2" 'BEGIN {
  p = (a + b) / 2; printf "| uncached / pgbench (mean of both) | %.2f |\n| cached / pgbench (mean of both) | %.2f |\n", u / p, c / p }'
psql_ -c "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"
echo "done: $(date -u)"
