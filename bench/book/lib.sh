# Shared by bench/book/summary.sh and bench/book/watchlist.sh (sourced, not run).
# Database: the system PostgreSQL 15 (pg_ctlcluster 15 main start), role bench/bench; the database bench_book is
# created when missing and its schema public is DROPPED and rebuilt by the app's Flyway. The app: the packaged jar
# (built when missing), demo profile (demo accounts), scheduler off, on 127.0.0.1:$PORT (management PORT + 100).
set -euo pipefail
root="$(cd "$here/../.." && pwd)"
DB_HOST=${DB_HOST:-localhost} DB_PORT=${DB_PORT:-5432} DB_NAME=${DB_NAME:-bench_book}
export PGPASSWORD=${DB_PASSWORD:-bench} PGUSER=${DB_USER:-bench} PGOPTIONS="-c client_min_messages=warning"
ASSETS=${ASSETS:-50} DAYS=${DAYS:-400} HOURS=${HOURS:-500}
BASE="http://127.0.0.1:$PORT" MGMT="http://127.0.0.1:$((PORT + 100))"
OUT=$(mktemp -d -t coinpilot-book-bench.XXXXXX)
psql_() { psql -h "$DB_HOST" -p "$DB_PORT" -d "$DB_NAME" -v ON_ERROR_STOP=1 -qAt "$@"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

[ -f "$root/target/quarkus-app/quarkus-run.jar" ] || (cd "$root" && ./mvnw -B -q package -DskipTests)
if ! psql -h "$DB_HOST" -p "$DB_PORT" -d postgres -qAt -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'" | grep -q 1; then
  su postgres -c "createdb -O $PGUSER $DB_NAME" 2>/dev/null || psql -h "$DB_HOST" -p "$DB_PORT" -d postgres -c "CREATE DATABASE $DB_NAME"
fi
echo "== nproc: $(nproc); $(java -version 2>&1 | head -1); $(psql -h "$DB_HOST" -d "$DB_NAME" -qAt -c 'SHOW server_version');" \
     "$(date -u); load: $(cut -d' ' -f1-3 /proc/loadavg)"
psql_ -c "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"

app_pid=
trap '[ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true' EXIT
# the access token lives 2 h instead of 15 min: building the book through the API can take longer than 15 min
QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$DB_HOST:$DB_PORT/$DB_NAME" \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME" \
QUARKUS_DATASOURCE_USERNAME="$PGUSER" QUARKUS_DATASOURCE_PASSWORD="$PGPASSWORD" \
java -Xmx768m ${JAVA_OPTS_APP:-} -Dquarkus.profile=demo -Dcoinpilot.embedded-db.enabled=false -Dquarkus.scheduler.enabled=false \
     -Dquarkus.http.port="$PORT" -Dquarkus.management.port="$((PORT + 100))" -Dquarkus.http.host=127.0.0.1 \
     -Dquarkus.log.level=WARN -Dcoinpilot.identity.tokens.access-token-ttl=2h -Dquarkus.datasource.jdbc.acquisition-timeout=120s \
     -jar "${APP:-$root/target/quarkus-app}/quarkus-run.jar" > "$OUT/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 180); do curl -fs "$MGMT/q/health/ready" > /dev/null 2>&1 && break; sleep 1; done
curl -fs "$MGMT/q/health/ready" > /dev/null || { tail -50 "$OUT/app.log"; exit 1; }
TOKEN=$(curl -fs -H 'Content-Type: application/json' \
  -d '{"email":"user@demo.coinpilot.dev","password":"Coinpilot-demo-2026"}' "$BASE/api/v1/auth/login" | jq -r .accessToken)
USER_ID=$(psql_ -c "SELECT id FROM users WHERE email = 'user@demo.coinpilot.dev'")
printf 'wrk.headers["Authorization"] = "Bearer %s"\n' "$TOKEN" > "$OUT/auth.lua"

# Market data by SQL (market's own data; the book and the lists are built through the API): ASSETS assets BK01..,
# each a seeded random walk (±4 % a day, ±1 % an hour) of DAYS closed daily candles up to yesterday and HOURS closed
# hourly candles up to the last full hour, with stored RSI / SMA50 / SMA200 on every candle (as the indicator job
# stores them) so the watchlist's enrichment finds values.
psql_ <<SQL
INSERT INTO cryptocurrencies (symbol, name, is_active, is_supported)
SELECT 'BK' || lpad(g::text, 2, '0'), 'Book bench asset ' || g, true, true FROM generate_series(1, $ASSETS) g;
SELECT setseed(0.15);
CREATE TEMP TABLE walk AS
SELECT c.id AS crypto_id, tf, g, (5 + (c.id * 37) % 900)::float8 AS base,
       (random() - 0.5) * CASE tf WHEN '1d' THEN 0.08 ELSE 0.02 END AS r
FROM cryptocurrencies c CROSS JOIN (VALUES ('1d', $DAYS), ('1h', $HOURS)) AS t(tf, n) CROSS JOIN LATERAL generate_series(1, t.n) g
WHERE c.symbol LIKE 'BK%';
CREATE TEMP TABLE path AS
SELECT crypto_id, tf, g, base * exp(sum(r) OVER (PARTITION BY crypto_id, tf ORDER BY g DESC)) AS close, r FROM walk;
INSERT INTO price_data (crypto_id, timeframe, candle_time, open_price, high_price, low_price, close_price, volume,
                        base_volume, quote_volume, technical_indicators)
SELECT crypto_id, tf,
       CASE tf WHEN '1d' THEN date_trunc('day', now()) - g * interval '1 day' ELSE date_trunc('hour', now()) - g * interval '1 hour' END,
       round((close / exp(r))::numeric, 8), round((greatest(close, close / exp(r)) * 1.006)::numeric, 8),
       round((least(close, close / exp(r)) * 0.994)::numeric, 8), round(close::numeric, 8),
       round((1000 + g % 17 * 40) * close::numeric, 2), round((1000 + g % 17 * 40)::numeric, 8), round((1000 + g % 17 * 40) * close::numeric, 8),
       jsonb_build_object('RSI', round((30 + (g * 7) % 40)::numeric, 4),
                          'SMA', jsonb_build_object('50', round((close * 0.98)::numeric, 8), '200', round((close * 0.95)::numeric, 8)))
FROM path;
-- stored indicators: set by an UPDATE, because V040's insert trigger resets the technical_indicators of inserted candles
-- (an update that leaves the OHLCV alone keeps them)
UPDATE price_data p
SET technical_indicators = jsonb_build_object(
        'RSI', 30 + (extract(epoch FROM p.candle_time)::bigint / 3600 * 7) % 40,
        'SMA', jsonb_build_object('50', round(p.close_price * 0.98, 8), '200', round(p.close_price * 0.95, 8)))
FROM cryptocurrencies c
WHERE c.id = p.crypto_id AND c.symbol LIKE 'BK%';
ANALYZE cryptocurrencies; ANALYZE price_data;
SQL
