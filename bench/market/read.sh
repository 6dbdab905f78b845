#!/usr/bin/env bash
# Read benchmark: GET latest 100 candles (wrk, 8 connections) against pgbench running the same SQL (8 clients).
# Needs: the packaged app (./mvnw -B package -DskipTests), wrk, pgbench, and a PostgreSQL database whose schema
# public is DROPPED and rebuilt by the app's Flyway (default localhost:5432/bench, user/password bench).
#
# Two app processes run side by side: hot-series cache off (the uncached read) and on. After a warm-up of each
# (WARMUP, default 60s: the C2 compiler is busy for a long time on 2 cores), ROUNDS (default 5) rounds each measure,
# back to back, ROUND_SECONDS (default 10) of: wrk on the uncached app, wrk on the cached app, pgbench. Each round's
# ratios compare runs seconds apart, so load from elsewhere on a shared machine hits both sides of a ratio alike;
# the summary is the median over the rounds.
#
# pgbench runs twice per round: -M prepared, the like-for-like baseline (the app keeps named prepared statements per
# connection, quarkus.datasource.reactive.cache-prepared-statements=true, so neither side parses per query), and
# -M extended (parses every time). The goal's ratio is against -M prepared, the stricter of the two.
# JAVA_OPTS_APP adds JVM options to both apps.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
DB_HOST=${DB_HOST:-localhost} DB_PORT=${DB_PORT:-5432} DB_NAME=${DB_NAME:-bench}
export PGPASSWORD=${DB_PASSWORD:-bench} PGUSER=${DB_USER:-bench}
ROUNDS=${ROUNDS:-5} ROUND_SECONDS=${ROUND_SECONDS:-10} WARMUP=${WARMUP:-60s} CONN=${CONN:-8} CANDLES=${CANDLES:-20000}
PORT=${PORT:-18481}
UNCACHED_PORT=$PORT CACHED_PORT=$((PORT + 1))
url() { echo "http://127.0.0.1:$1/api/v1/assets/BENCH/candles?timeframe=1h&limit=100"; }
psql_() { psql -h "$DB_HOST" -p "$DB_PORT" -d "$DB_NAME" -v ON_ERROR_STOP=1 -qAt "$@"; }

[ -f "$root/target/quarkus-app/quarkus-run.jar" ] || (cd "$root" && ./mvnw -B -q package -DskipTests)
echo "== nproc: $(nproc); $(java -version 2>&1 | head -1); $(date -u); load: $(cut -d' ' -f1-3 /proc/loadavg)"
psql_ -c "SET client_min_messages = warning; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"

pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
start_app() { # $1 = port, $2 = cache enabled, $3 = run Flyway
  QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$DB_HOST:$DB_PORT/$DB_NAME" \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME" \
  QUARKUS_DATASOURCE_USERNAME="$PGUSER" QUARKUS_DATASOURCE_PASSWORD="$PGPASSWORD" \
  java -Xmx512m ${JAVA_OPTS_APP:-} -Dquarkus.profile=demo -Dcoinpilot.embedded-db.enabled=false \
       -Dquarkus.scheduler.enabled=false -Dquarkus.flyway.migrate-at-start="$3" -Dquarkus.http.port="$1" -Dquarkus.management.port="$(($1 + 100))" \
       -Dquarkus.http.host=127.0.0.1 -Dquarkus.log.level=WARN -Dcoinpilot.market.candles.cache.enabled="$2" \
       -jar "$root/target/quarkus-app/quarkus-run.jar" > "/tmp/coinpilot-read-bench-$2.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$(($1 + 100))/q/health/ready" > /dev/null 2>&1 && return 0
    sleep 1
  done
  echo "app did not start"; tail -50 "/tmp/coinpilot-read-bench-$2.log"; exit 1
}

start_app "$UNCACHED_PORT" false true # migrates the schema
start_app "$CACHED_PORT" true false
psql_ -c "INSERT INTO cryptocurrencies (symbol, name, is_active) VALUES ('BENCH', 'Bench coin', true)"
id=$(psql_ -c "SELECT id FROM cryptocurrencies WHERE symbol = 'BENCH'")
# base and quote volume as Binance prints them (8 decimals), the USD volume the quote volume rounded to cents
psql_ -c "INSERT INTO price_data (crypto_id, timeframe, candle_time, open_price, high_price, low_price, close_price, volume,
                                  base_volume, quote_volume)
          SELECT $id, '1h', date_trunc('hour', now()) - g * interval '1 hour', 100 + g % 7, 110 + g % 7, 90 + g % 7, 101 + g % 7,
                 round((10 + g / 1000.0) * (101 + g % 7), 2), round(10 + g / 1000.0, 8), round((10 + g / 1000.0) * (101 + g % 7), 8)
          FROM generate_series(1, $CANDLES) g; ANALYZE price_data; ANALYZE cryptocurrencies;"
curl -fs "$(url "$UNCACHED_PORT")" -o /tmp/coinpilot-read-bench-sample.json; head -c 300 /tmp/coinpilot-read-bench-sample.json; echo
cmp -s /tmp/coinpilot-read-bench-sample.json <(curl -fs "$(url "$CACHED_PORT")") || { echo "cached and uncached pages differ"; exit 1; }

wrk -t2 -c"$CONN" -d"$WARMUP" "$(url "$UNCACHED_PORT")" > /dev/null
wrk -t2 -c"$CONN" -d"$WARMUP" "$(url "$CACHED_PORT")" > /dev/null
run_wrk() { wrk -t2 -c"$CONN" -d"${ROUND_SECONDS}s" "$(url "$1")" | awk '/Requests\/sec/ {print $2}'; }
run_pgbench() { # $1 = query mode
  pgbench -h "$DB_HOST" -p "$DB_PORT" -n -M "$1" -c "$CONN" -j 2 -T "$ROUND_SECONDS" -D id="$id" -D tf=1h \
    -D lim=100 -f "$here/latest100.sql" "$DB_NAME" 2>&1 | awk '/^tps/ {print $3}'
}

echo
echo "| round | uncached req/s | cached req/s | pgbench -M prepared tps | pgbench -M extended tps |\
 uncached / prepared | cached / prepared | uncached / extended | load |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
: > /tmp/coinpilot-read-bench-ratios.txt
for round in $(seq 1 "$ROUNDS"); do
  u=$(run_wrk "$UNCACHED_PORT")
  c=$(run_wrk "$CACHED_PORT")
  p=$(run_pgbench prepared)
  e=$(run_pgbench extended)
  awk -v r="$round" -v u="$u" -v c="$c" -v p="$p" -v e="$e" -v l="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
    printf "| %d | %.0f | %.0f | %.0f | %.0f | %.2f | %.2f | %.2f | %s |\n", r, u, c, p, e, u / p, c / p, u / e, l }'
  echo "$u $c $p $e" >> /tmp/coinpilot-read-bench-ratios.txt
done
median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.2f", v[int((NR + 1) / 2)] }'; }
ratio() { awk "{ printf \"%.4f\\n\", $1 }" /tmp/coinpilot-read-bench-ratios.txt | median; }
echo "| **median of $ROUNDS rounds** | | | | | **$(ratio '$1 / $3')** | **$(ratio '$2 / $3')** | $(ratio '$1 / $4') | |"
psql_ -c "SET client_min_messages = warning; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"
echo "done: $(date -u)"
