#!/usr/bin/env bash
# The regime over the shared history (docs/macro.md, "Over the shared history"), one command:
#   bench/macro/history.sh [DATA_DIR]      (default ../shared/data next to the repository)
# Starts the packaged app (demo profile: embedded PostgreSQL in a fresh directory under target/, BTC/ETH/SOL seeded,
# scheduler off), imports the shared daily candles of BTCUSDT/ETHUSDT/SOLUSDT through the admin candle import, the
# Fear & Greed primary copy, CoinGecko's total market cap and the derived BTC dominance through the macro imports,
# runs the regime backfill (timed), and prints the timeline (runs of consecutive days in one regime) as a Markdown
# table. Nothing is copied into the repository: the files are read where they are and the database is thrown away.
# Then the benchmarks (docs/benchmarks.md, "Macro"), in the same run: ROUNDS (default 5) backfills of the whole
# history, each reporting the milliseconds it spent reading (candles through market's CandleSeriesService, F&G and
# market cap rows), classifying and writing, so the ratio of a backfill to reading its inputs alone comes from the same
# run; and wrk (CONN connections, WARMUP then ROUNDS × ROUND_SECONDS each, alternating) on GET /api/v1/macro/overview
# against GET /api/v1/assets/BTC/candles?timeframe=1d&limit=100 (the latest-100-candles read, cached hot series).
# BENCH=0 skips them.
# Needs: the packaged app (./mvnw -B package -DskipTests; built when missing), curl, jq, bc, wrk.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
DATA=${1:-$(cd "$root/.." && pwd)/shared/data}
PORT=${PORT:-18581}
MGMT=$((PORT + 100))
DB_DIR="$root/target/bench-macro-db"
OUT=${OUT:-/tmp/coinpilot-macro-history}
mkdir -p "$OUT"
base="http://127.0.0.1:$PORT"

[ -f "$root/target/quarkus-app/quarkus-run.jar" ] || (cd "$root" && ./mvnw -B -q package -DskipTests)
echo "== $(nproc) cores; $(java -version 2>&1 | head -1); $(date -u); load: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$DB_DIR"
java -Xmx768m -Dquarkus.profile=demo -Dcoinpilot.embedded-db.data-dir="$DB_DIR" -Dcoinpilot.embedded-db.port=$((PORT + 200)) \
     -Dquarkus.scheduler.enabled=false -Dquarkus.http.port="$PORT" -Dquarkus.management.port="$MGMT" \
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
post_csv() { # $1 = path with query, $2 = file
  curl -fs "${auth[@]}" -H 'Content-Type: text/csv' --data-binary "@$2" "$base$1" \
    | jq -c '{received, inserted, updated, unchanged, absent: .absent, rejected: (.rejected | length)}'
}
for s in BTC ETH SOL; do
  echo "candles $s: $(post_csv "/api/v1/admin/assets/$s/candles/import?timeframe=1d" "$DATA/market/${s}USDT-1d.csv")"
done
echo "fear & greed: $(post_csv /api/v1/admin/macro/sentiment/import "$DATA/macro/fng_alternative_me__edwardchin811227.csv")"
echo "total market cap: $(post_csv '/api/v1/admin/macro/dominance/import?field=total_market_cap' \
  "$DATA/macro/coingecko_total_market_cap_usd_daily.csv")"
echo "btc dominance: $(post_csv '/api/v1/admin/macro/dominance/import?field=btc_dominance' \
  "$DATA/macro/btc_dominance_pct_daily_derived_coingecko.csv")"

start=$(date +%s.%N)
curl -fs "${auth[@]}" -X POST "$base/api/v1/admin/macro/regimes/backfill" > "$OUT/backfill.json"
end=$(date +%s.%N)
echo "backfill: $(cat "$OUT/backfill.json") in $(echo "$end - $start" | bc) s"

: > "$OUT/regimes.jsonl"
cursor=""
while :; do
  page=$(curl -fs "$base/api/v1/macro/regimes?from=2017-01-01&limit=1000${cursor:+&cursor=$cursor}")
  echo "$page" | jq -c '.items[] | {date, regime, confidence, score: .analysisData.score}' >> "$OUT/regimes.jsonl"
  cursor=$(echo "$page" | jq -r '.nextCursor // empty')
  [ -n "$cursor" ] || break
done
echo "days: $(wc -l < "$OUT/regimes.jsonl")"
echo
echo "| from | to | days | regime | mean confidence | mean score |"
echo "| --- | --- | --- | --- | --- | --- |"
jq -rs '
  reduce .[] as $d ([]; if length > 0 and .[-1].regime == $d.regime
      then .[-1].to = $d.date | .[-1].days += 1 | .[-1].conf += ($d.confidence | tonumber) | .[-1].score += $d.score
      else . + [{from: $d.date, to: $d.date, days: 1, regime: $d.regime, conf: ($d.confidence | tonumber), score: $d.score}] end)
  | .[] | "| \(.from) | \(.to) | \(.days) | \(.regime) | \(.conf / .days * 100 | round / 100) | \(.score / .days * 100 | round / 100) |"' \
  "$OUT/regimes.jsonl"

[ "${BENCH:-1}" = 1 ] || exit 0
ROUNDS=${ROUNDS:-5} ROUND_SECONDS=${ROUND_SECONDS:-10} WARMUP=${WARMUP:-30s} CONN=${CONN:-8}
echo
echo "== regime backfill, whole history, $ROUNDS rounds (load $(cut -d' ' -f1-3 /proc/loadavg))"
echo "| round | days | total ms | read ms | classify ms | write ms | ms per day | total / read |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
for round in $(seq 1 "$ROUNDS"); do
  t0=$(date +%s%N)
  r=$(curl -fs "${auth[@]}" -X POST "$base/api/v1/admin/macro/regimes/backfill")
  total=$(( ($(date +%s%N) - t0) / 1000000 ))
  echo "$r" | jq -r --arg total "$total" --arg round "$round" '"| \($round) | \(.classified) | \($total) | \(.readMillis) | \(.classifyMillis) | \(.writeMillis) | \(($total | tonumber) / .classified * 1000 | round / 1000) | \(($total | tonumber) / .readMillis * 100 | round / 100) |"'
done

overview="$base/api/v1/macro/overview"
candles="$base/api/v1/assets/BTC/candles?timeframe=1d&limit=100"
curl -fs "$overview" | head -c 400; echo
wrk -t2 -c"$CONN" -d"$WARMUP" "$overview" > /dev/null
wrk -t2 -c"$CONN" -d"$WARMUP" "$candles" > /dev/null
run_wrk() { wrk -t2 -c"$CONN" -d"${ROUND_SECONDS}s" "$1" | awk '/Requests\/sec/ {print $2}'; }
echo
echo "== overview vs latest 100 candles, wrk -c$CONN, ${ROUND_SECONDS}s each, alternating"
echo "| round | overview req/s | candles req/s | overview / candles | load |"
echo "| --- | --- | --- | --- | --- |"
for round in $(seq 1 "$ROUNDS"); do
  o=$(run_wrk "$overview")
  c=$(run_wrk "$candles")
  echo "| $round | $o | $c | $(echo "scale=2; $o / $c" | bc) | $(cut -d' ' -f1 /proc/loadavg) |"
done
