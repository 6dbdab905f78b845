#!/usr/bin/env bash
# Lints Coinpilot's OpenAPI document with Spectral and the OWASP ruleset (tools/spectral/ruleset.yaml).
#
#   tools/spectral/lint.sh [DOCUMENT]
#
# DOCUMENT is a file or a URL, by default docs/openapi.yaml (OpenApiDocumentTest keeps it equal to what the service
# serves at /q/openapi; a served document, e.g. http://localhost:9000/q/openapi?format=json, may be given instead).
# Fails (exit 1) on any error, and on a warning of a rule that docs/security.md does not justify (ALLOWED_WARNINGS
# below). Spectral and the ruleset are installed, at the versions pinned by package-lock.json, into a cache folder
# outside the repository ($COINPILOT_TOOLS_CACHE, default ~/.cache/coinpilot), once per lock file. Needs node 18+ and
# npm, and the npm registry on first use.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
document="${1:-$root/docs/openapi.yaml}"

# Rules whose warnings docs/security.md justifies ("The OpenAPI contract"); any other warning fails the lint.
ALLOWED_WARNINGS=(
  owasp:api1:2023-no-numeric-ids
  owasp:api2:2023-write-restricted
  owasp:api2:2023-read-restricted
  owasp:api3:2023-no-additionalProperties
  owasp:api3:2023-constrained-additionalProperties
  owasp:api4:2023-rate-limit
  owasp:api4:2023-rate-limit-responses-429
  owasp:api4:2023-string-restricted
  owasp:api4:2023-string-limit
  owasp:api4:2023-integer-limit-legacy
  owasp:api4:2023-array-limit
  owasp:api8:2023-define-error-responses-401
  owasp:api8:2023-define-error-validation
)

for tool in node npm; do
  command -v "$tool" >/dev/null 2>&1 || { echo "spectral lint needs $tool (node 18+)" >&2; exit 1; }
done
lock_hash="$(sha256sum "$here/package-lock.json" | cut -c1-16)"
tools="${COINPILOT_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/coinpilot}/spectral-$lock_hash"
if [ ! -x "$tools/node_modules/.bin/spectral" ]; then
  echo "installing Spectral (pinned by tools/spectral/package-lock.json) into $tools"
  rm -rf "$tools" && mkdir -p "$tools"
  cp "$here/package.json" "$here/package-lock.json" "$tools/"
  # --ignore-scripts: no install script runs (one dependency's only script is usage telemetry)
  (cd "$tools" && SCARF_ANALYTICS=false npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi

report="$(mktemp -t coinpilot-spectral-XXXXXX.json)"
trap 'rm -f "$report"' EXIT
# the ruleset extends a package: resolve it from the tools folder
cp "$here/ruleset.yaml" "$tools/ruleset.yaml"
set +e
"$tools/node_modules/.bin/spectral" lint --ruleset "$tools/ruleset.yaml" --format json --output "$report" \
  --fail-severity error --quiet "$document"
status=$?
set -e
if [ ! -s "$report" ]; then
  echo "spectral produced no report (exit $status) for $document" >&2
  exit 1
fi
node - "$report" "$document" "${ALLOWED_WARNINGS[@]}" <<'JS'
const [report, document, ...allowed] = process.argv.slice(2);
const results = JSON.parse(require("fs").readFileSync(report, "utf8"));
const names = ["error", "warning", "info", "hint"];
const byRule = new Map();
for (const r of results) {
  const key = `${names[r.severity]} ${r.code}`;
  byRule.set(key, (byRule.get(key) || 0) + 1);
}
const count = (s) => results.filter((r) => r.severity === s).length;
console.log(`spectral (OWASP ruleset) on ${document}: ${count(0)} errors, ${count(1)} warnings, ${count(2)} infos`);
for (const [key, n] of [...byRule].sort()) console.log(`  ${String(n).padStart(4)} ${key}`);
let failed = false;
for (const r of results) {
  const where = `${r.path.join(" > ")}`;
  if (r.severity === 0) {
    console.log(`ERROR ${r.code}: ${r.message} at ${where}`);
    failed = true;
  } else if (r.severity === 1 && !allowed.includes(r.code)) {
    console.log(`UNJUSTIFIED WARNING ${r.code}: ${r.message} at ${where} (justify it in docs/security.md and lint.sh, or fix it)`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
JS
