#!/usr/bin/env bash
# Builds and runs the indicator-engine JMH benchmark (1,000,000 synthetic candles).
# Extra arguments go to JMH, e.g. bench/indicators/run.sh -f 1 -wi 1 -i 1  (default: -f 1 -wi 3 -i 5 -w 3s -r 3s).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
"$root/mvnw" -q -f "$here/pom.xml" -DskipTests package
args=("$@")
if [ ${#args[@]} -eq 0 ]; then
  args=(-f 1 -wi 3 -i 5 -w 3s -r 3s)
fi
java -jar "$here/target/benchmarks.jar" "${args[@]}" -rf json -rff "$here/target/jmh-result.json" 'org.coinpilot.bench.*'
