#!/usr/bin/env bash
# Prediction job benchmark (issue 16, "Measure"): prediction.predictions.generate for 3 assets × 3 horizons over the
# real stored history, one command:
#   bench/predictions/generate.sh [DATA_DIR]      (default ../shared/data next to the repository)
#
# Starts the packaged app (demo profile: BTC, ETH, SOL seeded; scheduler off) against the system PostgreSQL 15
# (pg_ctlcluster 15 main start; role bench/bench; the database bench_predictions is created when missing and its
# schema public is DROPPED and rebuilt by the app's Flyway), imports the shared daily candles of BTCUSDT, ETHUSDT and
# SOLUSDT through the admin candle import (read where they are, nothing is copied into the repository), trains the
# baseline models at horizons 1, 3 and 7 days (prediction.models.train, timed for information), then runs the
# prediction job as of AS_OF (default 2026-04-30T00:00:00Z, the close of the last shared candle):
#   - ROUNDS (default 5) measured runs after WARMUP (default 3) unmeasured ones, each starting from an empty
#     predictions table (DELETE between runs), so each run creates every prediction: 3 assets × 3 horizons × 3
#     active versions (naive, drift, ridge) = 27 predictions from up to 3,178 candles per series;
#   - then ROUNDS runs on the same closed candle, which find every prediction made and add nothing (idempotency).
# Each run goes through POST /api/v1/admin/jobs/prediction.predictions.generate/runs?wait=true; reported: the
# wall time of that call and the run's own execution time as recorded in background_tasks; medians at the end.
# Needs: the packaged app (./mvnw -B package -DskipTests; built when missing), psql, curl, jq.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
DATA=${1:-$(cd "$root/.." && pwd)/shared/data}
DB_HOST=${DB_HOST:-localhost} DB_PORT=${DB_PORT:-5432} DB_NAME=${DB_NAME:-bench_predictions}
export PGPASSWORD=${DB_PASSWORD:-bench} PGUSER=${DB_USER:-bench} PGOPTIONS="-c client_min_messages=warning"
ROUNDS=${ROUNDS:-5} WARMUP=${WARMUP:-3} AS_OF=${AS_OF:-2026-04-30T00:00:00Z} PORT=${PORT:-18591}
MGMT=$((PORT + 100))
base="http://127.0.0.1:$PORT"
OUT=$(mktemp -d -t coinpilot-predictions-bench.XXXXXX)
psql_() { psql -h "$DB_HOST" -p "$DB_PORT" -d "$DB_NAME" -v ON_ERROR_STOP=1 -qAt "$@"; }

[ -f "$root/target/quarkus-app/quarkus-run.jar" ] || (cd "$root" && ./mvnw -B -q package -DskipTests)
echo "== $(nproc) cores; $(java -version 2>&1 | head -1); $(date -u); load: $(cut -d' ' -f1-3 /proc/loadavg)"
if ! psql -h "$DB_HOST" -p "$DB_PORT" -d postgres -qAt -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'" | grep -q 1; then
  su postgres -c "createdb -U postgres -O $PGUSER $DB_NAME" 2>/dev/null \
    || psql -h "$DB_HOST" -p "$DB_PORT" -d postgres -c "CREATE DATABASE $DB_NAME"
fi
psql_ -c "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"

QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$DB_HOST:$DB_PORT/$DB_NAME" \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME" \
QUARKUS_DATASOURCE_USERNAME="$PGUSER" QUARKUS_DATASOURCE_PASSWORD="$PGPASSWORD" \
java -Xmx768m -Dquarkus.profile=demo -Dcoinpilot.embedded-db.enabled=false -Dquarkus.scheduler.enabled=false \
     -Dcoinpilot.prediction.training.horizons=1,3,7 -Dquarkus.http.port="$PORT" -Dquarkus.management.port="$MGMT" \
     -Dquarkus.http.host=127.0.0.1 -Dquarkus.log.level=WARN \
     -jar "$root/target/quarkus-app/quarkus-run.jar" > "$OUT/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$MGMT/q/health/ready" > /dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$MGMT/q/health/ready" > /dev/null || { echo "app did not start"; tail -40 "$OUT/app.log"; exit 1; }

token=$(curl -fs "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"admin@demo.coinpilot.dev","password":"Coinpilot-demo-2026"}' | jq -r .accessToken)
auth=(-H "Authorization: Bearer $token")
for s in BTC ETH SOL; do
  echo "candles $s: $(curl -fs "${auth[@]}" -H 'Content-Type: text/csv' --data-binary "@$DATA/market/${s}USDT-1d.csv" \
    "$base/api/v1/admin/assets/$s/candles/import?timeframe=1d" | jq -c '{received, inserted, rejected: (.rejected | length)}')"
done
# exactly the three assets are supported (the demo seed makes them so; nothing else exists)
echo "supported: $(psql_ -c "SELECT string_agg(symbol, ',' ORDER BY symbol) FROM cryptocurrencies WHERE is_supported AND is_active")"

run_job() { # $1 = job, $2 = params JSON; prints "wall_ms exec_s result"
  local t0 t1 body
  t0=$(date +%s%N)
  body=$(curl -fs "${auth[@]}" -H 'Content-Type: application/json' -d "{\"params\": $2}" \
    "$base/api/v1/admin/jobs/$1/runs?wait=true")
  t1=$(date +%s%N)
  [ "$(echo "$body" | jq -r .status)" = COMPLETED ] || { echo "run failed: $body" >&2; exit 1; }
  echo "$(( (t1 - t0) / 1000000 )) $(echo "$body" | jq -r .executionTimeSeconds) $(echo "$body" | jq -c .result)"
}

train=$(run_job prediction.models.train '{}')
echo "training (3 assets × 1d × horizons 1, 3, 7): wall $(echo "$train" | cut -d' ' -f1) ms;" \
  "registered $(echo "$train" | cut -d' ' -f3- | jq '.registered | length'), skipped $(echo "$train" | cut -d' ' -f3- | jq -c .skipped)"
echo "active versions: $(psql_ -c "SELECT count(*) FROM ai_models WHERE is_active")"

params="{\"asOf\": \"$AS_OF\"}"
fresh() { psql_ -c "DELETE FROM predictions" -c "VACUUM ANALYZE predictions"; }
for _ in $(seq 1 "$WARMUP"); do fresh; run_job prediction.predictions.generate "$params" > /dev/null; done

echo
echo "== prediction.predictions.generate as of $AS_OF, $ROUNDS rounds after $WARMUP warm-up runs"
echo "| round | kind | predictions created | already made | wall ms | recorded execution s | load |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
: > "$OUT/fresh.txt"; : > "$OUT/again.txt"
for round in $(seq 1 "$ROUNDS"); do
  fresh
  r=$(run_job prediction.predictions.generate "$params")
  res=$(echo "$r" | cut -d' ' -f3-)
  echo "| $round | fresh | $(echo "$res" | jq .created) | $(echo "$res" | jq .alreadyPredicted) | $(echo "$r" | cut -d' ' -f1) | $(echo "$r" | cut -d' ' -f2) | $(cut -d' ' -f1 /proc/loadavg) |"
  echo "$r" | cut -d' ' -f1 >> "$OUT/fresh.txt"
  [ "$(echo "$res" | jq .created)" = 27 ] || { echo "expected 27 predictions: $res"; exit 1; }
done
for round in $(seq 1 "$ROUNDS"); do
  r=$(run_job prediction.predictions.generate "$params")
  res=$(echo "$r" | cut -d' ' -f3-)
  echo "| $round | same candle again | $(echo "$res" | jq .created) | $(echo "$res" | jq .alreadyPredicted) | $(echo "$r" | cut -d' ' -f1) | $(echo "$r" | cut -d' ' -f2) | $(cut -d' ' -f1 /proc/loadavg) |"
  echo "$r" | cut -d' ' -f1 >> "$OUT/again.txt"
done
median() { sort -n "$1" | awk '{a[NR] = $1} END {print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
echo
echo "median wall ms: fresh $(median "$OUT/fresh.txt"), same candle again $(median "$OUT/again.txt")"
echo "rows: $(psql_ -c "SELECT count(*) FROM predictions")"
echo "sample:"
psql_ -c "SELECT c.symbol, m.name, p.prediction_horizon, p.target_datetime, round(p.input_price, 2), round(p.predicted_price, 2),
                 p.confidence_score, p.volatility_level, p.predicted_value->>'lower' AS lower, p.predicted_value->>'upper' AS upper
          FROM predictions p JOIN cryptocurrencies c ON c.id = p.crypto_id JOIN ai_models m ON m.id = p.ai_models_id
          ORDER BY c.symbol, p.prediction_horizon, m.name" -F ' | '
