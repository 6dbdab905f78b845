#!/usr/bin/env bash
# OBV and MFI through the API against TA-Lib on the shared real candles (docs/indicators.md "Real data through the
# API"). Starts the packaged app (demo profile: embedded PostgreSQL in a scratch directory, scheduler off, so nothing
# but these imports writes candles), or uses a running one when BASE_URL is set (then ADMIN_EMAIL / ADMIN_PASSWORD
# log in, default the demo admin). For each CSV of the shared market data: creates an asset V<file> (not supported,
# so it is never ingested), imports the CSV through POST /api/v1/admin/assets/{symbol}/candles/import (text/csv: the
# sixth column is base-asset volume), reads obv and mfi_14 through GET /api/v1/assets/{symbol}/indicators and
# compares them with TA-Lib (verify-api.js). Prints one JSON line per file and fails when a difference exceeds 1e-9.
#
#   bench/talib-golden/verify-api.sh [sharedDir]      # default: ../shared next to the repository
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
shared="${1:-$root/../shared}"
scratch="${TALIB_SCRATCH:-/tmp/talib}"
port="${PORT:-18491}"
if [ ! -f "$scratch/node_modules/talib-web/lib/talib.wasm" ]; then
  mkdir -p "$scratch"
  (cd "$scratch" && npm init -y >/dev/null && npm install --no-audit --no-fund talib-web@0.1.3)
fi
app_pid=""
data=""
cleanup() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  if [ -n "$data" ]; then rm -rf "$data"; fi
}
trap cleanup EXIT
if [ -z "${BASE_URL:-}" ]; then
  [ -f "$root/target/quarkus-app/quarkus-run.jar" ] || (cd "$root" && ./mvnw -B -q package -DskipTests)
  data="$(mktemp -d -t coinpilot-verify-api.XXXXXX)"
  java -Dquarkus.profile=demo -Dcoinpilot.embedded-db.data-dir="$data/db" -Dcoinpilot.embedded-db.port=0 \
       -Dquarkus.scheduler.enabled=false -Dquarkus.http.port="$port" -Dquarkus.http.host=127.0.0.1 \
       -Dquarkus.log.level=WARN -jar "$root/target/quarkus-app/quarkus-run.jar" > "$data/app.log" 2>&1 &
  app_pid=$!
  BASE_URL="http://127.0.0.1:$port"
  for _ in $(seq 1 180); do
    curl -fs "$BASE_URL/q/health/ready" > /dev/null 2>&1 && break
    kill -0 "$app_pid" 2>/dev/null || { tail -50 "$data/app.log"; exit 1; }
    sleep 1
  done
fi
echo "== $(date -u) app $BASE_URL; $(java -version 2>&1 | head -1); node $(node --version); nproc $(nproc)" >&2
token=$(curl -fs -H 'Content-Type: application/json' \
  -d "{\"email\":\"${ADMIN_EMAIL:-admin@demo.coinpilot.dev}\",\"password\":\"${ADMIN_PASSWORD:-Coinpilot-demo-2026}\"}" \
  "$BASE_URL/api/v1/auth/login" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).accessToken))')
status=0
for csv in "$shared"/data/market/*.csv; do
  file=$(basename "$csv" .csv)                    # BTCUSDT-1d
  tf=${file##*-}
  symbol="V${file//-/}"                           # VBTCUSDT1d
  curl -fs -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"symbol\":\"$symbol\",\"name\":\"$file (verify-api)\",\"supported\":false}" \
    "$BASE_URL/api/v1/admin/assets" || true     # already there on a second run: the import is idempotent
  curl -fs -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' --data-binary "@$csv" \
    "$BASE_URL/api/v1/admin/assets/$symbol/candles/import?timeframe=$tf" \
    | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const r=JSON.parse(s);
        if(r.rejected.length)throw new Error(JSON.stringify(r.rejected.slice(0,3)));
        console.error(`imported ${r.received} rows: ${r.inserted} inserted, ${r.updated} updated, ${r.unchanged} unchanged`)})'
  fixture=""
  [ -f "$shared/fixtures/indicators/$file.talib.json.gz" ] && fixture="$shared/fixtures/indicators/$file.talib.json.gz"
  line=$(TALIB_WEB_DIR="$scratch/node_modules/talib-web" node "$here/verify-api.js" "$BASE_URL" "$symbol" "$tf" "$csv" $fixture)
  echo "$line"
  echo "$line" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const r=JSON.parse(s);
      for(const k of ["obv","mfi_14"]){if(!(r[k].maxRel<=1e-9)||r[k].nullMismatches||r[k].compared===0)process.exit(1)}})' \
    || { echo "FAILED: $file" >&2; status=1; }
done
exit $status
