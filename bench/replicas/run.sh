#!/usr/bin/env bash
# Replicas (issue 17 item 6): three processes of the packaged jar on one PostgreSQL database run the product
# together. Prints PASS / FAIL per check and exits 1 when one fails.
#
#   bench/replicas/run.sh                      # OBSERVE=180 s of schedules, ALERTS=1000000 for the kill check
#   OBSERVE=90 ALERTS=200000 bench/replicas/run.sh
#
# Checks:
#  1. jobs: every scheduled job runs at most once per schedule slot across the three (slot = its interval, aligned
#     to the epoch: floor(started_at / every)); counted from background_tasks (runs that started, trigger schedule),
#     over OBSERVE seconds with the demo configuration's schedules (notifications.release every 15 s, the 1-minute
#     jobs, ...). Jobs that talk to the internet (candles, catalogue, macro) fail here without network: a failed
#     run still counts as the slot's run.
#  2. stream: the demo user opens GET /api/v1/notifications/stream on replica A; an admin broadcast through replica
#     B (released at once, NOTIFY) must reach that stream within 10 s; and a stream on C gets it too.
#  3. limits: 5 failed sign-ins of one (email, address) spread over A, B, C, A, B; the 6th (on C) must be 429;
#     then 45 auth calls at once, 15 per replica: at most 30 a minute per address in all (coinpilot.identity.
#     rate-limit.requests.limit) are admitted, and every replica answers 429 RATE_LIMITED to some.
#  4. kill: ALERTS price_target alerts (10 % firing, data as bench/alerts/run.sh), inserted while the script holds
#     alerts.evaluate's advisory lock (so that no scheduled run evaluates them first), are evaluated by an
#     alerts.evaluate run started on C as soon as the script lets the lock go; once it is RUNNING, C is killed with kill -9. Then: the run is still
#     recorded RUNNING, nothing of it is committed (no alert fired, no notification); the next run (on A) records
#     it as FAILED "interrupted" and completes; afterwards every firing alert fired exactly once with exactly one
#     notification. C is restarted.
#  5. database share: CPU of the PostgreSQL backends vs the replicas' JVMs during that evaluation, and during a
#     30 s wrk on the latest-100-candles read and on a watchlist read through all three (printed, not a check).
# Needs: the packaged app, psql, curl, jq, wrk.
here="$(cd "$(dirname "$0")" && pwd)"
PORT=${PORT:-18801} DB_NAME=${DB_NAME:-bench_replicas}
OBSERVE=${OBSERVE:-180} ALERTS=${ALERTS:-1000000}
source "$here/lib.sh"
fails=0
check() { # $1 = PASS/FAIL condition (0 = pass), $2 = name, $3 = detail
  if [ "$1" = 0 ]; then echo "PASS  $2: $3"; else echo "FAIL  $2: $3"; fails=$((fails + 1)); fi
}

echo "== nproc: $(nproc); $(java -version 2>&1 | head -1); PostgreSQL $(psql_ -c 'SHOW server_version');" \
     "$(date -u); load: $(cut -d' ' -f1-3 /proc/loadavg); logs in $OUT"
start_all
t0=$(date +%s)
echo "replicas up: A=${pids[0]} B=${pids[1]} C=${pids[2]}; RSS $(rss_mib "${pids[0]}") / $(rss_mib "${pids[1]}") / $(rss_mib "${pids[2]}") MiB"
ADMIN=$(login 0 admin@demo.coinpilot.dev)
USER=$(login 1 user@demo.coinpilot.dev)
USER_ID=$(psql_ -c "SELECT id FROM users WHERE email = 'user@demo.coinpilot.dev'")

# ---- 2. a notification reaches the user's stream on whichever replica holds it
curl -sN -H "Authorization: Bearer $USER" "$(url 0)/api/v1/notifications/stream" > "$OUT/stream-A.txt" &
sa=$!
curl -sN -H "Authorization: Bearer $USER" "$(url 2)/api/v1/notifications/stream" > "$OUT/stream-C.txt" &
sc=$!
for _ in $(seq 1 50); do grep -q ': connected' "$OUT/stream-A.txt" && grep -q ': connected' "$OUT/stream-C.txt" && break; sleep 0.2; done
title="replica check $(date +%s%N)"
sent=$(date +%s%N)
curl -fs -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d "{\"title\":\"$title\",\"message\":\"sent through replica B\",\"audience\":\"PUBLIC\"}" \
  "$(url 1)/api/v1/admin/notifications/broadcast" > "$OUT/broadcast.json"
got_a=1 got_c=1
for _ in $(seq 1 100); do
  grep -q "$title" "$OUT/stream-A.txt" && got_a=0
  grep -q "$title" "$OUT/stream-C.txt" && got_c=0
  [ $got_a = 0 ] && [ $got_c = 0 ] && break
  sleep 0.1
done
ms=$(( ($(date +%s%N) - sent) / 1000000 ))
kill $sa $sc 2>/dev/null || true
check $got_a "stream" "broadcast through B ($(jq -c . "$OUT/broadcast.json")) reached the user's stream on A (≤ ${ms} ms)"
check $got_c "stream" "... and the user's stream on C"

# ---- 3. rate limits and sign-in lockouts hold across the replicas
codes=()
for i in 0 1 2 0 1 2; do
  codes+=("$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    -d '{"email":"user@demo.coinpilot.dev","password":"Wrong-password-1"}' "$(url "$i")/api/v1/auth/login")")
done
[ "${codes[*]}" = "401 401 401 401 401 429" ]; check $? "sign-in lockout" \
  "6 wrong passwords for one (email, address) on A B C A B C answered ${codes[*]} (limit 5 per 15 min)"
# the auth request limit: 45 calls at once (15 per replica, in parallel so that they land in one window whatever
# the machine's load); with one shared count at most 30 are admitted and the rest are 429 RATE_LIMITED on every
# replica; with a count per replica (15 each < 30) none would be refused
calls=()
for k in $(seq 0 44); do
  curl -s -o "$OUT/auth-$k.json" -w '%{http_code}\n' -H 'Content-Type: application/json' \
    -d "{\"email\":\"nobody$k@example.com\",\"password\":\"Wrong-password-1\"}" "$(url $((k % 3)))/api/v1/auth/login" > "$OUT/auth-$k.code" &
  calls+=($!)
done
wait "${calls[@]}"
admitted=0 limited=(0 0 0) other429=0
for k in $(seq 0 44); do
  c=$(cat "$OUT/auth-$k.code")
  if [ "$c" = 429 ]; then
    if grep -q RATE_LIMITED "$OUT/auth-$k.json"; then limited[$((k % 3))]=$((limited[k % 3] + 1)); else other429=$((other429 + 1)); fi
  else admitted=$((admitted + 1)); fi
done
[ "$admitted" -le 30 ] && [ "${limited[0]}" -gt 0 ] && [ "${limited[1]}" -gt 0 ] && [ "${limited[2]}" -gt 0 ]
check $? "auth request limit" "45 auth calls at once, 15 per replica: $admitted admitted (limit 30 a minute per address, shared),\
 429 RATE_LIMITED on A ${limited[0]}, B ${limited[1]}, C ${limited[2]}; other 429 (hashing pool busy) $other429"

# ---- 4. one replica killed mid-job leaves nothing half-done
# The script holds alerts.evaluate's advisory lock (JobRunner: pg_try_advisory_lock(7301, hashtext(name))) while it
# inserts the alerts, so the replicas' own runs (every minute, and chained after indicators.compute) are skipped and
# none evaluates them before the check's run; the lock goes when its session is terminated, just before that run.
LOCK_APP=replicas-kill-check-lock
PGAPPNAME=$LOCK_APP psql_ -c "SELECT pg_advisory_lock(7301, hashtext('alerts.evaluate')); SELECT pg_sleep(86400)" >/dev/null 2>&1 &
holder=$!
release_lock() {
  psql_ -c "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '$LOCK_APP'" >/dev/null || true
  wait "$holder" 2>/dev/null || true
}
trap 'release_lock; stop_all' EXIT
until [ "$(psql_ -c "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid)
                    WHERE l.locktype = 'advisory' AND l.granted AND a.application_name = '$LOCK_APP'")" -gt 0 ]; do sleep 1; done
locked_at=$(psql_ -c "SELECT now()")
psql_ <<SQL
INSERT INTO cryptocurrencies (symbol, name, is_active, is_supported)
SELECT 'BA' || lpad(g::text, 3, '0'), 'Bench asset ' || g, true, true FROM generate_series(1, 500) g;
INSERT INTO users (email, password_hash, role, is_active)
SELECT 'bench' || g || '@bench.coinpilot.dev', 'x', 'public', true FROM generate_series(1, 2000) g;
INSERT INTO price_data (crypto_id, timeframe, candle_time, open_price, high_price, low_price, close_price, volume)
SELECT c.id, '1h', date_trunc('hour', now()) - g * interval '1 hour', 100, 101, 97,
       CASE g WHEN 1 THEN 100 WHEN 2 THEN 98 ELSE 99 END, 1000
FROM cryptocurrencies c CROSS JOIN generate_series(1, 30) g WHERE c.symbol LIKE 'BA%';
INSERT INTO signal_alerts (user_id, crypto_id, alert_type, condition, trigger_value, timeframe, frequency, created_at, updated_at)
SELECT u.first + (g % 2000), c.first + (g % 500), 'price_target', (ARRAY['above', 'below', 'crosses_up'])[1 + g % 3],
       CASE WHEN g % 100 < 10 THEN (ARRAY[99, 101, 99])[1 + g % 3] ELSE (ARRAY[150, 50, 150])[1 + g % 3] END,
       '1h', 'once', now() - interval '2 days', now() - interval '2 days'
FROM generate_series(0, $ALERTS - 1) g,
     (SELECT min(id) AS first FROM users WHERE email LIKE 'bench%') u,
     (SELECT min(id) AS first FROM cryptocurrencies WHERE symbol LIKE 'BA%') c;
ANALYZE;
SQL
firing=$(psql_ -c "SELECT count(*) FROM signal_alerts WHERE (condition = 'above' AND trigger_value = 99) OR
                   (condition = 'below' AND trigger_value = 101) OR (condition = 'crosses_up' AND trigger_value = 99)")
app_ab() { echo $(( $(ticks "${pids[0]}") + $(ticks "${pids[1]}") )); } # A and B: C is killed in between
job_task() { # $1 replica: starts alerts.evaluate without waiting; prints the task id once the run is RUNNING (retries
  # while a scheduled run of the same job holds the lock: with ALERTS alerts on a loaded machine a scheduled evaluation
  # can hold it for minutes, so up to JOB_TASK_TRIES (300) tries a second apart)
  # A failed call (a busy replica timing out) is one more try, not the end of the script (set -e).
  local id st
  for _ in $(seq 1 "${JOB_TASK_TRIES:-300}"); do
    id=$(curl -fs -m 30 -X POST -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' -d '{}' \
      "$(url "$1")/api/v1/admin/jobs/alerts.evaluate/runs" | jq -r .id) || id=
    [[ $id =~ ^[0-9]+$ ]] || { echo "  alerts.evaluate run on ${NAMES[$1]} not started (answer: '$id'); trying again" >&2; sleep 1; continue; }
    for _ in $(seq 1 200); do
      st=$(psql_ -c "SELECT status FROM background_tasks WHERE id = $id")
      [ "$st" = running ] && { echo "$id"; return 0; }
      [ "$st" = pending ] || break
      sleep 0.05
    done
    sleep 1
  done
  return 1
}
release_lock
pg0=$(pg_ticks) app0=$(app_ab)
task=$(job_task 2) || { echo "FAIL  kill -9 mid-job: no alerts.evaluate run on C became RUNNING in ${JOB_TASK_TRIES:-300} tries"; exit 1; }
sleep "${KILL_AFTER:-0.5}"
kill -9 "${pids[2]}"; killed_at=$(date -u +%T.%N)
pids[2]=0
sleep 1
st=$(psql_ -c "SELECT status FROM background_tasks WHERE id = $task")
fired=$(psql_ -c "SELECT count(*) FROM signal_alerts WHERE trigger_count > 0")
notes=$(psql_ -c "SELECT count(*) FROM notifications WHERE notification_type = 'alert'")
others=$(psql_ -c "SELECT count(*) FROM background_tasks WHERE task_name = 'alerts.evaluate' AND id <> $task
                   AND status <> 'skipped' AND started_at >= '$locked_at'")
[ "$others" = 0 ] || echo "NOTE  $others other alerts.evaluate run(s) started after the alerts were inserted: the check below is not about task $task alone"
[ "$st" = running ] && [ "$fired" = 0 ] && [ "$notes" = 0 ] && [ "$others" = 0 ]; check $? "kill -9 mid-job" \
  "alerts.evaluate task $task (on C, $ALERTS alerts, $firing firing) killed at $killed_at while running: recorded '$st', $fired alerts fired and $notes alert notifications committed"
t1=$(date +%s%N)
next=$(curl -fs -X POST -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' -d '{}' \
  "$(url 0)/api/v1/admin/jobs/alerts.evaluate/runs?wait=true")
while [ "$(echo "$next" | jq -r .status)" = SKIPPED ]; do # a scheduled run held the lock: ask again
  sleep 1
  next=$(curl -fs -X POST -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' -d '{}' \
    "$(url 0)/api/v1/admin/jobs/alerts.evaluate/runs?wait=true")
done
eval_ms=$(( ($(date +%s%N) - t1) / 1000000 ))
pg1=$(pg_ticks) app1=$(app_ab)
read -r st err < <(psql_ -F ' ' -c "SELECT status, error_message FROM background_tasks WHERE id = $task")
[ "$st" = failed ] && [[ "$err" == interrupted* ]]; check $? "interrupted run recorded" \
  "task $task is now '$st': ${err:0:100}"
fired=$(psql_ -c "SELECT count(*) FROM signal_alerts WHERE trigger_count > 0")
dup=$(psql_ -c "SELECT count(*) FROM signal_alerts WHERE trigger_count > 1")
notes=$(psql_ -c "SELECT count(*) FROM notifications WHERE notification_type = 'alert'")
distinct=$(psql_ -c "SELECT count(DISTINCT alert_id) FROM notifications WHERE notification_type = 'alert'")
[ "$(echo "$next" | jq -r .status)" = COMPLETED ] && [ "$fired" = "$firing" ] && [ "$dup" = 0 ] && [ "$notes" = "$firing" ]
check $? "next run completes the work" \
  "run $(echo "$next" | jq -c '{id, status, executionTimeSeconds, result}'); fired $fired of $firing, $dup twice, $notes alert notifications ($distinct distinct alerts)"
echo "database share of the alerts.evaluate run (and everything else running meanwhile): PostgreSQL $(( (pg1 - pg0) * 10 )) ms CPU," \
     "JVMs $(( (app1 - app0) * 10 )) ms CPU (A+B; C killed), wall ${eval_ms} ms; share $(awk -v p=$((pg1 - pg0)) -v a=$((app1 - app0)) 'BEGIN {printf "%.0f %%", 100 * p / (p + a)}')"
start_replica 2; wait_ready 2

# ---- 1. every job runs once per schedule slot across the three
elapsed=$(( $(date +%s) - t0 ))
[ "$elapsed" -lt "$OBSERVE" ] && sleep $((OBSERVE - elapsed))
curl -fs -H "Authorization: Bearer $ADMIN" "$(url 0)/api/v1/admin/jobs" |
  jq -r '.items[] | select(.enabled and .every != null) | "\(.name) \(.every)"' > "$OUT/schedules.txt"
echo "| job | every | slots seen | runs started (schedule) | max runs in one slot | skipped (lock held) | statuses |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
worst=0
while read -r name every; do
  secs=$(echo "$every" | awk '/s$/ {print $0 + 0} /m$/ {print $0 * 60} /h$/ {print $0 * 3600} /d$/ {print $0 * 86400}')
  [ "$secs" -le "$OBSERVE" ] || continue
  row=$(psql_ -F ' ' -c "WITH r AS (SELECT floor(extract(epoch FROM started_at) / $secs) AS slot, status FROM background_tasks
                          WHERE task_name = '$name' AND triggered_by = 'schedule' AND started_at IS NOT NULL)
        SELECT count(DISTINCT slot), count(*), coalesce(max(n), 0),
               (SELECT count(*) FROM background_tasks WHERE task_name = '$name' AND status = 'skipped'),
               (SELECT string_agg(DISTINCT status, ',') FROM r)
        FROM r LEFT JOIN (SELECT slot AS s, count(*) AS n FROM r GROUP BY slot) c ON c.s = r.slot")
  read -r slots runs max skipped statuses <<< "$row"
  echo "| $name | $every | $slots | $runs | $max | $skipped | $statuses |"
  [ "$max" -gt "$worst" ] && worst=$max
done < "$OUT/schedules.txt"
[ "$worst" -le 1 ]; check $? "jobs once per schedule" "at most $worst run(s) of a job started in one schedule slot across A, B, C over ${OBSERVE}s"

echo "RSS at the end: A $(rss_mib "${pids[0]}") / B $(rss_mib "${pids[1]}") / C (restarted) $(rss_mib "${pids[2]}") MiB"
echo "done: $(date -u); load: $(cut -d' ' -f1-3 /proc/loadavg); $fails check(s) failed"
[ -n "${KEEP_SCHEMA:-}" ] || psql_ -c "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"
[ "$fails" = 0 ]
