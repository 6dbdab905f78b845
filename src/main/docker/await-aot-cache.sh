#!/usr/bin/env bash
# Waits until the AOT cache that the integration tests train is complete, then checks it (docs/deploy.md):
#
#   src/main/docker/await-aot-cache.sh [QUARKUS_APP_DIR] [TIMEOUT_SECONDS]     (defaults: target/quarkus-app, 900)
#
# With quarkus.package.jar.aot.enabled=true on JDK 25, Quarkus' @QuarkusIntegrationTest launcher (DefaultJarLauncher,
# 3.33) runs the packaged jar with -XX:AOTMode=record -XX:AOTConfiguration=app.aotconf, stops it (SIGTERM, graceful),
# then starts `java -XX:AOTMode=create -XX:AOTConfiguration=app.aotconf -XX:AOTCache=app.aot -jar quarkus-run.jar`
# but waits only 20 s for it, logs "AOT file ... created" as soon as the file exists, and lets the build go on while
# that JVM is still writing: the build ends with an EMPTY app.aot, which is what an image or a copy then gets. Assembling
# the cache takes ~20 s on an idle 2-vCPU machine and minutes under load; the JVM keeps running after Maven has
# finished and completes the file later. This script waits for that JVM to exit, then requires a non-empty cache that
# the JVM accepts (-XX:AOTMode=on refuses to start with an unusable cache). The pom runs it in post-integration-test
# when the AOT cache is enabled. Exit 1 (with the reason) when there is no usable cache.
set -euo pipefail
dir=${1:-target/quarkus-app}
timeout=${2:-900}
[[ -d $dir ]] || { echo "await-aot-cache: no $dir" >&2; exit 1; }
dir="$(cd "$dir" && pwd)"
cache=$dir/app.aot
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
deadline=$((SECONDS + timeout))
waited=0
while pgrep -f -- "-XX:AOTCache=$cache" >/dev/null; do
  if ((SECONDS >= deadline)); then
    echo "await-aot-cache: the JVM assembling $cache still runs after ${timeout} s" >&2
    exit 1
  fi
  ((waited == 0)) && echo "await-aot-cache: waiting for the JVM that assembles $cache (-XX:AOTMode=create)"
  waited=1
  sleep 1
done
if [[ ! -s $cache ]]; then
  echo "await-aot-cache: $cache is missing or empty: the training run recorded nothing (see target/quarkus.log;" \
    "the training JVM must exit by itself, not be killed) or the assembly failed" >&2
  exit 1
fi
# the cache is tied to the JVM and the class path it was built with: check both with the JVM that will run it
if ! out=$(cd "$dir" && "$java" -XX:AOTCache=app.aot -XX:AOTMode=on -cp quarkus-run.jar -version 2>&1); then
  echo "await-aot-cache: $java refuses $cache:" >&2
  echo "$out" | tail -5 >&2
  exit 1
fi
echo "await-aot-cache: $cache complete, $(($(stat -c %s "$cache") / 1048576)) MiB, accepted by $("$java" -version 2>&1 | head -1)"
