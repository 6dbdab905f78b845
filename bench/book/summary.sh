#!/usr/bin/env bash
# Portfolio summary benchmark (issue 15, "Measure"): GET /api/v1/portfolio/summary for a user with POSITIONS (50)
# positions and ACTIONS (10,000) trade actions, against ONE SQL statement reading those rows (the user's positions
# with all their actions, every column: bench/book/book-rows.sql), in the same run. Goal: summary time / statement
# time <= 3.
#
#   bench/book/summary.sh                        # 50 positions x 200 actions, 7 rounds of 5 requests each side
#   ROUNDS=3 PER=3 bench/book/summary.sh
#   EXPLAIN=1 bench/book/summary.sh              # also prints the plans of the app's statements on this data
#
# Data: market data by SQL (bench/book/lib.sh: 50 assets, 400 daily and 500 hourly closed candles each, indicators);
# the book is built by bench/book/book.py: positions through the API; of each position's 200 actions (buys, adds,
# partial sells / exits, full exits and re-entries, stop / target moves, fees 0.1 %, every tenth position a short,
# priced within 1 % of the day's stored close) the first 199 are COPYed into trade_actions by SQL (journal fields
# only) and the last is POSTed through the API, which replays the whole journal and writes every ledger value
# (realized PnL, quantity and average entry after each action, the position): the ledger is the app's own.
# BULK=0 POSTs all 10,000 actions through the API instead (≈ 60 s on a quiet machine, far longer under load).
# Measurement: after WARMUP (20) summaries, ROUNDS rounds, each back to back: PER summaries one at a time (curl
# time_total, mean), then PER statements by pgbench -c1 -M prepared -t PER ("latency average": the statement and
# receiving its 10,000 rows). The ratio per round, then the median. (Per request, not per second: under a loaded
# machine one summary can take seconds, and wrk rounds of 10 s would count only one or two.)
# Needs: psql, pgbench, wrk, curl, jq, python3, and what bench/book/lib.sh needs.
here="$(cd "$(dirname "$0")" && pwd)"
PORT=${PORT:-18681}
source "$here/lib.sh"
POSITIONS=${POSITIONS:-50} ACTIONS=${ACTIONS:-10000} ROUNDS=${ROUNDS:-7} PER=${PER:-5} WARMUP=${WARMUP:-20}

psql_ -c "COPY (SELECT c.symbol, (d.candle_time AT TIME ZONE 'UTC')::date, d.close_price FROM price_data d
                JOIN cryptocurrencies c ON c.id = d.crypto_id
                WHERE c.symbol LIKE 'BK%' AND d.timeframe = '1d' ORDER BY c.symbol, d.candle_time) TO STDOUT WITH (FORMAT csv)" \
  > "$OUT/closes.csv"
bulk=""; [ "${BULK:-1}" = 1 ] && bulk="psql -h $DB_HOST -p $DB_PORT -d $DB_NAME"
python3 "$here/book.py" "$BASE" "$TOKEN" "$OUT/closes.csv" "$POSITIONS" $((ACTIONS / POSITIONS)) "${THREADS:-4}" "$bulk"
psql_ -c "VACUUM ANALYZE portfolio" -c "VACUUM ANALYZE trade_actions"
echo "book: $(psql_ -c "SELECT count(DISTINCT p.id) || ' positions (' || count(DISTINCT p.id) FILTER (WHERE p.quantity > 0)
        || ' open), ' || count(a.id) || ' actions' FROM portfolio p LEFT JOIN trade_actions a ON a.portfolio_id = p.id
        WHERE p.user_id = $USER_ID")"

summary="$BASE/api/v1/portfolio/summary"
curl -fs -H "Authorization: Bearer $TOKEN" "$summary" > "$OUT/summary.json"
echo "summary: $(wc -c < "$OUT/summary.json") bytes; $(jq -c '{valueUsd, realizedPnlUsd, unrealizedPnlUsd, feesPaidUsd, complete,
  positions: (.positions | length), period: (.returns | "\(.from)..\(.to)"),
  twr: .returns.timeWeighted.percent, xirr: .returns.moneyWeighted.percent, roai: .returns.returnOnAverageInvestment.percent}' "$OUT/summary.json")"
echo "statement rows: $(psql_ -v uid="$USER_ID" -f "$here/book-rows.sql" | wc -l)"
if [ -n "${EXPLAIN:-}" ]; then
  psql_ -c "EXPLAIN (ANALYZE, BUFFERS) $(grep -v '^--' "$here/book-rows.sql" | sed "s/:uid/$USER_ID/; s/;\$//")"
fi

# warm-up: WARMUP summaries (JIT) and a few statements
for _ in $(seq 1 "$WARMUP"); do curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" "$summary"; done
pgbench -h "$DB_HOST" -p "$DB_PORT" -n -M prepared -c1 -t 5 -D uid="$USER_ID" -f "$here/book-rows.sql" "$DB_NAME" > /dev/null 2>&1
echo
echo "== summary (curl, one at a time) vs the statement (pgbench -c1 -M prepared), $PER requests each per round, alternating"
echo "| round | summary ms (mean of $PER) | statement ms (pgbench latency average of $PER) | summary / statement | load |"
echo "| --- | --- | --- | --- | --- |"
: > "$OUT/ratios"
for round in $(seq 1 "$ROUNDS"); do
  sum=0
  for _ in $(seq 1 "$PER"); do
    t=$(curl -fs -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $TOKEN" "$summary")
    sum=$(awk -v a="$sum" -v b="$t" 'BEGIN {print a + b * 1000}')
  done
  stmt=$(pgbench -h "$DB_HOST" -p "$DB_PORT" -n -M prepared -c1 -t "$PER" -D uid="$USER_ID" \
    -f "$here/book-rows.sql" "$DB_NAME" 2>&1 | awk '/^latency average/ {print $4}')
  awk -v r="$round" -v s="$sum" -v n="$PER" -v q="$stmt" -v l="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
    printf "| %d | %.1f | %.1f | %.2f | %s |\n", r, s / n, q, s / n / q, l }'
  awk -v s="$sum" -v n="$PER" -v q="$stmt" 'BEGIN { printf "%.4f %.3f %.3f\n", s / n / q, s / n, q }' >> "$OUT/ratios"
done
echo "| **median of $ROUNDS** | $(cut -d' ' -f2 "$OUT/ratios" | median) | $(cut -d' ' -f3 "$OUT/ratios" | median) |" \
     "**$(cut -d' ' -f1 "$OUT/ratios" | median)** | |"
echo "done: $(date -u); load: $(cut -d' ' -f1-3 /proc/loadavg)"
[ -n "${KEEP_SCHEMA:-}" ] || psql_ -c "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"
rm -rf "$OUT"
