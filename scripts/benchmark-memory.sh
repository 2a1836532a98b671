#!/usr/bin/env bash
# Issue 20's container row: Plate inside a real 512 MiB memory cgroup, started as the image starts it (extracted jar,
# AOT cache, SerialGC) with the chart's JAVA_TOOL_OPTIONS, then 1,000 projects, 20 open UI sessions and a deploy burst.
#   ./mvnw -B -DskipTests package && sudo scripts/benchmark-memory.sh
# Needs root and the kernel's memory controller (cgroup v1 or v2): the limit is the kernel's, as in a container, so
# going over it is an OOM kill, not a number in a report. Writes target/benchmarks/memory.txt.
# PROJECTS, SESSIONS, DEPLOYS, PARALLEL and LIMIT_MB change the load; JAVA_OPTIONS the JVM's options (the chart's by
# default), e.g. `sudo JAVA_OPTIONS="-XX:MaxRAMPercentage=60" scripts/benchmark-memory.sh` for C2 as well.
set -euo pipefail
cd "$(dirname "$0")/.."

LIMIT_MB="${LIMIT_MB:-512}"
PROJECTS="${PROJECTS:-1000}"
SESSIONS="${SESSIONS:-20}"
DEPLOYS="${DEPLOYS:-200}"
PARALLEL="${PARALLEL:-4}"
PORT="${PORT:-18182}"
# The chart's (deploy/helm/plate/templates/deployment.yaml); JAVA_OPTIONS=… compares others.
JAVA_OPTIONS="${JAVA_OPTIONS:--XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError -XX:TieredStopAtLevel=1}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JCMD="${JAVA_HOME:+$JAVA_HOME/bin/}jcmd"
JAR="$(ls target/plate-*.jar 2>/dev/null | grep -v '\.original$' | head -1 || true)"
[ -n "$JAR" ] || { echo "No target/plate-*.jar: build it first (./mvnw -B -DskipTests package)" >&2; exit 1; }
BASE="http://localhost:$PORT"
PASSWORD="bench-$RANDOM-$RANDOM-pass"
WORK="$(mktemp -d)"
OUT=target/benchmarks/memory.txt
mkdir -p target/benchmarks

PID=""
CG=""
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill "$PID"; wait "$PID" 2>/dev/null || true; fi
  if [ -n "$CG" ]; then rmdir "$CG" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# The cgroup: v2 when the unified hierarchy hands the memory controller to its children, else v1's memory hierarchy.
if grep -qw memory /sys/fs/cgroup/cgroup.subtree_control 2>/dev/null; then
  CG="/sys/fs/cgroup/plate-bench-$$"
  mkdir "$CG"
  echo $((LIMIT_MB * 1024 * 1024)) > "$CG/memory.max"
  echo 0 > "$CG/memory.swap.max" 2>/dev/null || true
  # memory.peak needs Linux 5.19; older kernels report no peak.
  PEAK_FILE="$CG/memory.peak"; OOM() { awk '$1 == "oom_kill" { v = $2 } END { print v + 0 }' "$CG/memory.events"; }
elif [ -d /sys/fs/cgroup/memory ]; then
  CG="/sys/fs/cgroup/memory/plate-bench-$$"
  mkdir "$CG"
  echo $((LIMIT_MB * 1024 * 1024)) > "$CG/memory.limit_in_bytes"
  [ -f "$CG/memory.memsw.limit_in_bytes" ] && echo $((LIMIT_MB * 1024 * 1024)) > "$CG/memory.memsw.limit_in_bytes"
  PEAK_FILE="$CG/memory.max_usage_in_bytes"; OOM() { awk '$1 == "oom_kill" { v = $2 } END { print v + 0 }' "$CG/memory.oom_control"; }
else
  echo "No cgroup memory controller here for a child group (need root, and memory in cgroup.subtree_control)" >&2
  exit 1
fi

rss() { ps -o rss= -p "$PID" | awk '{ printf "%d", $1 / 1024 }'; }
# The heap in use after a full collection, in MB (SerialGC's young and old generations).
heap_used() {
  "$JCMD" "$PID" GC.run >/dev/null
  "$JCMD" "$PID" GC.heap_info | awk '/^(DefNew|Tenured|def new|tenured)/ { for (i = 1; i <= NF; i++) if ($i == "used") {
    v = $(i + 1); sub(/K,?/, "", v); s += v } } END { printf "%d", s / 1024 }'
}
alive() { kill -0 "$PID" 2>/dev/null || { echo "Plate is gone (OOM kills: $(OOM)); its log: $WORK/plate.log" >&2; tail -20 "$WORK/plate.log" >&2; exit 1; }; }
line() { printf '%s\n' "$*" | tee -a "$OUT"; }

# The image's path: the extracted jar and an AOT cache recorded by a training run, as the Dockerfile does.
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/image" >/dev/null
[ "$(basename "$JAR")" = plate.jar ] || mv "$WORK/image/$(basename "$JAR")" "$WORK/image/plate.jar"
(cd "$WORK/image" && PLATE_DATA_DIR="$WORK/train" "$JAVA" -XX:AOTCacheOutput="$WORK/image/plate.aot" \
  -XX:+UseSerialGC -jar plate.jar --plate.start-cache.training=true --server.port=0 >"$WORK/train.log" 2>&1)

mkdir -p "$WORK/data"
(cd "$WORK/image" && exec setsid sh -c 'echo $$ > "$0/cgroup.procs" && exec "$@"' "$CG" env PLATE_DATA_DIR="$WORK/data" \
  SERVER_PORT="$PORT" PLATE_ADMIN_PASSWORD="$PASSWORD" JAVA_TOOL_OPTIONS="$JAVA_OPTIONS" \
  "$JAVA" -XX:AOTCache=plate.aot -XX:+UseSerialGC -Xms64m -jar plate.jar >"$WORK/plate.log" 2>&1) &
PID=$!
until curl -sf --max-time 2 "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"'; do alive; sleep 0.2; done
sleep 5
{
  echo "Plate memory benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $("$JAVA" -version 2>&1 | head -1)"
  echo "cgroup $CG, limit ${LIMIT_MB} MiB; JAVA_TOOL_OPTIONS=$JAVA_OPTIONS; the image's path (AOT cache, SerialGC)"
  echo "JVM max heap: $("$JCMD" "$PID" VM.flags | tr ' ' '\n' | awk -F= '/^-XX:MaxHeapSize=/ { printf "%d MB", $2 / 1048576 }')"
} | tee "$OUT"
line "after start, idle:            RSS $(rss) MB, heap in use $(heap_used) MB"

TOKEN=$(curl -sf "$BASE/api/v1/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$PASSWORD\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/')
AUTH="Authorization: Bearer $TOKEN"

started=$(date +%s)
seq -f 'mem-%04g' 1 "$PROJECTS" | xargs -P 2 -I{} curl -s -o /dev/null -w '%{http_code}\n' "$BASE/api/v1/projects" \
  -H "$AUTH" -H 'Content-Type: application/json' \
  -d '{"name":"{}","imageRepository":"ghcr.io/acme/{}","containerPort":8080,"imageTag":"1.0.0"}' > "$WORK/imports"
alive
line "$(grep -c '^201$' "$WORK/imports") of $PROJECTS projects imported in $(( $(date +%s) - started )) s:" \
  " RSS $(rss) MB, heap in use $(heap_used) MB"

# A UI session as a browser opens one: the login form, then Vaadin's bootstrap and its init request, which
# creates the UI and the view on the server; the UI then stays in the session as an open tab's does.
before_heap=$(heap_used)
opened=0
for i in $(seq "$SESSIONS"); do
  jar="$WORK/cookies-$i"
  csrf=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | sed -nE 's/.*<meta name="_csrf" content="([^"]+)".*/\1/p' | head -1)
  curl -s -o /dev/null -c "$jar" -b "$jar" "$BASE/login" --data-urlencode "username=admin" \
    --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$csrf"
  location=$([ $((i % 2)) -eq 0 ] && echo "projects" || echo "")
  curl -s -o /dev/null -c "$jar" -b "$jar" "$BASE/$location"
  if curl -s -c "$jar" -b "$jar" "$BASE/?v-r=init&location=$location" | grep -q '"uidl"'; then opened=$((opened + 1)); fi
done
alive
after_heap=$(heap_used)
line "$opened of $SESSIONS UI sessions open (dashboard and Projects): RSS $(rss) MB, heap in use ${after_heap} MB," \
  " about $(( (after_heap - before_heap) * 1024 / (opened > 0 ? opened : 1) )) KB of heap per session"

# The burst: DEPLOYS deploys to dev across the projects, PARALLEL at a time; each curl's total time.
seq 1 "$DEPLOYS" | xargs -P "$PARALLEL" -I{} sh -c 'n={}; p=$(printf "mem-%04d" $(( (n - 1) % '"$PROJECTS"' + 1 )));
  curl -s -o /dev/null -w "%{http_code} %{time_total}\n" "$0/api/v1/deploy" -H "$1" -H "Content-Type: application/json" \
    -d "{\"project\":\"$p\",\"environment\":\"dev\",\"imageTag\":\"2.0.$n\"}"' "$BASE" "$AUTH" > "$WORK/deploys"
alive
sort -k2 -n "$WORK/deploys" | awk -v total="$DEPLOYS" -v par="$PARALLEL" '
  { t[NR] = $2 * 1000; if ($1 == 201) ok++ }
  END { printf "deploy burst: %d of %d answered 201, %d at a time: p50 %.0f ms, p95 %.0f ms, max %.0f ms\n", ok, total,
        par, t[int(NR * 0.5 + 0.5)], t[int(NR * 0.95 + 0.5)], t[NR] }' | tee -a "$OUT"
line "after the burst:              RSS $(rss) MB, heap in use $(heap_used) MB"
# Compiled code: with C1 only the JVM reserves a smaller code cache, and a full one stops all compilation.
line "code cache: $("$JCMD" "$PID" Compiler.codecache | awk '/size=/ { for (i = 1; i <= NF; i++) {
  split($i, kv, "="); v = kv[2]; sub(/Kb,?/, "", v); if (kv[1] == "size") size += v; if (kv[1] == "used") used += v } }
  END { printf "%d MB used of %d MB", used / 1024, size / 1024 }'); full: $(grep -c 'CodeCache is full' "$WORK/plate.log" || true)"
line "cgroup peak (RSS and page cache): $(awk '{ printf "%d", $1 / 1048576 }' "$PEAK_FILE" 2>/dev/null || echo "?") MB of ${LIMIT_MB}; OOM kills: $(OOM)"
line "Plate still running: $(kill -0 "$PID" 2>/dev/null && echo yes || echo no); java.lang.OutOfMemoryError in its log: $(grep -c java.lang.OutOfMemoryError "$WORK/plate.log" || true)"
echo "Written to $OUT"
