#!/usr/bin/env bash
# Watchlist read benchmark (issue 15, "Measure"): GET /api/v1/watchlists/{id} of a personal list of 50 assets (every
# entry enriched: price, 24h change, RSI14, SMA50 / SMA200 trend, distance from the 365-day high, staleness) against
# the latest-100-candles endpoint GET /api/v1/assets/BK01/candles?timeframe=1d&limit=100 (hot-series cache on, the
# default), with the same load tool and concurrency as bench/macro/history.sh: wrk -t2 -cCONN (8), WARMUP (30 s)
# each, then ROUNDS (5) x ROUND_SECONDS (10) each, alternating. Goal: watchlist req/s >= 0.5 x candles req/s.
#
#   bench/book/watchlist.sh
#   ROUNDS=3 ROUND_SECONDS=5 bench/book/watchlist.sh
#
# Data: market data by SQL (bench/book/lib.sh: 50 assets, 400 daily and 500 hourly closed candles each, stored
# indicators); the list is created and filled THROUGH THE API (POST /api/v1/watchlists, 50 x POST …/assets).
here="$(cd "$(dirname "$0")" && pwd)"
PORT=${PORT:-18661}
source "$here/lib.sh"
ROUNDS=${ROUNDS:-5} ROUND_SECONDS=${ROUND_SECONDS:-10} WARMUP=${WARMUP:-30s} CONN=${CONN:-8} TIMEFRAME=${TIMEFRAME:-1h}
auth=(-H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json')

list=$(curl -fs "${auth[@]}" -d "{\"name\":\"Bench 50\",\"maxAssets\":$ASSETS}" "$BASE/api/v1/watchlists" | jq -r .id)
for s in $(psql_ -c "SELECT symbol FROM cryptocurrencies WHERE symbol LIKE 'BK%' ORDER BY symbol"); do
  side=LONG; [ $((RANDOM % 4)) = 0 ] && side=SHORT
  curl -fs "${auth[@]}" -d "{\"symbol\":\"$s\",\"positionType\":\"$side\",\"notes\":\"watch $s\"}" \
    "$BASE/api/v1/watchlists/$list/assets" > /dev/null
done
watchlist="$BASE/api/v1/watchlists/$list?timeframe=$TIMEFRAME"
candles="$BASE/api/v1/assets/BK01/candles?timeframe=1d&limit=100"
curl -fs "${auth[@]}" "$watchlist" > "$OUT/list.json"
echo "watchlist: $(jq '.items | length' "$OUT/list.json") assets, $(wc -c < "$OUT/list.json") bytes;" \
     "with price $(jq '[.items[] | select(.market.price != null)] | length' "$OUT/list.json")," \
     "rsi $(jq '[.items[] | select(.market.rsi14 != null)] | length' "$OUT/list.json")," \
     "trend $(jq '[.items[] | select(.market.trend != null)] | length' "$OUT/list.json")," \
     "high $(jq '[.items[] | select(.market.high != null)] | length' "$OUT/list.json"); first: $(jq -c '.items[0]' "$OUT/list.json")"
echo "candles: $(curl -fs "$candles" | wc -c) bytes"

wrk -t2 -c"$CONN" -d"$WARMUP" -s "$OUT/auth.lua" "$watchlist" > /dev/null
wrk -t2 -c"$CONN" -d"$WARMUP" "$candles" > /dev/null
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; } # CPU ticks (1/100 s) of a process
pg_ticks() { # of the PostgreSQL 15 cluster (postmaster and its backends)
  local pm t=0 p; pm=$(head -1 /var/run/postgresql/15-main.pid)
  for p in $(pgrep -P "$pm") "$pm"; do t=$((t + $(ticks "$p"))); done; echo "$t"
}
run_wrk() { # url [script]; prints req/s, p50, p99, app and PostgreSQL CPU µs per request; fails on any non-2xx
  local a0 p0 a1 p1
  a0=$(ticks "$app_pid") p0=$(pg_ticks)
  wrk -t2 -c"$CONN" -d"${ROUND_SECONDS}s" --latency ${2:+-s "$2"} "$1" > "$OUT/wrk.txt"
  a1=$(ticks "$app_pid") p1=$(pg_ticks)
  grep -q "Non-2xx" "$OUT/wrk.txt" && { echo "non-2xx answers:" >&2; cat "$OUT/wrk.txt" >&2; exit 1; }
  awk -v a=$((a1 - a0)) -v p=$((p1 - p0)) '/requests in/ {n = $1} /Requests\/sec/ {r = $2} / 50%/ {p50 = $2} / 99%/ {p99 = $2}
    END {printf "%s %s %s %.0f %.0f\n", r, p50, p99, a * 10000 / n, p * 10000 / n}' "$OUT/wrk.txt"
}
echo
echo "== watchlist of 50 (timeframe $TIMEFRAME) vs latest 100 candles, wrk -t2 -c$CONN, ${ROUND_SECONDS}s each, alternating"
echo "(CPU per request: the app's JVM and PostgreSQL's processes, µs, from /proc over each wrk run; wrk's own not counted)"
echo "| round | watchlist req/s (p50, p99) | app / PostgreSQL µs | candles req/s (p50, p99) | app / PostgreSQL µs | watchlist / candles | load |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
: > "$OUT/ratios"
for round in $(seq 1 "$ROUNDS"); do
  read -r w wp50 wp99 wa wp < <(run_wrk "$watchlist" "$OUT/auth.lua")
  read -r c cp50 cp99 ca cpg < <(run_wrk "$candles")
  awk -v r="$round" -v w="$w" -v c="$c" -v l="$(cut -d' ' -f1 /proc/loadavg)" -v wl="$wp50, $wp99" -v cl="$cp50, $cp99" \
    -v wc="$wa / $wp" -v cc="$ca / $cpg" 'BEGIN { printf "| %d | %.0f (%s) | %s | %.0f (%s) | %s | %.2f | %s |\n", r, w, wl, wc, c, cl, cc, w / c, l }'
  awk -v w="$w" -v c="$c" 'BEGIN { printf "%.4f\n", w / c }' >> "$OUT/ratios"
done
echo "| **median of $ROUNDS** | | | | | **$(median < "$OUT/ratios")** | |"
echo "done: $(date -u); load: $(cut -d' ' -f1-3 /proc/loadavg)"
[ -n "${KEEP_SCHEMA:-}" ] || psql_ -c "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"
rm -rf "$OUT"
