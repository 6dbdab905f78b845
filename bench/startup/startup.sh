#!/usr/bin/env bash
# Start-up benchmark, one command (docs/benchmarks.md, "Start fast"):
#
#   bench/startup/startup.sh [--rounds N] [--probe-runs N] [--skip-build] [--profile] [--out DIR]
#
# In ONE run, against a migrated local PostgreSQL 15 (cluster 15/main, role and database `bench`, password `bench`;
# started and created when missing), alternating the variants in every round:
#   jdk17       the prod jar on the default JDK 17:     java -jar quarkus-run.jar
#   jdk25-aot   the AOT build on JDK 25 + its cache:    java -XX:AOTCache=app.aot -XX:AOTMode=on -jar quarkus-run.jar
#               (AOTMode=on: refuses to start rather than run silently without the cache)
#   jdk25-aot-serialgc  the same with -XX:+UseSerialGC (what Dockerfile.jvm runs; docs/deploy.md, "JVM options")
#   jdk25-aot-serialgc-c1  the same with C1 only (-XX:TieredStopAtLevel=1, JAVA_JIT_OPTS of the Knative service)
# it measures the wall time from the fork to the first successful API request (GET /api/v1/assets answering 200; curl
# every 20 ms), and the CPU time and RSS of the process at that moment; then the `health` probe against a running
# service, as `quarkus-run.jar health` and as the plain main (`java -cp app/* org.coinpilot.ops.api.HealthCheck`), on
# JDK 25 also with the probe's own AOT cache trained as Dockerfile.jvm trains it (one probe run against a closed port,
# -XX:AOTCacheOutput): that last one is the image's HEALTHCHECK. It prints medians, min-max and the ratio
# jdk25-aot / jdk17 as Markdown (also DIR/results.md).
# --profile adds single-variable variants on JDK 17 (Flyway at start, no class-data sharing, C1 only, JDK 25 without the
# cache) for the start-up profile.
#
# Builds (--skip-build skips those whose DIR/jdk17 or DIR/jdk25-aot exists; DIR defaults to $TMPDIR/coinpilot-startup-bench):
#   JDK 17:  ./mvnw clean package -DskipTests -Dprod
#   JDK 25:  JAVA_HOME=$JDK25_HOME ./mvnw clean verify -Dprod -Dquarkus.package.jar.aot.enabled=true \
#              -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=PackagedApplicationIT
#            (the @QuarkusIntegrationTest run trains target/quarkus-app/app.aot; the cache works only on that JVM)
# Jobs are not scheduled in-process (COINPILOT_JOB_RUNNER_IN_PROCESS=false, the scale-to-zero shape) and the REST
# clients point at a closed local port: nothing leaves localhost. Needs: curl, openssl, PostgreSQL 15, root (runuser).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
ROUNDS=5 PROBE_RUNS=20 SKIP_BUILD=0 PROFILE=0
OUT=${OUT:-${TMPDIR:-/tmp}/coinpilot-startup-bench}
while [[ $# -gt 0 ]]; do
  case $1 in
    --rounds) ROUNDS=$2; shift 2 ;;
    --probe-runs) PROBE_RUNS=$2; shift 2 ;;
    --skip-build) SKIP_BUILD=1; shift ;;
    --profile) PROFILE=1; shift ;;
    --out) OUT=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
JDK17_HOME=${JDK17_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
JDK25_HOME=${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
PORT=${PORT:-18791}
MGMT=$((PORT + 1))
PG_PORT=${PG_PORT:-5432}
PG_DB=${PG_DB:-bench} # a database of its own when another branch has migrated `bench` differently
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
api="http://127.0.0.1:$PORT/api/v1/assets"
ready="http://127.0.0.1:$MGMT/q/health/ready"

log() { echo "== $*" >&2; }

# --- builds (--skip-build keeps a variant that is already built) -----------------------------------------------------
cd "$root"
if [[ $SKIP_BUILD == 0 || ! -f $OUT/jdk17/quarkus-run.jar ]]; then
  log "build: JDK 17 prod jar"
  JAVA_HOME=$JDK17_HOME ./mvnw -B -ntp -q clean package -DskipTests -Dprod
  rm -rf "$OUT/jdk17" && mkdir -p "$OUT" && cp -a target/quarkus-app "$OUT/jdk17"
fi
if [[ $SKIP_BUILD == 0 || ! -s $OUT/jdk25-aot/app.aot ]]; then
  log "build: JDK 25 prod jar + AOT cache trained by the integration tests"
  JAVA_HOME=$JDK25_HOME ./mvnw -B -ntp -q clean verify -Dprod -Dquarkus.package.jar.aot.enabled=true \
    -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=PackagedApplicationIT
  # the build waits for the JVM assembling the cache (pom profile aot-cache); checked again here, it is what we measure
  JAVA_HOME=$JDK25_HOME src/main/docker/await-aot-cache.sh target/quarkus-app >&2
  rm -rf "$OUT/jdk25-aot" && mkdir -p "$OUT" && cp -a target/quarkus-app "$OUT/jdk25-aot" # -a: the cache checks the jars' mtimes
fi

# --- database ---------------------------------------------------------------------------------------------------------
if ! pg_lsclusters -h | awk '$1 == 15 && $2 == "main" {print $4}' | grep -q online; then
  log "starting PostgreSQL 15 main"
  pg_ctlcluster 15 main start
fi
runuser -u postgres -- psql -qtA -p "$PG_PORT" -c "SELECT 1 FROM pg_roles WHERE rolname = 'bench'" | grep -q 1 \
  || runuser -u postgres -- psql -q -p "$PG_PORT" -c "CREATE ROLE bench LOGIN PASSWORD 'bench'"
runuser -u postgres -- psql -qtA -p "$PG_PORT" -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'" | grep -q 1 \
  || runuser -u postgres -- psql -q -p "$PG_PORT" -c "CREATE DATABASE $PG_DB OWNER bench"

keys="$OUT/keys"
if [[ ! -f $keys/public.pem ]]; then
  mkdir -p "$keys"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$keys/private.pem" 2>/dev/null
  openssl pkey -in "$keys/private.pem" -pubout -out "$keys/public.pem"
fi
closed="http://127.0.0.1:9" # nothing listens on the discard port
app_env=(
  QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:$PG_PORT/$PG_DB"
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$PG_DB"
  QUARKUS_DATASOURCE_USERNAME=bench QUARKUS_DATASOURCE_PASSWORD=bench
  MP_JWT_VERIFY_PUBLICKEY_LOCATION="$keys/public.pem" SMALLRYE_JWT_SIGN_KEY_LOCATION="$keys/private.pem"
  QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_HOST=127.0.0.1 QUARKUS_MANAGEMENT_PORT=$MGMT
  COINPILOT_JOB_RUNNER_IN_PROCESS=false
  QUARKUS_REST_CLIENT_BINANCE_URL=$closed QUARKUS_REST_CLIENT_COINGECKO_URL=$closed
  QUARKUS_REST_CLIENT_COINGECKO_GLOBAL_URL=$closed QUARKUS_REST_CLIENT_ALTERNATIVE_ME_URL=$closed
  QUARKUS_REST_CLIENT_FRED_URL=$closed
)
log "migrate (the init step)"
env "${app_env[@]}" "$JDK17_HOME/bin/java" -jar "$OUT/jdk17/quarkus-run.jar" migrate | tail -1 >&2

# --- one start: prints "ms cpu_s rss_mib" -----------------------------------------------------------------------------
clk_tck=$(getconf CLK_TCK)
start_once() { # $1 label, $2 java, $3 app dir, rest: JVM options
  local label=$1 java=$2 dir=$3; shift 3
  if curl -s -o /dev/null --max-time 1 "$ready"; then echo "something answers on $ready already" >&2; exit 1; fi
  local logf="$OUT/$label.log" t0 t1 pid code
  t0=$(date +%s%N)
  (cd "$dir" && exec env "${app_env[@]}" "$java" "$@" -jar quarkus-run.jar >"$logf" 2>&1) &
  pid=$!
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$api" 2>/dev/null || true)
    [[ $code == 200 ]] && break
    kill -0 "$pid" 2>/dev/null || { echo "$label exited before serving; see $logf" >&2; tail -20 "$logf" >&2; exit 1; }
    (( ($(date +%s%N) - t0) / 1000000000 < 180 )) || { echo "$label: no 200 after 180 s" >&2; kill "$pid"; exit 1; }
    sleep 0.02
  done
  t1=$(date +%s%N)
  local rss cpu
  rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")
  cpu=$(sed 's/^.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}')
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  awk -v ms=$(((t1 - t0) / 1000000)) -v c="$cpu" -v t="$clk_tck" -v r="$rss" \
    'BEGIN { printf "%d %.2f %.0f\n", ms, c / t, r / 1024 }'
}

variants=("jdk17|$JDK17_HOME/bin/java|$OUT/jdk17|"
          "jdk25-aot|$JDK25_HOME/bin/java|$OUT/jdk25-aot|-XX:AOTCache=app.aot -XX:AOTMode=on"
          "jdk25-aot-serialgc|$JDK25_HOME/bin/java|$OUT/jdk25-aot|-XX:AOTCache=app.aot -XX:AOTMode=on -XX:+UseSerialGC"
          "jdk25-aot-serialgc-c1|$JDK25_HOME/bin/java|$OUT/jdk25-aot|-XX:AOTCache=app.aot -XX:AOTMode=on -XX:+UseSerialGC -XX:TieredStopAtLevel=1")
if [[ $PROFILE == 1 ]]; then
  variants+=("jdk17-flyway-at-start|$JDK17_HOME/bin/java|$OUT/jdk17|-Dquarkus.flyway.migrate-at-start=true"
             "jdk17-no-cds|$JDK17_HOME/bin/java|$OUT/jdk17|-Xshare:off"
             "jdk17-c1-only|$JDK17_HOME/bin/java|$OUT/jdk17|-XX:TieredStopAtLevel=1"
             "jdk25-no-cache|$JDK25_HOME/bin/java|$OUT/jdk25-aot|")
fi
raw="$OUT/starts.tsv"
: > "$raw"
log "$(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $ROUNDS rounds"
for r in $(seq 1 "$ROUNDS"); do
  for v in "${variants[@]}"; do
    IFS='|' read -r label java dir opts <<<"$v"
    # shellcheck disable=SC2086
    line=$(start_once "$label" "$java" "$dir" $opts)
    echo -e "$label\t$r\t${line// /$'\t'}" | tee -a "$raw" >&2
  done
done

# --- health probe -----------------------------------------------------------------------------------------------------
log "health probe: $PROBE_RUNS runs per command against a running JDK 17 service"
(cd "$OUT/jdk17" && exec env "${app_env[@]}" "$JDK17_HOME/bin/java" -jar quarkus-run.jar >"$OUT/probe-target.log" 2>&1) &
target=$!
trap 'kill $target 2>/dev/null || true' EXIT
until curl -fs -o /dev/null "$ready"; do sleep 0.2; done
probe_raw="$OUT/probe.tsv"
: > "$probe_raw"
probe() { # $1 label, rest: command
  local label=$1; shift
  "$@" >/dev/null # warm the page cache
  for _ in $(seq 1 "$PROBE_RUNS"); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null || { echo "probe $label failed" >&2; exit 1; }
    t1=$(date +%s%N)
    echo -e "$label\t$(((t1 - t0) / 1000000))" >> "$probe_raw"
  done
}
fast=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData)
# the probe's AOT cache, trained as Dockerfile.jvm does at image build: one probe run (same flags and class path)
# against a port where nothing listens
probe_aot="$OUT/probe.aot"
rm -f "$probe_aot"
"$JDK25_HOME/bin/java" -XX:AOTCacheOutput="$probe_aot" "${fast[@]}" -cp "$OUT/jdk25-aot/app/*" \
  org.coinpilot.ops.api.HealthCheck --url http://127.0.0.1:1/q/health/ready >/dev/null 2>&1 || true
[[ -s $probe_aot ]] || { echo "no probe AOT cache written" >&2; exit 1; }
"$JDK25_HOME/bin/java" -XX:AOTCache="$probe_aot" -XX:AOTMode=on "${fast[@]}" -cp "$OUT/jdk25-aot/app/*" \
  org.coinpilot.ops.api.HealthCheck --url "$ready" >/dev/null || { echo "the JVM refuses $probe_aot" >&2; exit 1; }
probe "jdk17 quarkus-run.jar health" "$JDK17_HOME/bin/java" "${fast[@]}" -jar "$OUT/jdk17/quarkus-run.jar" health --url "$ready"
probe "jdk17 HealthCheck main" "$JDK17_HOME/bin/java" "${fast[@]}" -cp "$OUT/jdk17/app/*" org.coinpilot.ops.api.HealthCheck --url "$ready"
probe "jdk25 HealthCheck main" "$JDK25_HOME/bin/java" "${fast[@]}" -cp "$OUT/jdk25-aot/app/*" org.coinpilot.ops.api.HealthCheck --url "$ready"
probe "jdk25 HealthCheck main + probe.aot (Dockerfile HEALTHCHECK)" "$JDK25_HOME/bin/java" -XX:AOTCache="$probe_aot" "${fast[@]}" -cp "$OUT/jdk25-aot/app/*" org.coinpilot.ops.api.HealthCheck --url "$ready"
kill "$target"; wait "$target" 2>/dev/null || true
trap - EXIT

# --- report -----------------------------------------------------------------------------------------------------------
median() { sort -n | awk '{a[NR] = $1} END {if (NR % 2) print a[(NR + 1) / 2]; else printf "%.0f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
minmax() { sort -n | awk 'NR == 1 {min = $1} {max = $1} END {print min "–" max}'; }
{
  echo "Command: \`bench/startup/startup.sh --rounds $ROUNDS --probe-runs $PROBE_RUNS$([[ $PROFILE == 1 ]] && echo ' --profile')\`;"
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) vCPU, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo);"
  echo "$("$JDK17_HOME/bin/java" -version 2>&1 | head -1) and $("$JDK25_HOME/bin/java" -version 2>&1 | head -1);"
  echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg). PostgreSQL 15 on localhost, migrated database."
  echo
  echo "| variant | time to first 200 (ms, median) | min–max | CPU s at it (median) | RSS MiB (median) | ÷ jdk17 |"
  echo "| --- | --- | --- | --- | --- | --- |"
  base=$(awk -F'\t' '$1 == "jdk17" {print $3}' "$raw" | median)
  for label in $(cut -f1 "$raw" | awk '!seen[$0]++'); do
    m=$(awk -F'\t' -v l="$label" '$1 == l {print $3}' "$raw" | median)
    mm=$(awk -F'\t' -v l="$label" '$1 == l {print $3}' "$raw" | minmax)
    c=$(awk -F'\t' -v l="$label" '$1 == l {print $4 * 100}' "$raw" | median)
    rs=$(awk -F'\t' -v l="$label" '$1 == l {print $5}' "$raw" | median)
    echo "| $label | $m | $mm | $(awk -v c="$c" 'BEGIN {printf "%.2f", c / 100}') | $rs | $(awk -v a="$m" -v b="$base" 'BEGIN {printf "%.2f", a / b}') |"
  done
  echo
  echo "| health probe | median (ms) | min–max |"
  echo "| --- | --- | --- |"
  cut -f1 "$probe_raw" | awk '!seen[$0]++' | while read -r label; do
    echo "| $label | $(awk -F'\t' -v l="$label" '$1 == l {print $2}' "$probe_raw" | median) | $(awk -F'\t' -v l="$label" '$1 == l {print $2}' "$probe_raw" | minmax) |"
  done
} | tee "$OUT/results.md"
