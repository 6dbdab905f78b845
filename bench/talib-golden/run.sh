#!/usr/bin/env bash
# Regenerates src/test/resources/indicators/golden/*.csv with TA-Lib's C code (npm talib-web@0.1.3, WASM).
# talib-web is installed in a scratch folder outside the repository (default /tmp/talib); one series per process.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
scratch="${TALIB_SCRATCH:-/tmp/talib}"
out="${1:-$here/../../src/test/resources/indicators/golden}"
if [ ! -f "$scratch/node_modules/talib-web/lib/talib.wasm" ]; then
  mkdir -p "$scratch"
  (cd "$scratch" && npm init -y >/dev/null && npm install --no-audit --no-fund talib-web@0.1.3)
fi
for s in $(node "$here/generate.js" --list); do
  TALIB_WEB_DIR="$scratch/node_modules/talib-web" node "$here/generate.js" "$s" "$out"
done
