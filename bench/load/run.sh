#!/usr/bin/env bash
# Long load (issue 17 item 7): a mixed load at a STEADY RATE against three replicas on one database
# (bench/replicas/lib.sh), by bench/load/Load.java (open loop, round-robin over the replicas, latency from each
# request's scheduled start).
#
#   bench/load/run.sh                               # sweep 10,20,40,80 req/s x 30 s, then 10 min at RATE=20
#   RATE=30 DURATION=600 SWEEP="20 40 60" SWEEP_SECONDS=30 bench/load/run.sh
#
# Mix (weights out of 100): GET latest 100 candles 30 (BK01..BK20, 1h, hot-series cache on), GET indicators
# (rsi_14, sma_50, 100 points) 15, GET /api/v1/macro/overview 15, GET a 20-asset watchlist with enrichment 20;
# authenticated writes: PATCH a watchlist entry's notes 7, POST a price alert 7, POST a trade action (BUY 0.01 /
# PARTIAL_SELL 0.001 on the user's position) 6. USERS (10) users, each with its token, list and position.
# The replicas run with the scheduler ON (jobs as configured: alerts, notifications, indicators ...; the jobs that
# call the internet fail here, offline).
# Prints: per phase and route n, 2xx / 4xx / 5xx / errors, p50 / p99 / max ms; RSS of each replica at the start,
# middle and end of the long run; CPU seconds of the replicas and of PostgreSQL during it (the database's share);
# load average. The sweep's highest rate whose overall p99 < 100 ms with no 5xx is printed at the end.
# Needs: the packaged app, psql, curl, jq, java 17 (java Load.java).
here="$(cd "$(dirname "$0")" && pwd)"
PORT=${PORT:-18951} DB_NAME=${DB_NAME:-bench_load}
RATE=${RATE:-20} DURATION=${DURATION:-600} SWEEP=${SWEEP:-"10 20 40 80"} SWEEP_SECONDS=${SWEEP_SECONDS:-30}
USERS=${USERS:-10} ASSETS=${ASSETS:-20} WARMUP_SECONDS=${WARMUP_SECONDS:-60}
# the auth request limit (30 a minute per address) would refuse the set-up's logins of USERS users from one address,
# and the 15-minute access tokens would expire during set-up + sweep + long run: both lifted for the run
REPLICA_OPTS="${REPLICA_OPTS:-} -Dcoinpilot.identity.rate-limit.requests.limit=1000 -Dcoinpilot.identity.tokens.access-token-ttl=2h"
source "$here/../replicas/lib.sh"
echo "== nproc: $(nproc); $(java -version 2>&1 | head -1); PostgreSQL $(psql_ -c 'SHOW server_version'); $(date -u);" \
     "load: $(cut -d' ' -f1-3 /proc/loadavg); logs in $OUT"
start_all

# market data by SQL: ASSETS assets, 500 hourly and 400 daily closed candles each with stored RSI / SMA values
psql_ <<SQL
INSERT INTO cryptocurrencies (symbol, name, is_active, is_supported)
SELECT 'BK' || lpad(g::text, 2, '0'), 'Load bench asset ' || g, true, true FROM generate_series(1, $ASSETS) g;
SELECT setseed(0.25);
INSERT INTO price_data (crypto_id, timeframe, candle_time, open_price, high_price, low_price, close_price, volume,
                        base_volume, quote_volume, technical_indicators)
SELECT c.id, t.tf, CASE t.tf WHEN '1d' THEN date_trunc('day', now()) - g * interval '1 day' ELSE date_trunc('hour', now()) - g * interval '1 hour' END,
       100 + g % 7, 110 + g % 7, 90 + g % 7, 101 + g % 7, 1000, 10, 1000,
       jsonb_build_object('RSI', 30 + (g * 7) % 40, 'SMA', jsonb_build_object('50', 100 + g % 5, '200', 99 + g % 3))
FROM cryptocurrencies c CROSS JOIN (VALUES ('1h', 500), ('1d', 400)) t(tf, n) CROSS JOIN LATERAL generate_series(1, t.n) g
WHERE c.symbol LIKE 'BK%';
-- stored indicators: set by an UPDATE, because V040's insert trigger resets the technical_indicators of inserted candles
-- (an update that leaves the OHLCV alone keeps them)
UPDATE price_data p
SET technical_indicators = jsonb_build_object(
        'RSI', 30 + (extract(epoch FROM p.candle_time)::bigint / 3600 * 7) % 40,
        'SMA', jsonb_build_object('50', round(p.close_price * 0.98, 8), '200', round(p.close_price * 0.95, 8)))
FROM cryptocurrencies c
WHERE c.id = p.crypto_id AND c.symbol LIKE 'BK%';
INSERT INTO users (email, password_hash, role, is_active, is_verified)
SELECT 'load' || g || '@bench.coinpilot.dev', u.password_hash, 'public', true, true
FROM generate_series(1, $USERS) g, (SELECT password_hash FROM users WHERE email = 'user@demo.coinpilot.dev') u;
ANALYZE;
SQL
symbols=$(psql_ -c "SELECT string_agg(symbol, ',' ORDER BY symbol) FROM cryptocurrencies WHERE symbol LIKE 'BK%'")
conf="$OUT/load.properties"
{
  echo "targets=$(url 0),$(url 1),$(url 2)"
  echo "symbols=$symbols"
} > "$conf"
tokens=()
for u in $(seq 0 $((USERS - 1))); do
  t=$(curl -fs -H 'Content-Type: application/json' -d "{\"email\":\"load$((u + 1))@bench.coinpilot.dev\",\"password\":\"Coinpilot-demo-2026\"}" \
    "$(url $((u % 3)))/api/v1/auth/login" | jq -r .accessToken)
  tokens+=("$t")
  h=(-H "Authorization: Bearer $t" -H 'Content-Type: application/json')
  list=$(curl -fs "${h[@]}" -d '{"name":"Load list","maxAssets":50}' "$(url 0)/api/v1/watchlists" | jq -r .id)
  for s in ${symbols//,/ }; do
    curl -fs "${h[@]}" -d "{\"symbol\":\"$s\",\"positionType\":\"LONG\"}" "$(url 1)/api/v1/watchlists/$list/assets" > /dev/null
  done
  pos=$(curl -fs "${h[@]}" -d '{"symbol":"BK01","assetType":"CRYPTO_ASSET"}' "$(url 2)/api/v1/portfolio/positions" | jq -r .id)
  curl -fs "${h[@]}" -d '{"actionType":"BUY","assetPrice":"100","quantity":"10","feesPaid":"1"}' \
    "$(url 2)/api/v1/portfolio/positions/$pos/actions" > /dev/null
  echo "watchlist.$u=$list" >> "$conf"
  echo "position.$u=$pos" >> "$conf"
done
echo "tokens=$(IFS=,; echo "${tokens[*]}")" >> "$conf"
echo "set-up done: $USERS users, each with a ${ASSETS}-asset list and a position; $(date -u +%T)"

load() { java -Xmx256m "$here/Load.java" "$conf" "$@"; }
echo "== warm-up ${WARMUP_SECONDS}s at ${RATE}/s"
load "$RATE:$WARMUP_SECONDS" | grep ' ALL '

echo "== sweep: ${SWEEP} req/s, ${SWEEP_SECONDS}s each (load $(cut -d' ' -f1-3 /proc/loadavg))"
best=0
for r in $SWEEP; do
  load "$r:$SWEEP_SECONDS" > "$OUT/sweep-$r.txt"
  line=$(grep ' ALL ' "$OUT/sweep-$r.txt")
  echo "$line  (load $(cut -d' ' -f1 /proc/loadavg))"
  p99=$(echo "$line" | sed -E 's/.*p99=([0-9.]+).*/\1/'); c5=$(echo "$line" | sed -E 's/.* 5xx=([0-9]+).*/\1/')
  err=$(echo "$line" | sed -E 's/.* err=([0-9]+).*/\1/')
  if awk -v p="$p99" 'BEGIN {exit !(p < 100)}' && [ "$c5" = 0 ] && [ "$err" = 0 ]; then best=$r; fi
done

echo "== long run: ${RATE} req/s for ${DURATION}s against A, B, C ($(date -u +%T), load $(cut -d' ' -f1-3 /proc/loadavg))"
rss() { echo "A $(rss_mib "${pids[0]}") / B $(rss_mib "${pids[1]}") / C $(rss_mib "${pids[2]}") MiB"; }
echo "RSS start: $(rss)"
pg0=$(pg_ticks) app0=$(app_ticks) loads=()
load "$RATE:$DURATION" > "$OUT/long.txt" &
lp=$!
for k in 1 2 3 4 5 6 7 8 9 10; do
  sleep $((DURATION / 10))
  loads+=("$(cut -d' ' -f1 /proc/loadavg)")
  [ "$k" = 5 ] && echo "RSS middle: $(rss)"
done
wait $lp
pg1=$(pg_ticks) app1=$(app_ticks)
echo "RSS end: $(rss)"
echo "load average (1 min) every $((DURATION / 10)) s: ${loads[*]}"
cat "$OUT/long.txt"
n=$(grep ' ALL ' "$OUT/long.txt" | sed -E 's/.* n=([0-9]+).*/\1/')
echo "CPU during the long run: replicas $(( (app1 - app0) / 100 )) s, PostgreSQL $(( (pg1 - pg0) / 100 )) s;" \
     "per request: replicas $(( (app1 - app0) * 10000 / n )) µs, PostgreSQL $(( (pg1 - pg0) * 10000 / n )) µs;" \
     "database share $(awk -v p=$((pg1 - pg0)) -v a=$((app1 - app0)) 'BEGIN {printf "%.0f %%", 100 * p / (p + a)}')"
grep -c ' ERROR ' "$OUT"/replica-*.log | sed 's/^/error lines in /'
echo "price_data: $(psql_ -c "SELECT count(*) || ' rows, ' || pg_total_relation_size('price_data') || ' bytes with indexes, '
        || round(pg_total_relation_size('price_data')::numeric / greatest(count(*), 1)) || ' bytes a row' FROM price_data")"
echo "highest swept rate with p99 < 100 ms, no 5xx, no errors: ${best} req/s"
echo "done: $(date -u); load: $(cut -d' ' -f1-3 /proc/loadavg)"
[ -n "${KEEP_SCHEMA:-}" ] || psql_ -c "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"
