#!/usr/bin/env bash
# Coinpilot foundation benchmark: build times, start-up to /q/health/ready (+ RSS, CPU) on JDK 17 and JDK 25
# (with and without the AOT cache), and the `health` CLI probe. Prints markdown tables; everything runs on
# localhost and is bounded (N starts, a fixed number of probe runs).
#
#   bench/foundation/run.sh [--skip-cold] [--skip-builds] [--reps N] [--probe-runs N] [--out DIR]
#
#   --skip-cold     skip the cold build (empty local repository: downloads ~200 MB and takes minutes)
#   --skip-builds   measure start-up and the probe only: no cold / warm verify; reuse DIR/app-jdk17 and
#                   target/quarkus-app (+ app.aot) when present, build only what is missing
#   --reps N        start-ups per variant and phase (default 3)
#   --probe-runs N  hyperfine runs per CLI-probe variant (default 10, after 2 warm-ups)
#   --out DIR       where logs and raw results go (default /tmp/bench-foundation.<UTC timestamp>)
#
# Environment: JDK17_HOME (default /usr/lib/jvm/java-17-openjdk-amd64), JDK25_HOME (default
# /usr/lib/jvm/temurin-25-jdk-amd64), BENCH_HTTP_PORT (18781), BENCH_PG_PORT (55432).
#
# The database is a private PostgreSQL 15 cluster (the system binaries, initdb into a temporary directory,
# host auth scram-sha-256, listening on 127.0.0.1:BENCH_PG_PORT only), started here and stopped and removed at
# the end, so the shared `15 main` cluster is never touched. The app runs with the prod profile; the two jobs
# that call the internet (market.candles.ingest, market.catalogue.sync) are disabled and the REST clients point
# at a closed local port, so nothing leaves localhost.
#
# Leaves target/ with the JDK 25 AOT build (the last build step).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

skip_cold=false
skip_builds=false
reps=3
probe_runs=10
out=""
while (($#)); do
  case $1 in
    --skip-cold) skip_cold=true ;;
    --skip-builds) skip_builds=true; skip_cold=true ;;
    --reps) reps=$2; shift ;;
    --probe-runs) probe_runs=$2; shift ;;
    --out) out=$2; shift ;;
    -h | --help) sed -n '2,23p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done

JDK17_HOME=${JDK17_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
JDK25_HOME=${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
http_port=${BENCH_HTTP_PORT:-18781}
pg_port=${BENCH_PG_PORT:-55432}
pg_bin=/usr/lib/postgresql/15/bin
out=${out:-/tmp/bench-foundation.$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$out"
echo "bench-foundation: logs and raw results in $out" >&2

for port in "$http_port" "$pg_port"; do
  if ss -Hltn "sport = :$port" | grep -q .; then
    echo "port $port is in use; set BENCH_HTTP_PORT / BENCH_PG_PORT" >&2
    exit 1
  fi
done
command -v curl >/dev/null && [[ -x /usr/bin/time && -x $pg_bin/initdb ]] || {
  echo "needs curl, /usr/bin/time and PostgreSQL 15 ($pg_bin)" >&2
  exit 1
}

# ---------------------------------------------------------------------------------------------------------
# cleanup: the long-running probe target, the private PostgreSQL cluster, the cold local repository
# ---------------------------------------------------------------------------------------------------------
app_pid=""
pg_data=""
cold_repo=""
cleanup() {
  if [[ -n $app_pid ]] && kill -0 "$app_pid" 2>/dev/null; then
    kill -TERM "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  if [[ -n $pg_data && -d $pg_data ]]; then
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$pg_data"
  fi
  [[ -n $cold_repo ]] && rm -rf "$cold_repo"
  return 0
}
trap cleanup EXIT

log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

# ---------------------------------------------------------------------------------------------------------
# machine facts
# ---------------------------------------------------------------------------------------------------------
{
  echo "## Machine"
  echo
  echo '```'
  echo "\$ date -u";  date -u
  echo "\$ nproc";    nproc
  echo "\$ free -h";  free -h
  echo "\$ uptime";   uptime
  echo "\$ $JDK17_HOME/bin/java -version"; "$JDK17_HOME/bin/java" -version 2>&1
  echo "\$ $JDK25_HOME/bin/java -version"; "$JDK25_HOME/bin/java" -version 2>&1
  echo "\$ git rev-parse --short HEAD"; git rev-parse --short HEAD
  echo '```'
} >"$out/machine.md"

# ---------------------------------------------------------------------------------------------------------
# builds: timed with /usr/bin/time -v (wall, user, sys) and date +%s%N
# ---------------------------------------------------------------------------------------------------------
# rows accumulate when a run is repeated into the same --out (e.g. --skip-builds after a failed step)
[[ -f $out/builds.tsv ]] || printf 'step\tcommand\twall_s\tuser_s\tsys_s\trc\n' >"$out/builds.tsv"
timed() { # timed NAME JAVA_HOME COMMAND...
  local name=$1 jhome=$2
  shift 2
  log "build: $name: $*"
  local t0 t1 rc=0
  t0=$(date +%s%N)
  JAVA_HOME=$jhome /usr/bin/time -v -o "$out/$name.time" "$@" >"$out/$name.log" 2>&1 || rc=$?
  t1=$(date +%s%N)
  local user sys
  user=$(awk -F': ' '/User time/ {print $2}' "$out/$name.time")
  sys=$(awk -F': ' '/System time/ {print $2}' "$out/$name.time")
  printf '%s\t%s\t%.1f\t%s\t%s\t%s\n' "$name" "JAVA_HOME=$jhome $*" "$(awk -v a="$t0" -v b="$t1" 'BEGIN {print (b - a) / 1e9}')" \
    "$user" "$sys" "$rc" >>"$out/builds.tsv"
  if ((rc != 0)); then
    log "build $name FAILED (exit $rc); last lines of $out/$name.log:"
    tail -n 40 "$out/$name.log" >&2
  fi
  return $rc
}

if ! $skip_cold; then
  cold_repo=$(mktemp -d -t bench-foundation-m2.XXXXXX)
  rm -rf target
  timed cold-verify "$JDK17_HOME" ./mvnw -B verify "-Dmaven.repo.local=$cold_repo" || true
  echo "$(du -sm "$cold_repo" | cut -f1) MB, $(find "$cold_repo" -name '*.jar' | wc -l) jars" >"$out/cold-repo.txt"
  rm -rf "$cold_repo"
  cold_repo=""
fi
$skip_builds || timed warm-clean-verify "$JDK17_HOME" ./mvnw -B clean verify || true

# the prod jar for JDK 17 (fast-jar); kept in $out because the JDK 25 build below replaces target/
if ! $skip_builds || [[ ! -f $out/app-jdk17/quarkus-run.jar ]]; then
  # clean: after a build without -Dprod, target/classes keeps the embedded launcher's
  # META-INF/services/io.smallrye.config.ConfigSourceFactory while its class is gone, and the Quarkus build fails
  # ("Provider org.coinpilot.common.persistence.EmbeddedDatabaseConfigSourceFactory not found")
  timed package-prod-jdk17 "$JDK17_HOME" ./mvnw -B clean package -DskipTests -Dprod
  rm -rf "$out/app-jdk17"
  cp -a target/quarkus-app "$out/app-jdk17"
fi

# the prod jar for JDK 25 with the AOT cache trained by the @QuarkusIntegrationTest run
aot_rc=0
$skip_builds && [[ -f target/quarkus-app/app.aot ]] ||
timed verify-prod-aot-jdk25 "$JDK25_HOME" ./mvnw -B clean verify -Dprod -Dquarkus.package.jar.aot.enabled=true || aot_rc=$?
if ((aot_rc != 0)) && [[ ! -f target/quarkus-app/app.aot ]]; then
  # a unit test failed before the integration tests could train the cache: once more with the ITs only
  log "the AOT build failed before the cache was trained; retrying with the unit tests skipped"
  timed verify-prod-aot-jdk25-its-only "$JDK25_HOME" ./mvnw -B clean verify -Dprod -Dquarkus.package.jar.aot.enabled=true \
    -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false || true
fi
{
  echo "\$ ls -la target/quarkus-app"
  ls -la target/quarkus-app
  echo
  echo "build log lines mentioning AOT:"
  cat "$out"/verify-prod-aot-jdk25*.log 2>/dev/null | grep -i -E 'aot|leyden'  | grep -v -E '^\[INFO\] (Download|Tests run)' | head -n 20 || true
} >"$out/aot-artifacts.txt"
aot_app="$root/target/quarkus-app"
aot_ok=false
aot_jar=false
[[ -f $aot_app/quarkus-run.jar ]] && aot_jar=true
if [[ -f $aot_app/app.aot ]]; then
  # AOTMode=on makes the JVM fail (instead of silently running without) when the cache cannot be used
  if (cd "$aot_app" && "$JDK25_HOME/bin/java" -XX:AOTCache=app.aot -XX:AOTMode=on -jar quarkus-run.jar version) \
    >"$out/aot-check.log" 2>&1; then
    aot_ok=true
  else
    log "the AOT cache is rejected by $JDK25_HOME (see $out/aot-check.log)"
  fi
else
  log "no target/quarkus-app/app.aot after the AOT build (see $out/aot-artifacts.txt)"
fi

# ---------------------------------------------------------------------------------------------------------
# a private PostgreSQL 15 cluster on 127.0.0.1:$pg_port
# ---------------------------------------------------------------------------------------------------------
pg_data=$(mktemp -d -t bench-foundation-pg.XXXXXX)
chown postgres: "$pg_data"
chmod 700 "$pg_data"
db_password=$(openssl rand -hex 16)
log "postgres: initdb + start on 127.0.0.1:$pg_port"
runuser -u postgres -- "$pg_bin/initdb" -D "$pg_data" -U postgres --auth-local=peer --auth-host=scram-sha-256 \
  >"$out/pg-initdb.log" 2>&1
runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w \
  -o "-p $pg_port -c listen_addresses=127.0.0.1 -k $pg_data" start >"$out/pg-start.log" 2>&1
psql_admin() { runuser -u postgres -- env PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -h "$pg_data" -p "$pg_port" -d postgres "$@"; }
psql_admin -c "CREATE ROLE coinpilot_bench LOGIN PASSWORD '$db_password'"
recreate_db() {
  psql_admin -c "DROP DATABASE IF EXISTS coinpilot_bench WITH (FORCE)" -c "CREATE DATABASE coinpilot_bench OWNER coinpilot_bench"
}

# JWT keys for the prod profile
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$out/jwt-private.pem" 2>/dev/null
openssl pkey -in "$out/jwt-private.pem" -pubout -out "$out/jwt-public.pem"

cat >"$out/app.env" <<EOF
QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:$pg_port/coinpilot_bench
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$pg_port/coinpilot_bench
QUARKUS_DATASOURCE_USERNAME=coinpilot_bench
QUARKUS_DATASOURCE_PASSWORD=$db_password
MP_JWT_VERIFY_PUBLICKEY_LOCATION=$out/jwt-public.pem
SMALLRYE_JWT_SIGN_KEY_LOCATION=$out/jwt-private.pem
QUARKUS_HTTP_HOST=127.0.0.1
QUARKUS_HTTP_PORT=$http_port
QUARKUS_MANAGEMENT_PORT=$((http_port + 100))
EOF
export BENCH_APP_ENV_FILE="$out/app.env"
export BENCH_READY_URL="http://127.0.0.1:$((http_port + 100))/q/health/ready" # the management port
# localhost only: no job calls the exchanges, and the REST clients point at a closed local port
common_jvm=(
  '-Dcoinpilot.jobs."market.candles.ingest".enabled=false'
  '-Dcoinpilot.jobs."market.catalogue.sync".enabled=false'
  -Dquarkus.rest-client.binance.url=http://127.0.0.1:9
  -Dquarkus.rest-client.coingecko.url=http://127.0.0.1:9
)

# ---------------------------------------------------------------------------------------------------------
# start-up: variants interleaved per repetition; "fresh" = new empty database (Flyway migrates at start),
# "migrated" = the next start on the same database
# ---------------------------------------------------------------------------------------------------------
variants=("jdk17" "jdk25-fastjar")
$aot_jar && variants+=("jdk25-aotjar-nocache")
$aot_ok && variants+=("jdk25-aotjar-cache")
variant_java() { case $1 in jdk17) echo "$JDK17_HOME/bin/java" ;; *) echo "$JDK25_HOME/bin/java" ;; esac; }
variant_dir() { case $1 in jdk17 | jdk25-fastjar) echo "$out/app-jdk17" ;; *) echo "$aot_app" ;; esac; }
variant_opts() { [[ $1 == jdk25-aotjar-cache ]] && echo "-XX:AOTCache=app.aot" || true; }

printf 'variant\tphase\tms_to_ready\trss_mib\tcpu_s\tquarkus_started_s\n' >"$out/starts.tsv"
for rep in $(seq 1 "$reps"); do
  for v in "${variants[@]}"; do
    recreate_db
    for phase in fresh migrated; do
      log "start-up: $v $phase (repetition $rep/$reps)"
      mapfile -t opts < <(variant_opts "$v")
      "$here/measure-start.sh" "$v" "$phase" "$(variant_java "$v")" "$(variant_dir "$v")" \
        "$out/start-$v-$phase-$rep.log" -- "${opts[@]}" "${common_jvm[@]}" | tee -a "$out/starts.tsv" >&2
      sleep 1
    done
  done
done
# did the AOT cache load in the measured runs? (the JVM warns on stdout when it cannot use it)
cat "$out"/start-jdk25-aotjar-cache-*.log 2>/dev/null | grep -E '\[(warning|error)\]\[(aot|cds)' |
  sed -E 's/^\[[0-9.]+s\]//' | sort | uniq -c >"$out/aot-start-warnings.txt" || true

# ---------------------------------------------------------------------------------------------------------
# CLI probe: `quarkus-run.jar health --url ...` against a running app (JDK 17 app on the migrated database)
# ---------------------------------------------------------------------------------------------------------
log "probe: starting the target app"
mapfile -t app_env < <(grep . "$BENCH_APP_ENV_FILE")
(cd "$out/app-jdk17" && exec env "${app_env[@]}" "$JDK17_HOME/bin/java" "${common_jvm[@]}" -jar quarkus-run.jar \
  >"$out/probe-target.log" 2>&1) &
app_pid=$!
for _ in $(seq 1 600); do
  curl -sf -o /dev/null --max-time 2 "$BENCH_READY_URL" && break
  sleep 0.1
done
curl -sf -o /dev/null --max-time 2 "$BENCH_READY_URL" || { echo "probe target did not become ready" >&2; exit 1; }

probe25_app=$aot_app
$aot_jar || probe25_app="$out/app-jdk17"
probe_names=("jdk17" "jdk17 -XX:TieredStopAtLevel=1 (Dockerfile HEALTHCHECK flags)" "jdk25" "jdk25 -XX:TieredStopAtLevel=1")
probe_cmds=(
  "$JDK17_HOME/bin/java -jar $out/app-jdk17/quarkus-run.jar health --url $BENCH_READY_URL"
  "$JDK17_HOME/bin/java -XX:TieredStopAtLevel=1 -Xshare:auto -jar $out/app-jdk17/quarkus-run.jar health --url $BENCH_READY_URL"
  "$JDK25_HOME/bin/java -jar $probe25_app/quarkus-run.jar health --url $BENCH_READY_URL"
  "$JDK25_HOME/bin/java -XX:TieredStopAtLevel=1 -Xshare:auto -jar $probe25_app/quarkus-run.jar health --url $BENCH_READY_URL"
)
if $aot_ok; then
  probe_names+=("jdk25 + AOT cache of the server run")
  probe_cmds+=("$JDK25_HOME/bin/java -XX:AOTCache=$aot_app/app.aot -jar $aot_app/quarkus-run.jar health --url $BENCH_READY_URL")
fi
read -r -a once <<<"${probe_cmds[0]}"
"${once[@]}" >"$out/probe-once.txt" 2>&1 || true
: >"$out/probe.md"
if command -v hyperfine >/dev/null; then
  args=()
  for i in "${!probe_cmds[@]}"; do args+=(-n "${probe_names[$i]}" "${probe_cmds[$i]}"); done
  log "probe: hyperfine, ${#probe_cmds[@]} commands x $probe_runs runs"
  hyperfine -N --warmup 2 --runs "$probe_runs" --export-markdown "$out/probe.md" \
    --export-json "$out/probe.json" "${args[@]}" >"$out/probe-hyperfine.txt" 2>&1
else
  log "probe: hyperfine not installed; timing a loop"
  printf '| command | mean [ms] | min [ms] | max [ms] |\n|:---|---:|---:|---:|\n' >"$out/probe.md"
  for i in "${!probe_cmds[@]}"; do
    read -r -a cmd <<<"${probe_cmds[$i]}"
    for _ in 1 2; do "${cmd[@]}" >/dev/null 2>&1; done
    for _ in $(seq 1 "$probe_runs"); do
      t0=$(date +%s%N); "${cmd[@]}" >/dev/null 2>&1; t1=$(date +%s%N); echo $(((t1 - t0) / 1000000))
    done | awk -v n="${probe_names[$i]}" '{s+=$1; if(NR==1||$1<mn)mn=$1; if($1>mx)mx=$1} END {printf "| %s | %.0f | %d | %d |\n", n, s/NR, mn, mx}' >>"$out/probe.md"
  done
fi
kill -TERM "$app_pid" 2>/dev/null || true
wait "$app_pid" 2>/dev/null || true
app_pid=""

# ---------------------------------------------------------------------------------------------------------
# report
# ---------------------------------------------------------------------------------------------------------
{
  cat "$out/machine.md"
  echo
  echo "## Build"
  echo
  echo "| step | command | wall | CPU (user + sys) | exit |"
  echo "| --- | --- | --- | --- | --- |"
  tail -n +2 "$out/builds.tsv" | awk -F'\t' '{
      cmd = $2; sub(/^JAVA_HOME=[^ ]*\/(java-17-openjdk-amd64|temurin-25-jdk-amd64) /, "", cmd)
      jdk = ($2 ~ /temurin-25/) ? "JDK 25: " : "JDK 17: "
      sub(/-Dmaven.repo.local=[^ ]*/, "-Dmaven.repo.local=$(mktemp -d)", cmd)
      printf "| %s | %s`%s` | %d min %02d s | %.0f s | %s |\n", $1, jdk, cmd, int($3/60), $3%60, $4+$5, $6 }'
  failed_tests=$(for f in "$out"/cold-verify.log "$out"/warm-clean-verify.log "$out"/verify-prod-aot-jdk25*.log; do
    [[ -f $f ]] || continue
    grep -h -E '^\[ERROR\] .*<<< (FAILURE|ERROR)!' "$f" | grep -v 'Tests run' | sed "s|^\[ERROR\] |- $(basename "$f" .log): failed |" || true
  done)
  [[ -n $failed_tests ]] && printf '\nFailed tests:\n\n%s\n' "$failed_tests"
  [[ -f $out/cold-repo.txt ]] && echo && echo "Cold local repository after the build: $(cat "$out/cold-repo.txt")."
  echo
  echo "## Start-up to the first \`200 UP\` on /q/health/ready (prod profile, $reps starts each)"
  echo
  echo "fresh = empty database, Flyway migrates during start-up; migrated = the next start on the same database."
  echo "Median (min–max); ÷ jdk17 = ratio of medians, same phase, same run. CPU = user+sys seconds of the JVM at that"
  echo "moment (less sensitive to other load on the machine than wall time). \"Quarkus log\" = its own \"started in\"."
  echo
  echo "| variant | phase | time to ready | ÷ jdk17 | RSS MiB | CPU s | CPU ÷ jdk17 | Quarkus log s |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
  tail -n +2 "$out/starts.tsv" | sort -t$'\t' -k1,1 -k2,2 -k3,3n | awk -F'\t' '
    function med(a, n,   i, j, t, b) { for (i = 1; i <= n; i++) b[i] = a[i]
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (b[j] < b[i]) { t = b[i]; b[i] = b[j]; b[j] = t }
      return (n % 2) ? b[(n + 1) / 2] : (b[n / 2] + b[n / 2 + 1]) / 2 }
    function mn(a, n,   i, m) { m = a[1]; for (i = 2; i <= n; i++) if (a[i] < m) m = a[i]; return m }
    function mx(a, n,   i, m) { m = a[1]; for (i = 2; i <= n; i++) if (a[i] > m) m = a[i]; return m }
    { k = $1 "\t" $2; if (!(k in cnt)) order[++nk] = k; c = ++cnt[k]
      ms[k, c] = $3; rss[k, c] = $4; cpu[k, c] = $5; st[k, c] = $6 }
    END {
      for (i = 1; i <= nk; i++) { k = order[i]; n = cnt[k]
        for (j = 1; j <= n; j++) { a1[j] = ms[k, j]; a2[j] = rss[k, j]; a3[j] = cpu[k, j]; a4[j] = st[k, j] }
        M[k] = med(a1, n); L[k] = mn(a1, n); H[k] = mx(a1, n)
        R[k] = med(a2, n); RL[k] = mn(a2, n); RH[k] = mx(a2, n)
        C[k] = med(a3, n); CL[k] = mn(a3, n); CH[k] = mx(a3, n); S[k] = med(a4, n) }
      split("jdk17 jdk25-fastjar jdk25-aotjar-nocache jdk25-aotjar-cache", vs, " ")
      for (v = 1; v <= 4; v++) for (p = 1; p <= 2; p++) { ph = (p == 1) ? "fresh" : "migrated"; k = vs[v] "\t" ph
        if (!(k in M)) continue; base = "jdk17\t" ph
        printf "| %s | %s | %.2f s (%.2f–%.2f) | %.2f | %d (%d–%d) | %.1f (%.1f–%.1f) | %.2f | %.2f |\n", vs[v], ph,
          M[k] / 1000, L[k] / 1000, H[k] / 1000, (base in M) ? M[k] / M[base] : 0, R[k], RL[k], RH[k], C[k], CL[k], CH[k],
          (base in C && C[base] > 0) ? C[k] / C[base] : 0, S[k] } }'
  echo
  echo "Variants: jdk17 = \`java -jar quarkus-run.jar\` of \`./mvnw package -DskipTests -Dprod\` (fast-jar) on JDK 17;"
  echo "jdk25-fastjar = the same jar on JDK 25; jdk25-aotjar-* = the \`verify -Dprod -Dquarkus.package.jar.aot.enabled=true\`"
  echo "build on JDK 25 (aot-jar packaging), without / with \`-XX:AOTCache=app.aot\`."
  $aot_ok || echo "The AOT-cache variant was NOT measured: see aot-check.log / aot-artifacts.txt in $out."
  if [[ -s $out/aot-start-warnings.txt ]]; then
    echo
    echo "JVM AOT warnings in the measured jdk25-aotjar-cache starts (count, message):"
    echo
    echo '```'
    cat "$out/aot-start-warnings.txt"
    echo '```'
  fi
  echo
  echo "## CLI probe \`quarkus-run.jar health --url …\` against the running app ($probe_runs runs, 2 warm-ups)"
  echo
  cat "$out/probe.md"
  echo
  echo "Probe output: \`$(head -c 200 "$out/probe-once.txt")\`"
  echo
  echo "End: $(date -u); load: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out/results.md"
