#!/usr/bin/env bash
# Alert evaluation benchmark (issue 6): one evaluation pass over N active alerts on 500 assets with F % of them
# triggering, run by the application (job alerts.evaluate through POST /api/v1/admin/jobs/alerts.evaluate/runs
# ?wait=true; its recorded execution time) against the same price_target statement
# (src/main/resources/alert/sql/price_target.sql) run directly with psql (the limit), in the same run.
#
#   bench/alerts/run.sh                                   # N = 100000 and 1000000, F = 1 and 10, 5 repetitions
#   SIZES=100000 FRACTIONS=1 REPEAT=1 bench/alerts/run.sh # a quick look
#   KEEP_SCHEMA=1 ...                                    # leaves the data in place for psql experiments
#   EXPLAIN=1 SIZES=1000000 FRACTIONS=10 REPEAT=1 bench/alerts/run.sh   # also prints the plan and trigger times
#   SHARDS=1 ...                                          # the statement unsplit (app and psql), default 2
#   ANCHOR=1 SIZES=1000000 FRACTIONS=10 bench/alerts/run.sh   # also times the issue's bare anchor statement
#                                                         # (bench/alerts/anchor.sql), unsplit and in SHARDS sessions
#   COMPARE=/tmp/old_price_target.sql bench/alerts/run.sh   # also times another version of the statement with psql,
#                                                         # sharded like the app (e.g. an older one from git:
#                                                         # git show REV:src/main/resources/alerts/sql/price_target.sql)
#
# The price_target statement is sharded (docs/alerts.md "Evaluation"): the app runs it as SHARDS statements at once,
# each on its own connection and transaction over the series with crypto_id % SHARDS = shard; the psql side does
# the same with SHARDS psql sessions started together, timed from the first EXECUTE's start to the last one's end.
#
# Needs: the packaged app (./mvnw -B package -DskipTests), psql, and the system PostgreSQL 15
# (pg_ctlcluster 15 main start) with a role bench/bench; the database bench_alerts is created when missing and
# its schema public is DROPPED and rebuilt by the app's Flyway. Runs the app with the demo profile (demo admin
# account) against that database, scheduler off, on localhost:$PORT.
#
# Data: 500 assets with 30 closed 1h candles each (previous close 98, latest close 100), 10,000 users, N
# price_target alerts (frequency once, created two days ago) cycling through above / below / crosses_up, F % of
# them with a level that fires. Between two passes every alert is re-armed, notifications are deleted and the tables
# vacuumed, so each pass starts from the same state; WARMUP_PASSES (3) unmeasured app passes warm the JVM and the
# pooled connections' prepared statements first; then REPEAT (5) measured passes of each side, alternating; medians.
# The app pass also runs the other alert types' statements (they find no armed alert of their type), so it does
# strictly more work than the psql statement.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
DB_HOST=${DB_HOST:-localhost} DB_PORT=${DB_PORT:-5432} DB_NAME=${DB_NAME:-bench_alerts}
export PGPASSWORD=${DB_PASSWORD:-bench} PGUSER=${DB_USER:-bench} PGOPTIONS="-c client_min_messages=warning"
SIZES=${SIZES:-"100000 1000000"} FRACTIONS=${FRACTIONS:-"1 10"} REPEAT=${REPEAT:-5} WARMUP_PASSES=${WARMUP_PASSES:-3} PORT=${PORT:-18482}
SHARDS=${SHARDS:-2} # coinpilot.alerts.evaluation-shards of the app, and psql sessions running the statement at once
BASE="http://127.0.0.1:$PORT" MGMT="http://127.0.0.1:$((PORT + 100))" # management port: health, metrics
psql_() { psql -h "$DB_HOST" -p "$DB_PORT" -d "$DB_NAME" -v ON_ERROR_STOP=1 -qAt "$@"; }

[ -f "$root/target/quarkus-app/quarkus-run.jar" ] || (cd "$root" && ./mvnw -B -q package -DskipTests)
if ! psql -h "$DB_HOST" -p "$DB_PORT" -d postgres -qAt -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'" | grep -q 1; then
  su postgres -c "createdb -U postgres -O $PGUSER $DB_NAME" 2>/dev/null || psql -h "$DB_HOST" -p "$DB_PORT" -d postgres -c "CREATE DATABASE $DB_NAME"
fi
echo "== nproc: $(nproc); $(java -version 2>&1 | head -1); $(psql -h "$DB_HOST" -d "$DB_NAME" -qAt -c 'SHOW server_version'); $(date -u); load: $(cut -d' ' -f1-3 /proc/loadavg)"
psql_ -c "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"

app_pid=
trap '[ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true' EXIT
QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$DB_HOST:$DB_PORT/$DB_NAME" \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME" \
QUARKUS_DATASOURCE_USERNAME="$PGUSER" QUARKUS_DATASOURCE_PASSWORD="$PGPASSWORD" \
java -Xmx1g ${JAVA_OPTS_APP:-} -Dquarkus.profile=demo -Dcoinpilot.embedded-db.enabled=false -Dquarkus.scheduler.enabled=false \
     -Dquarkus.http.port="$PORT" -Dquarkus.management.port="$((PORT + 100))" -Dquarkus.http.host=127.0.0.1 -Dquarkus.log.level=WARN \
     -Dcoinpilot.jobs.\"alerts.evaluate\".then= -Dcoinpilot.alerts.evaluation-shards="$SHARDS" \
     -jar "$root/target/quarkus-app/quarkus-run.jar" > /tmp/coinpilot-alerts-bench.log 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do curl -fs "$MGMT/q/health/ready" > /dev/null 2>&1 && break; sleep 1; done
curl -fs "$MGMT/q/health/ready" > /dev/null || { tail -50 /tmp/coinpilot-alerts-bench.log; exit 1; }
TOKEN=$(curl -fs -H 'Content-Type: application/json' \
  -d '{"email":"admin@demo.coinpilot.dev","password":"Coinpilot-demo-2026"}' "$BASE/api/v1/auth/login" |
  sed -E 's/.*"accessToken":"([^"]+)".*/\1/')

psql_ <<'SQL'
INSERT INTO cryptocurrencies (symbol, name, is_active, is_supported)
SELECT 'BA' || lpad(g::text, 3, '0'), 'Bench asset ' || g, true, true FROM generate_series(1, 500) g;
INSERT INTO users (email, password_hash, role, is_active)
SELECT 'bench' || g || '@bench.coinpilot.dev', 'x', 'public', true FROM generate_series(1, 10000) g;
INSERT INTO price_data (crypto_id, timeframe, candle_time, open_price, high_price, low_price, close_price, volume)
SELECT c.id, '1h', date_trunc('hour', now()) - g * interval '1 hour',
       100, 101, 97, CASE g WHEN 1 THEN 100 WHEN 2 THEN 98 ELSE 99 END, 1000
FROM cryptocurrencies c CROSS JOIN generate_series(1, 30) g WHERE c.symbol LIKE 'BA%';
ANALYZE cryptocurrencies; ANALYZE users; ANALYZE price_data;
SQL

statement=$(grep -v '^--' "$root/src/main/resources/alert/sql/price_target.sql")
anchor=$(grep -v '^--' "$here/anchor.sql")
compare=""
[ -z "${COMPARE:-}" ] || compare=$(grep -v '^--' "$COMPARE")
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
rearm() {
  psql_ -c "UPDATE signal_alerts SET is_triggered = false, last_fired_candle = NULL, triggered_at = NULL,
                   trigger_count = 0, last_checked = NULL WHERE trigger_count > 0 OR is_triggered" \
        -c "DELETE FROM notifications" -c "DELETE FROM alert_series_checks" \
        -c "VACUUM (ANALYZE) signal_alerts" -c "VACUUM (ANALYZE) notifications"
  psql_ -c "CHECKPOINT" 2>/dev/null || true
}
app_pass() { # prints "<ms> <fired>"
  curl -fs -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{}' \
    "$BASE/api/v1/admin/jobs/alerts.evaluate/runs?wait=true" |
    python3 -c 'import json,sys; r=json.load(sys.stdin); assert r["status"]=="COMPLETED", r; print(round(float(r["executionTimeSeconds"])*1000), r["result"]["fired"])'
}
psql_pass() { # [statement] [shards]; prints "<ms> <fired>": the statement's shards (default: price_target.sql, SHARDS)
  # in as many psql sessions at once, as the app runs them; each session prints the clock before and after its EXECUTE
  # (connection and PREPARE excluded), the time is the last end minus the first start
  local sql=${1:-$statement} shards=${2:-$SHARDS} k out=()
  for k in $(seq 0 $((shards - 1))); do
    out+=("$(mktemp)")
    psql -h "$DB_HOST" -p "$DB_PORT" -d "$DB_NAME" -v ON_ERROR_STOP=1 -qAt > "${out[$k]}" <<SQL &
PREPARE pass(timestamptz, int, int) AS $sql;
SELECT 'start', extract(epoch FROM clock_timestamp());
EXECUTE pass(now(), $k, $shards);
SELECT 'end', extract(epoch FROM clock_timestamp());
SQL
  done
  wait
  cat "${out[@]}" | awk -F'|' '$1 == "start" && (s == "" || $2 < s) {s = $2} $1 == "end" && $2 > e {e = $2}
    NF == 3 {fired += $1} END {printf "%d %d\n", (e - s) * 1000, fired}'
  rm -f "${out[@]}"
}

results=() anchors=() compared=()
for n in $SIZES; do
  psql_ -c "TRUNCATE signal_alerts CASCADE"
  for f in $FRACTIONS; do
    psql_ <<SQL
TRUNCATE signal_alerts CASCADE;
INSERT INTO signal_alerts (user_id, crypto_id, alert_type, condition, trigger_value, timeframe, frequency,
                           created_at, updated_at)
SELECT u.first + (g % 10000), c.first + (g % 500), 'price_target',
       (ARRAY['above', 'below', 'crosses_up'])[1 + g % 3],
       CASE WHEN g % 100 < $f THEN (ARRAY[99, 101, 99])[1 + g % 3]
            ELSE (ARRAY[150, 50, 150])[1 + g % 3] END,
       '1h', 'once', now() - interval '2 days', now() - interval '2 days'
FROM generate_series(0, $n - 1) g,
     (SELECT min(id) AS first FROM users WHERE email LIKE 'bench%') u,
     (SELECT min(id) AS first FROM cryptocurrencies WHERE symbol LIKE 'BA%') c;
SQL
    rearm
    if [ -n "${EXPLAIN:-}" ]; then # the plan with trigger (foreign key) times, then back to the same state
      psql -h "$DB_HOST" -p "$DB_PORT" -d "$DB_NAME" -v ON_ERROR_STOP=1 -qAt <<SQL
PREPARE pass(timestamptz, int, int) AS $statement;
EXPLAIN (ANALYZE, BUFFERS) EXECUTE pass(now(), 0, 1);
SQL
      rearm
    fi
    for _ in $(seq 1 "$WARMUP_PASSES"); do # the service runs this job every minute: measure it warm (JIT, each
      app_pass > /dev/null; rearm          # pooled connection's prepared statements)
    done
    app_ms=() pg_ms=() a1_ms=() as_ms=() c_ms=()
    for r in $(seq 1 "$REPEAT"); do
      read -r ms fired < <(app_pass); app_ms+=("$ms"); echo "N=$n F=$f% run $r: app $ms ms ($fired fired)"; rearm
      read -r ms fired < <(psql_pass); pg_ms+=("$ms"); echo "N=$n F=$f% run $r: psql $ms ms ($fired fired)"; rearm
      if [ -n "$compare" ]; then
        read -r ms fired < <(psql_pass "$compare"); c_ms+=("$ms")
        echo "N=$n F=$f% run $r: compared statement $ms ms ($fired fired)"; rearm
      fi
      if [ -n "${ANCHOR:-}" ]; then
        read -r ms fired < <(psql_pass "$anchor" 1); a1_ms+=("$ms")
        echo "N=$n F=$f% run $r: anchor statement $ms ms ($fired fired)"; rearm
        read -r ms fired < <(psql_pass "$anchor" "$SHARDS"); as_ms+=("$ms")
        echo "N=$n F=$f% run $r: anchor statement in $SHARDS sessions $ms ms ($fired fired)"; rearm
      fi
    done
    a=$(printf '%s\n' "${app_ms[@]}" | median) p=$(printf '%s\n' "${pg_ms[@]}" | median)
    results+=("| $n | $f % | $p | $a | $(awk -v a="$a" -v p="$p" 'BEGIN {printf "%.2f", a / p}') |")
    if [ -n "$compare" ]; then
      c=$(printf '%s\n' "${c_ms[@]}" | median)
      compared+=("| $n | $f % | $c | $p | $(awk -v c="$c" -v p="$p" 'BEGIN {printf "%.2f", p / c}') |")
    fi
    if [ -n "${ANCHOR:-}" ]; then
      anchors+=("| $n | $f % | $(printf '%s\n' "${a1_ms[@]}" | median) | $(printf '%s\n' "${as_ms[@]}" | median) | $a |")
    fi
  done
done
echo
echo "| alerts | triggering | psql statement, median ms | app pass, median ms | app / psql |"
echo "| --- | --- | --- | --- | --- |"
printf '%s\n' "${results[@]}"
if [ -n "$compare" ]; then
  echo
  echo "| alerts | triggering | compared statement ($COMPARE), median ms | price_target.sql, median ms | this / compared |"
  echo "| --- | --- | --- | --- | --- |"
  printf '%s\n' "${compared[@]}"
fi
if [ -n "${ANCHOR:-}" ]; then
  echo
  echo "| alerts | triggering | anchor statement, median ms | anchor in $SHARDS sessions, median ms | app pass, median ms |"
  echo "| --- | --- | --- | --- | --- |"
  printf '%s\n' "${anchors[@]}"
fi
echo "done: $(date -u); load: $(cut -d' ' -f1-3 /proc/loadavg)"
[ -n "${KEEP_SCHEMA:-}" ] || psql_ -c "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"
