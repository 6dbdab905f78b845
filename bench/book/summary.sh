#!/usr/bin/env bash
# Portfolio summary benchmark (issue 15, "Measure"): GET /api/v1/portfolio/summary for a user with POSITIONS (50)
# positions and ACTIONS (10,000) trade actions, against ONE SQL statement reading those rows (the user's positions
# with all their actions, every column: bench/book/book-rows.sql), in the same run. Goal: summary time / statement
# time <= 3.
#
#   bench/book/summary.sh                        # 50 positions x 200 actions, 5 rounds of 10 s each side
#   ROUNDS=3 ROUND_SECONDS=5 bench/book/summary.sh
#   EXPLAIN=1 bench/book/summary.sh              # also prints the plans of the app's statements on this data
#
# Data: market data by SQL (bench/book/lib.sh: 50 assets, 400 daily and 500 hourly closed candles each, indicators);
# the book is built THROUGH THE API by bench/book/book.py (positions, then actions in time order per position,
# 4 positions at once): buys, adds, partial sells / exits, full exits and re-entries, stop / target moves, fees,
# every tenth position a short, priced from the day's stored close; so the ledger values are the app's own.
# Measurement: after WARMUP (30 s) of wrk on the summary, ROUNDS rounds, each back to back: wrk -t1 -c1 for
# ROUND_SECONDS on the summary (mean time = 1 / its rate: one request at a time), then pgbench -c1 -M prepared
# for ROUND_SECONDS on the statement ("latency average"). The ratio per round, then the median.
# Needs: psql, pgbench, wrk, curl, jq, python3, and what bench/book/lib.sh needs.
here="$(cd "$(dirname "$0")" && pwd)"
PORT=${PORT:-18681}
source "$here/lib.sh"
POSITIONS=${POSITIONS:-50} ACTIONS=${ACTIONS:-10000} ROUNDS=${ROUNDS:-5} ROUND_SECONDS=${ROUND_SECONDS:-10} WARMUP=${WARMUP:-30s}

psql_ -c "COPY (SELECT c.symbol, (d.candle_time AT TIME ZONE 'UTC')::date, d.close_price FROM price_data d
                JOIN cryptocurrencies c ON c.id = d.crypto_id
                WHERE c.symbol LIKE 'BK%' AND d.timeframe = '1d' ORDER BY c.symbol, d.candle_time) TO STDOUT WITH (FORMAT csv)" \
  > "$OUT/closes.csv"
python3 "$here/book.py" "$BASE" "$TOKEN" "$OUT/closes.csv" "$POSITIONS" $((ACTIONS / POSITIONS)) "${THREADS:-4}"
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

wrk -t1 -c1 -d"$WARMUP" -s "$OUT/auth.lua" "$summary" > /dev/null
pgbench -h "$DB_HOST" -p "$DB_PORT" -n -M prepared -c1 -T 5 -D uid="$USER_ID" -f "$here/book-rows.sql" "$DB_NAME" > /dev/null 2>&1
echo
echo "== summary (wrk -t1 -c1) vs the statement (pgbench -c1 -M prepared), ${ROUND_SECONDS}s each, alternating"
echo "| round | summary req/s | summary ms (mean) | statement ms (mean) | summary / statement | load |"
echo "| --- | --- | --- | --- | --- | --- |"
: > "$OUT/ratios"
for round in $(seq 1 "$ROUNDS"); do
  rate=$(wrk -t1 -c1 -d"${ROUND_SECONDS}s" -s "$OUT/auth.lua" "$summary" | tee "$OUT/wrk.txt" | awk '/Requests\/sec/ {print $2}')
  grep -q "Non-2xx" "$OUT/wrk.txt" && { echo "summary answered non-2xx:"; cat "$OUT/wrk.txt"; exit 1; }
  stmt=$(pgbench -h "$DB_HOST" -p "$DB_PORT" -n -M prepared -c1 -T "$ROUND_SECONDS" -D uid="$USER_ID" \
    -f "$here/book-rows.sql" "$DB_NAME" 2>&1 | awk '/^latency average/ {print $4}')
  awk -v r="$round" -v rate="$rate" -v s="$stmt" -v l="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
    printf "| %d | %.1f | %.1f | %.1f | %.2f | %s |\n", r, rate, 1000 / rate, s, 1000 / rate / s, l }'
  awk -v rate="$rate" -v s="$stmt" 'BEGIN { printf "%.4f %.3f %.3f\n", 1000 / rate / s, 1000 / rate, s }' >> "$OUT/ratios"
done
echo "| **median of $ROUNDS** | | $(cut -d' ' -f2 "$OUT/ratios" | median) | $(cut -d' ' -f3 "$OUT/ratios" | median) |" \
     "**$(cut -d' ' -f1 "$OUT/ratios" | median)** | |"
echo "done: $(date -u); load: $(cut -d' ' -f1-3 /proc/loadavg)"
[ -n "${KEEP_SCHEMA:-}" ] || psql_ -c "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"
rm -rf "$OUT"
