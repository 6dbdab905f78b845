#!/usr/bin/env bash
# Walk-forward leaderboard over the shared history (docs/predictions.md "Leaderboard"), one command:
#   bench/predictions/walkforward.sh [DATA_DIR]     (default ../shared/data next to the repository)
# Starts the packaged app (demo profile) against the system PostgreSQL 15 (role bench/bench; the database
# bench_predictions_wf is created when missing and its schema public DROPPED and rebuilt by Flyway), scheduler off;
# imports the shared daily candles of BTCUSDT/ETHUSDT/SOLUSDT through the admin candle import and the macro series
# (Fear & Greed, total market cap, BTC dominance) through the macro imports, backfills the regimes; runs the job
# prediction.models.train (naive, drift and ridge per asset, chosen on validation data, held-out part never seen);
# writes, walk-forward, one prediction per held-out day of every active version with the project's forecaster classes
# (bench/predictions/WalkForwardPredictions.java: each sees only the closes up to its origin); runs the job
# prediction.predictions.score, which scores every one of them against the stored candles and writes the scorecards;
# prints the leaderboard (window all) and the breakdowns by regime as Markdown. Nothing is copied into the repository:
# the files are read where they are.
# Needs: the packaged app (./mvnw -B package -DskipTests; built when missing), psql, curl, jq, java.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
DATA=${1:-$(cd "$root/.." && pwd)/shared/data}
DB_HOST=${DB_HOST:-localhost} DB_PORT=${DB_PORT:-5432} DB_NAME=${DB_NAME:-bench_predictions_wf}
export PGPASSWORD=${DB_PASSWORD:-bench} PGUSER=${DB_USER:-bench} PGOPTIONS="-c client_min_messages=warning"
PORT=${PORT:-18595}
BASE="http://127.0.0.1:$PORT" MGMT="http://127.0.0.1:$((PORT + 100))"
psql_() { psql -h "$DB_HOST" -p "$DB_PORT" -d "$DB_NAME" -v ON_ERROR_STOP=1 -qAt "$@"; }

[ -f "$root/target/quarkus-app/quarkus-run.jar" ] || (cd "$root" && ./mvnw -B -q package -DskipTests)
if ! psql -h "$DB_HOST" -p "$DB_PORT" -d postgres -qAt -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'" | grep -q 1; then
  su postgres -c "createdb -O $PGUSER $DB_NAME" 2>/dev/null || psql -h "$DB_HOST" -p "$DB_PORT" -d postgres -c "CREATE DATABASE $DB_NAME"
fi
echo "== $(nproc) cores; $(java -version 2>&1 | head -1); $(date -u); load: $(cut -d' ' -f1-3 /proc/loadavg)"
psql_ -c "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"

app_pid=
trap '[ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true' EXIT
QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$DB_HOST:$DB_PORT/$DB_NAME" \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME" \
QUARKUS_DATASOURCE_USERNAME="$PGUSER" QUARKUS_DATASOURCE_PASSWORD="$PGPASSWORD" \
java -Xmx1g -Dquarkus.profile=demo -Dcoinpilot.embedded-db.enabled=false -Dquarkus.scheduler.enabled=false \
     -Dquarkus.http.port="$PORT" -Dquarkus.management.port="$((PORT + 100))" -Dquarkus.http.host=127.0.0.1 \
     -Dquarkus.log.level=WARN -jar "$root/target/quarkus-app/quarkus-run.jar" > /tmp/coinpilot-walkforward.log 2>&1 &
app_pid=$!
for _ in $(seq 1 180); do curl -fs "$MGMT/q/health/ready" > /dev/null 2>&1 && break; sleep 1; done
curl -fs "$MGMT/q/health/ready" > /dev/null || { tail -50 /tmp/coinpilot-walkforward.log; exit 1; }
token=$(curl -fs "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"admin@demo.coinpilot.dev","password":"Coinpilot-demo-2026"}' | jq -r .accessToken)
auth=(-H "Authorization: Bearer $token")
post_csv() { # $1 = path with query, $2 = file
  curl -fs "${auth[@]}" -H 'Content-Type: text/csv' --data-binary "@$2" "$BASE$1" \
    | jq -c '{received, inserted, updated, unchanged, rejected: (.rejected | length)}'
}
job() { curl -fs "${auth[@]}" -X POST -H 'Content-Type: application/json' -d '{}' "$BASE/api/v1/admin/jobs/$1/runs?wait=true" | jq -c '{status, result, executionTimeSeconds}'; }

for s in BTC ETH SOL; do
  echo "candles $s: $(post_csv "/api/v1/admin/assets/$s/candles/import?timeframe=1d" "$DATA/market/${s}USDT-1d.csv")"
done
echo "fear & greed: $(post_csv /api/v1/admin/macro/sentiment/import "$DATA/macro/fng_alternative_me__edwardchin811227.csv")"
echo "total market cap: $(post_csv '/api/v1/admin/macro/dominance/import?field=total_market_cap' \
  "$DATA/macro/coingecko_total_market_cap_usd_daily.csv")"
echo "btc dominance: $(post_csv '/api/v1/admin/macro/dominance/import?field=btc_dominance' \
  "$DATA/macro/btc_dominance_pct_daily_derived_coingecko.csv")"
echo "regime backfill: $(curl -fs "${auth[@]}" -X POST "$BASE/api/v1/admin/macro/regimes/backfill" | jq -c .)"
echo "training: $(job prediction.models.train)"

cp="$root/target/classes:$(ls ~/.m2/repository/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar)"
cp="$cp:$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | sort -V | tail -1)"
java -cp "$cp" "$here/WalkForwardPredictions.java" "jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME" "$PGUSER" "$PGPASSWORD"
echo "scoring: $(job prediction.predictions.score)"

echo
echo "Leaderboard, window all (every held-out day), $(date -u +%F):"
echo
echo "| rank | model version | predictions | MAE | RMSE | MAPE % | MASE | directional accuracy | p-value | beats naive |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
curl -fs "${auth[@]}" "$BASE/api/v1/models/leaderboard?window=all" | jq -r '.items[] |
  def r(n): if . == null then "–" else (. * pow(10; n) | round / pow(10; n)) end;
  "| \(.rank) | \(.name) \(.version) | \(.count) | \(.mae | r(2)) | \(.rmse | r(2)) | \(.mape | r(3)) | \(.mase | r(4)) | \(.directionalAccuracy | r(4)) | \(.directionalPValue | r(4)) | \(if .beatsNaive then "yes" else "no" end) |"'

echo
echo "By regime of the day before the prediction (MASE, predictions):"
echo
echo "| model version | bull | bear | sideways | unknown |"
echo "| --- | --- | --- | --- | --- |"
curl -fs "${auth[@]}" "$BASE/api/v1/models/leaderboard?window=all" | jq -r '.items[] | "\(.modelId) \(.name)"' |
while read -r id name; do
  curl -fs "${auth[@]}" "$BASE/api/v1/models/$id/performance?window=all&limit=1" | jq -r --arg id "$name" '.[0] as $c |
    def cell(g): ($c.byRegime | map(select(.regime == g)) | first) as $x |
      if $x == null then "–" else "\(if $x.mase == null then "–" else ($x.mase * 1000 | round / 1000) end) (\($x.count))" end;
    "| \($id) | \(cell("bull")) | \(cell("bear")) | \(cell("sideways")) | \(cell("unknown")) |"'
done
echo
echo "Reliability table of the first version (confidence = P(error within the threshold) under a normal log error of the EWMA volatility):"
first=$(curl -fs "${auth[@]}" "$BASE/api/v1/models/leaderboard?window=all" | jq -r '.items[0].modelId')
curl -fs "${auth[@]}" "$BASE/api/v1/models/$first/performance?window=all&limit=1" | jq -c '.[0].reliability[]'
