#!/usr/bin/env bash
# Start-up time and memory of the built jar, measured as issue 20's table asks (medians; run it on an idle machine).
#   ./mvnw -B -DskipTests package && scripts/benchmark-startup.sh        (RUNS=5 by default)
# Writes target/benchmarks/startup.txt. The API and CLI rows come from ApiBenchmark (see the README).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-5}"
PORT="${PORT:-18181}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAR="${JAR:-$(ls target/plate-*.jar 2>/dev/null | grep -v '\.original$' | head -1 || true)}" # JAR=… compares another build
[ -n "$JAR" ] || { echo "No target/plate-*.jar: build it first (./mvnw -B -DskipTests package)" >&2; exit 1; }
WORK="$(mktemp -d)"
OUT="${OUT:-target/benchmarks/startup.txt}"
mkdir -p target/benchmarks
trap 'stop; rm -rf "$WORK"' EXIT

PID=""
stop() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
    kill -- "-$PID" 2>/dev/null || kill "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
  fi
  PID=""
}

# Starts "$@" in a process group of its own on a fresh data directory and waits until $URL answers 200 (with
# "UP" in it for the health URL). Sets TOOK to the seconds it took and leaves the process running in $PID, its
# output in $LOG (globals:
# a command substitution would run this in a subshell and lose the PID).
start() {
  local url="$1"; shift
  local data="$WORK/data-$RANDOM$RANDOM"
  mkdir -p "$data"
  local t0 t1
  if curl -s --max-time 1 "http://localhost:$PORT/" >/dev/null 2>&1; then
    echo "Something already answers on port $PORT: stop it, or choose another with PORT=" >&2; exit 1
  fi
  t0=$(date +%s%N)
  LOG="$data.log"
  PLATE_DATA_DIR="$data" SERVER_PORT="$PORT" setsid "$@" >"$LOG" 2>&1 &
  PID=$!
  until body=$(curl -sf --max-time 2 "$url" 2>/dev/null) && { [[ "$url" != *health* ]] || [[ "$body" == *'"UP"'* ]]; }; do
    if ! kill -0 "$PID" 2>/dev/null; then
      echo "The process ended before answering: $data.log" >&2; tail -20 "$data.log" >&2; exit 1
    fi
    sleep 0.05
  done
  t1=$(date +%s%N)
  TOOK=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f\n", (b - a) / 1e9 }')
}

# The resident memory of the process group's JVM (the largest member: Maven forks one for spring-boot:run), in MB.
rss() {
  ps -o rss= --sid "$PID" | sort -n | tail -1 | awk '{ printf "%d\n", $1 / 1024 }'
}

median() {
  printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

series() { # label, then the command; RUNS starts, the median and every run
  local label="$1"; shift
  local url="$1"; shift
  local times=() memory=()
  for _ in $(seq "$RUNS"); do
    start "$url" "$@"
    times+=("$TOOK")
    sleep 5 # idle, as a server is between requests
    memory+=("$(rss)")
    stop
  done
  printf '%-58s median %6s s   runs: %s   RSS after 5 s idle: median %s MB\n' "$label" "$(median "${times[@]}")" \
    "${times[*]}" "$(median "${memory[@]}")" | tee -a "$OUT"
}

HEALTH="http://localhost:$PORT/actuator/health"
{
  echo "Plate start-up benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $("$JAVA" -version 2>&1 | head -1)"
  echo "jar: $JAR, $RUNS runs each, fresh data directory each run; time to health UP unless said"
} | tee "$OUT"

# SERIES="image" runs only that one; an older jar without the start-up cache: SERIES="cold cpu-cold image"
wanted() { [[ " ${SERIES:-jar cpu cold cpu-cold idle image maven} " == *" $1 "* ]]; }

# java -jar as the build left it: `./mvnw package` recorded the jar's start-up cache (ADR 0021), in the caches'
# usual place (PLATE_START_CACHE_DIR, else ~/.cache/plate/start), so every start of it runs from there, the first
# included. Then without any cache (PLATE_START_CACHE=off): a jar built with -Dplate.start-cache.skip, or copied
# elsewhere, starts so once, and records its cache after it is up.
from_the_build() { # the last start's log says it ran from the cache, or the row says it did not
  grep -q "Started from the start-up cache" "$LOG" || echo "  (NOT from a start-up cache: was the jar built with" \
    "-Dplate.start-cache.skip, or by another JDK?)" | tee -a "$OUT"
}
if wanted jar; then
  series "java -jar as built (from the cache the build recorded)" "$HEALTH" "$JAVA" -jar "$JAR"
  from_the_build
fi
if wanted cpu; then
  series "java -jar on one CPU (taskset -c 0), as built" "$HEALTH" taskset -c 0 "$JAVA" -jar "$JAR"
  from_the_build
fi
if wanted cold; then
  series "java -jar without a start-up cache" "$HEALTH" env PLATE_START_CACHE=off "$JAVA" -jar "$JAR"
fi
if wanted cpu-cold; then
  series "java -jar on one CPU, without a start-up cache" "$HEALTH" \
    env PLATE_START_CACHE=off taskset -c 0 "$JAVA" -jar "$JAR"
fi
# Memory once Plate idles: G1 keeps what the start used until a whole-heap collection; Plate has one run after a
# minute without one, and the C library's heap trimmed 15 s after the start and every minute (IdleMemory). One start
# each of java -jar and (below) the image's path, its RSS 5 s, 20 s and 75 s after it answered.
idle() { # label, then the command
  local label="$1"; shift
  start "$HEALTH" "$@"
  sleep 5; local at5; at5="$(rss)"
  sleep 15; local at20; at20="$(rss)"
  sleep 55
  printf '%-58s RSS after 5 s idle: %s MB, 20 s: %s MB, 75 s: %s MB\n' "$label" "$at5" "$at20" "$(rss)" | tee -a "$OUT"
  stop
}
if wanted idle; then
  idle "java -jar as built, one start left idle" "$JAVA" -jar "$JAR"
fi

# The image's path: the extracted jar and an AOT cache recorded by a training run, as the Dockerfile does.
if wanted image; then
  IMAGE="$WORK/image"
  "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$IMAGE" >/dev/null
  [ "$(basename "$JAR")" = plate.jar ] || mv "$IMAGE/$(basename "$JAR")" "$IMAGE/plate.jar"
  (cd "$IMAGE" && PLATE_DATA_DIR="$WORK/train" "$JAVA" -XX:AOTCacheOutput="$IMAGE/plate.aot" -XX:+UseSerialGC \
    -jar plate.jar --plate.start-cache.training=true --server.port=0 >"$WORK/train.log" 2>&1)
  # From the training's directory with the same relative jar: the cache is refused for another class path. With the
  # image's own JAVA_TOOL_OPTIONS (the Dockerfile's ENV): C1 only (ADR 0022); then with C2 as well, for comparison.
  IMAGE_OPTIONS="-XX:MaxRAMPercentage=60 -XX:TieredStopAtLevel=1"
  series "the image's path (extracted jar + AOT cache), to health UP" "$HEALTH" \
    env -C "$IMAGE" JAVA_TOOL_OPTIONS="$IMAGE_OPTIONS" "$JAVA" -XX:AOTCache=plate.aot -XX:+UseSerialGC -Xms64m \
    -jar plate.jar
  series "the image's path with C2 as well (no TieredStopAtLevel=1)" "$HEALTH" \
    env -C "$IMAGE" JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60" "$JAVA" -XX:AOTCache=plate.aot -XX:+UseSerialGC \
    -Xms64m -jar plate.jar
  if wanted idle; then
    idle "the image's path, one start left idle" \
      env -C "$IMAGE" JAVA_TOOL_OPTIONS="$IMAGE_OPTIONS" "$JAVA" -XX:AOTCache=plate.aot -XX:+UseSerialGC -Xms64m \
      -jar plate.jar
  fi
fi

if wanted maven && [ "${SKIP_MAVEN_RUN:-}" != "true" ]; then
  series "./mvnw spring-boot:run (built checkout), to the login page" "http://localhost:$PORT/login" \
    ./mvnw -o -q -P'!cli' spring-boot:run -Dspring-boot.run.arguments=--server.port="$PORT"
fi
echo "Written to $OUT"
