#!/usr/bin/env bash
# Scoring benchmark (issue 16, docs/benchmarks.md "Prediction scoring"): the job prediction.predictions.score scoring
# N (default 100,000) due predictions, run by the application (POST /api/v1/admin/jobs/prediction.predictions.score/
# runs?wait=true; its reported scoringMillis, and the whole run with the scorecards) against ONE set-based statement
# doing the same arithmetic on the same rows (bench/predictions/score_once.sql) with psql, in the same run.
#
#   bench/predictions/score.sh                 # N = 100000, 5 measured rounds of each side, alternating
#   N=20000 REPEAT=1 bench/predictions/score.sh
#
# Needs: the packaged app (./mvnw -B package -DskipTests; built when missing), psql, curl, jq, and the system
# PostgreSQL 15 with a role bench/bench; the database bench_predictions is created when missing and its schema public
# is DROPPED and rebuilt by the app's Flyway. The app runs with the demo profile (demo admin account), scheduler off.
#
# Data: 100 assets × N/100 closed daily candles, one 1d model version, one prediction per candle (target = the
# candle's close time, predicted = close × (1 ± 1..5 %), threshold 2 %, confidence 0.5), all due; plus 1 % of
# predictions whose target candle is missing (they stay waiting on both sides). Between rounds every prediction is
# reset to unscored and the table vacuumed, so each pass starts from the same state; one unmeasured job pass first.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
DB_HOST=${DB_HOST:-localhost} DB_PORT=${DB_PORT:-5432} DB_NAME=${DB_NAME:-bench_predictions}
export PGPASSWORD=${DB_PASSWORD:-bench} PGUSER=${DB_USER:-bench} PGOPTIONS="-c client_min_messages=warning"
N=${N:-100000} REPEAT=${REPEAT:-5} PORT=${PORT:-18591}
BASE="http://127.0.0.1:$PORT" MGMT="http://127.0.0.1:$((PORT + 100))"
psql_() { psql -h "$DB_HOST" -p "$DB_PORT" -d "$DB_NAME" -v ON_ERROR_STOP=1 -qAt "$@"; }

[ -f "$root/target/quarkus-app/quarkus-run.jar" ] || (cd "$root" && ./mvnw -B -q package -DskipTests)
if ! psql -h "$DB_HOST" -p "$DB_PORT" -d postgres -qAt -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'" | grep -q 1; then
  su postgres -c "createdb -O $PGUSER $DB_NAME" 2>/dev/null || psql -h "$DB_HOST" -p "$DB_PORT" -d postgres -c "CREATE DATABASE $DB_NAME"
fi
echo "== nproc: $(nproc); $(java -version 2>&1 | head -1); PostgreSQL $(psql_ -c 'SHOW server_version'); $(date -u); load: $(cut -d' ' -f1-3 /proc/loadavg)"
psql_ -c "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"

app_pid=
trap '[ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true' EXIT
QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$DB_HOST:$DB_PORT/$DB_NAME" \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME" \
QUARKUS_DATASOURCE_USERNAME="$PGUSER" QUARKUS_DATASOURCE_PASSWORD="$PGPASSWORD" \
java -Xmx1g ${JAVA_OPTS_APP:-} -Dquarkus.profile=demo -Dcoinpilot.embedded-db.enabled=false -Dquarkus.scheduler.enabled=false \
     -Dquarkus.http.port="$PORT" -Dquarkus.management.port="$((PORT + 100))" -Dquarkus.http.host=127.0.0.1 -Dquarkus.log.level=WARN \
     -jar "$root/target/quarkus-app/quarkus-run.jar" > /tmp/coinpilot-score-bench.log 2>&1 &
app_pid=$!
for _ in $(seq 1 180); do curl -fs "$MGMT/q/health/ready" > /dev/null 2>&1 && break; sleep 1; done
curl -fs "$MGMT/q/health/ready" > /dev/null || { tail -50 /tmp/coinpilot-score-bench.log; exit 1; }
TOKEN=$(curl -fs -H 'Content-Type: application/json' \
  -d '{"email":"admin@demo.coinpilot.dev","password":"Coinpilot-demo-2026"}' "$BASE/api/v1/auth/login" | jq -r .accessToken)

DAYS=$((N / 100))
NOW=$(date -u +%Y-%m-%dT00:00:00Z)
psql_ -v days="$DAYS" -v now="$NOW" <<'SQL'
INSERT INTO cryptocurrencies (symbol, name, is_active, is_supported)
SELECT 'BP' || lpad(g::text, 3, '0'), 'Bench asset ' || g, true, false FROM generate_series(1, 100) g;
-- candles d = 1 .. days before today; every 100th one missing (its prediction waits)
INSERT INTO price_data (crypto_id, timeframe, candle_time, open_price, high_price, low_price, close_price, volume)
SELECT c.id, '1d', :'now'::timestamptz - d * interval '1 day', 100 + d % 7, 110 + d % 7, 90, 100 + d % 5, 1000
FROM cryptocurrencies c CROSS JOIN generate_series(1, :days) d
WHERE c.symbol LIKE 'BP%' AND (c.id + d) % 100 <> 0;
INSERT INTO ai_models (name, version, architecture, model_type, status, is_active, training_data_timeframe, target_variable)
VALUES ('bench-score', 'v1', 'baseline', 'asset', 'active', true, '1d', 'price');
INSERT INTO predictions (crypto_id, ai_models_id, prediction_type, predicted_price, confidence_score, prediction_horizon,
                         target_datetime, input_price, accuracy_threshold, created_at)
SELECT c.id, m.id, 'price', (100 + d % 5) * (1 + ((d % 11) - 5) / 100.0), 0.5, 1,
       :'now'::timestamptz - (d - 1) * interval '1 day', 100 + (d + 1) % 5, 2,
       :'now'::timestamptz - d * interval '1 day'
FROM cryptocurrencies c CROSS JOIN generate_series(1, :days) d CROSS JOIN ai_models m
WHERE c.symbol LIKE 'BP%' AND m.name = 'bench-score';
VACUUM ANALYZE cryptocurrencies; VACUUM ANALYZE price_data; VACUUM ANALYZE predictions;
SQL
echo "predictions: $(psql_ -c 'SELECT count(*) FROM predictions'), due with a candle: $((N - N / 100))"

reset() {
  psql_ -c "UPDATE predictions SET actual_price = NULL, absolute_error = NULL, squared_error = NULL,
              accuracy_percentage = NULL, is_accurate = NULL, is_realized = false, evaluated_at = NULL
            WHERE is_realized; DELETE FROM model_performance;" -c "VACUUM ANALYZE predictions"
}
job() {
  curl -fs -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{}' -X POST \
    "$BASE/api/v1/admin/jobs/prediction.predictions.score/runs?wait=true" > /tmp/coinpilot-score-job.json
  jq -c '.result + {status, executionTimeSeconds}' /tmp/coinpilot-score-job.json
}
statement() { # the server-side time of the statement as psql's \timing reports it (connection set-up excluded)
  psql_ -v now="$(date -u +%Y-%m-%dT%H:%M:%SZ)" -c '\timing on' -f "$here/score_once.sql" |
    awk '/^Time:/ {printf "%d\n", $2}'
}

reset; echo "warm-up: $(job)"
echo
echo "| round | job scored | job scoring ms | job scorecards ms | job run s | statement ms (psql) | scoring / statement | load |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
for round in $(seq 1 "$REPEAT"); do
  reset; r=$(job)
  scored=$(echo "$r" | jq -r '.scored') sm=$(echo "$r" | jq -r '.scoringMillis') cm=$(echo "$r" | jq -r '.scorecardMillis')
  js=$(echo "$r" | jq -r '.executionTimeSeconds')
  [ "$round" = 1 ] && echo "$r" > /tmp/coinpilot-score-round1.json
  reset; st=$(statement)
  echo "| $round | $scored | $sm | $cm | $js | $st | $(echo "scale=2; $sm / $st" | bc) | $(cut -d' ' -f1 /proc/loadavg) |"
done
echo "first round's job result: $(cat /tmp/coinpilot-score-round1.json)"
