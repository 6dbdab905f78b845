#!/usr/bin/env bash
# One start-up measurement of the packaged application.
#
#   measure-start.sh LABEL PHASE JAVA APPDIR LOG -- [JVM options...]
#
# Starts `JAVA [JVM options] -jar quarkus-run.jar` in APPDIR (environment: the KEY=VALUE lines of
# $BENCH_APP_ENV_FILE added to the current one), polls $BENCH_READY_URL every 50 ms with curl until it answers
# 200 with status UP, then reads the process' RSS (VmRSS) and CPU time (utime+stime), stops it (SIGTERM) and
# prints one tab-separated line:
#
#   LABEL  PHASE  ms_to_ready  rss_mib  cpu_s_at_ready  quarkus_started_in_s
#
# ms_to_ready is measured from just before the fork to the first 200 UP (wall clock, date +%s%N).
set -euo pipefail

label=$1 phase=$2 java=$3 appdir=$4 log=$5
shift 5
[[ ${1:-} == -- ]] && shift
jvm_args=("$@")

: "${BENCH_APP_ENV_FILE:?}" "${BENCH_READY_URL:?}"
mapfile -t app_env < <(grep -v '^\s*#' "$BENCH_APP_ENV_FILE" | grep .)
body=$(mktemp)
timeout_s=${BENCH_START_TIMEOUT:-180}
clk_tck=$(getconf CLK_TCK)

if curl -s -o /dev/null --max-time 1 "$BENCH_READY_URL"; then
  echo "measure-start: something already answers on $BENCH_READY_URL; refusing to measure" >&2
  exit 1
fi

t0=$(date +%s%N)
(cd "$appdir" && exec env "${app_env[@]}" "$java" "${jvm_args[@]}" -jar quarkus-run.jar >"$log" 2>&1) &
pid=$!

stop_app() {
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
  rm -f "$body"
}
trap stop_app EXIT

while :; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "measure-start: $label/$phase: the application exited before it was ready; last lines of $log:" >&2
    tail -n 30 "$log" >&2
    exit 1
  fi
  code=$(curl -s -o "$body" -w '%{http_code}' --max-time 2 "$BENCH_READY_URL" 2>/dev/null || true)
  if [[ $code == 200 ]] && grep -q '"status": *"UP"' "$body"; then
    break
  fi
  now=$(date +%s%N)
  if (((now - t0) / 1000000000 > timeout_s)); then
    echo "measure-start: $label/$phase: not ready after ${timeout_s}s (last HTTP code '$code'); log: $log" >&2
    exit 1
  fi
  sleep 0.05
done
t1=$(date +%s%N)
rss_kib=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")
# fields 14 and 15 of /proc/PID/stat (after the command name in parentheses): utime, stime in clock ticks
cpu_ticks=$(sed 's/^.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}')

stop_app
trap - EXIT

started=$(grep -o 'started in [0-9.]*s' "$log" | head -n 1 | grep -o '[0-9.]*' || true)
awk -v l="$label" -v p="$phase" -v ms="$(((t1 - t0) / 1000000))" -v rss="$rss_kib" -v cpu="$cpu_ticks" \
  -v tck="$clk_tck" -v st="${started:-NA}" \
  'BEGIN { printf "%s\t%s\t%d\t%.0f\t%.1f\t%s\n", l, p, ms, rss / 1024, cpu / tck, st }'
