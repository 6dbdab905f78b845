#!/usr/bin/env bash
# Ingest benchmark: CandleRepository's bulk upsert vs COPY of the same rows into price_data, one run, one database.
# Needs a PostgreSQL with a scratch database (default jdbc:postgresql://localhost:5432/bench, user/password bench);
# the schema public of that database is DROPPED and rebuilt from the Flyway migrations V001 + V003.
# Extra arguments are JVM system properties, e.g. bench/market/ingest.sh -Drows=400000 -Dbatches=1000,5000,10000
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | sort -V | tail -1)"
exec java -Xmx2g -cp "$jar" -Droot="$root" "$@" "$here/IngestBench.java"
