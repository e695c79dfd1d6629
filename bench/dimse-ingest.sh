#!/bin/bash
# DIMSE C-STORE ingest into HR Node, measured with the shared harness (../shared/bench/ingest.sh), the way
# BASELINE.md measured Orthanc: a new node (and data directory) for every run. Results: docs/PERFORMANCE.md.
#
# usage: bench/dimse-ingest.sh STORE MODE CONC DATASET_DIR RESULTS_JSONL [WARMUP_DIR]
#   STORE  fs | s3     filesystem blob store in the data directory, or S3 (S3Proxy, bench's S3ProxyServer)
#   MODE   cold | warm cold: the dataset is the node's first load; warm: WARMUP_DIR (other instances) is sent
#                      first, unmeasured, so the JIT has compiled the ingest path
#   CONC   associations (parallel storescu processes)
# env: HRNODE_JAVA_OPTS passes through to the node (e.g. -Xmx512m -Xlog:gc:file=...); NODE_ARGS: more options
#      for ./hrnode run (e.g. "--uncompressed accept"); REPS (default 1);
#      SHARED_BENCH (default ../shared/bench); WORK (default /tmp/hrnode-bench);
#      QUIET_MAX_WAIT_S (120), QUIET_PCT (15): before each measured load, wait (bounded) until the machine is
#      below QUIET_PCT busy, as the baseline's run-all.sh does; the last sample is recorded as pre_busy_pct.
# Every wait is bounded; the node and S3Proxy started here are stopped on exit, however it exits.
set -u -o pipefail

[ $# -ge 5 ] || { sed -n '2,14p' "$0" >&2; exit 2; }
STORE=$1 MODE=$2 CONC=$3 DATASET=$4 RESULTS=$5 WARMUP=${6:-}
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED_BENCH=${SHARED_BENCH:-$ROOT/../shared/bench}
WORK=${WORK:-/tmp/hrnode-bench}
REPS=${REPS:-1}
QUIET_MAX_WAIT_S=${QUIET_MAX_WAIT_S:-120}
QUIET_PCT=${QUIET_PCT:-15}
START_WAIT_S=120
STOP_WAIT_S=60
S3_ACCESS=bench-access
S3_SECRET=bench-secret-7f3a9c
[ "$MODE" != warm ] || [ -d "$WARMUP" ] || { echo "warm mode needs WARMUP_DIR" >&2; exit 2; }
case "$STORE" in fs|s3) ;; *) echo "STORE must be fs or s3" >&2; exit 2 ;; esac

"$ROOT/hrnode" build >/dev/null || { echo "build failed" >&2; exit 1; }
. "$SHARED_BENCH/lib.sh"   # wait_quiet, stop_pid
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# user+system CPU seconds of a process and its children (PostgreSQL backends call setsid: no process group)
cpu_of_tree() {
    for f in /proc/[0-9]*/stat; do s=$(cat "$f" 2>/dev/null) || continue; p=${f#/proc/}; echo "${p%/stat} ${s##*) }"; done |
        awk -v root="$1" -v hz="$(getconf CLK_TCK)" '$1 == root || $3 == root { t += $13 + $14 + $15 + $16 }
                                                   END { printf "%.2f", t / hz }'
}
wait_for_line() { # FILE TEXT SECONDS
    local i
    for ((i = 0; i < $3 * 2; i++)); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.5; done
    return 1
}
NODE_PID= S3_PID=
cleanup() { [ -z "$NODE_PID" ] || stop_pid "$NODE_PID" "$STOP_WAIT_S"; [ -z "$S3_PID" ] || stop_pid "$S3_PID" "$STOP_WAIT_S"
            NODE_PID= S3_PID=; }
trap cleanup EXIT

for ((rep = 1; rep <= REPS; rep++)); do
    rm -rf "$WORK"; mkdir -p "$WORK"
    sync   # the previous run's dirty pages must not be written back during this one
    S3_ARGS=()
    if [ "$STORE" = s3 ]; then
        S3_PORT=$(free_port)
        S3_ACCESS_KEY=$S3_ACCESS S3_SECRET_KEY=$S3_SECRET setsid "$JAVA" \
            -cp "$ROOT/bench/target/hrnode-bench.jar:$ROOT/bench/target/lib/*" org.hrnode.bench.S3ProxyServer \
            "$WORK/s3" "$S3_PORT" > "$WORK/s3proxy.log" 2>&1 < /dev/null &
        S3_PID=$!
        wait_for_line "$WORK/s3proxy.log" "S3 endpoint" "$START_WAIT_S" || { cat "$WORK/s3proxy.log"; exit 1; }
        S3_ARGS=(--s3-endpoint "http://127.0.0.1:$S3_PORT" --s3-access-key "$S3_ACCESS" --s3-bucket hrnode)
    fi
    PORT=$(free_port)
    HRNODE_S3_SECRET_KEY=$S3_SECRET setsid "$ROOT/hrnode" run --dev-mode true --dicom-port "$PORT" \
        --http-port "$(free_port)" --data-dir "$WORK/data" "${S3_ARGS[@]}" ${NODE_ARGS:-} > "$WORK/node.log" 2>&1 \
        < /dev/null &
    NODE_PID=$!   # the launcher execs java: this is the node's JVM
    wait_for_line "$WORK/node.log" "HR Node is up" "$START_WAIT_S" || { cat "$WORK/node.log"; exit 1; }
    [ "$(cat "/proc/$NODE_PID/comm")" = java ] || { echo "pid $NODE_PID is not the node's JVM" >&2; exit 1; }
    PG_PID=$(head -1 "$WORK/data/db/postmaster.pid")
    if [ "$MODE" = warm ]; then
        "$SHARED_BENCH/ingest.sh" 127.0.0.1 "$PORT" HRNODE "$WARMUP" 4 > "$WORK/warmup.txt" 2>&1 ||
            { echo "warm-up failed:"; cat "$WORK/warmup.txt"; exit 1; }
    fi
    find "$DATASET" -type f -print0 | xargs -0 cat > /dev/null   # files from the page cache, as in the baseline
    quiet=$(wait_quiet "$QUIET_MAX_WAIT_S" "$QUIET_PCT") || echo "warning: machine still ${quiet}% busy" >&2
    pg0=$(cpu_of_tree "$PG_PID"); s30=0; [ -n "$S3_PID" ] && s30=$(cpu_of_tree "$S3_PID")
    LABEL="hrnode-$STORE-$MODE${NODE_ARGS:+ $NODE_ARGS}" SERVER_PID=$NODE_PID RESULT_JSON="$WORK/result.jsonl" \
        "$SHARED_BENCH/ingest.sh" 127.0.0.1 "$PORT" HRNODE "$DATASET" "$CONC" > "$WORK/ingest.txt" 2>&1 ||
        { cat "$WORK/ingest.txt"; exit 1; }
    head -2 "$WORK/ingest.txt"
    pg1=$(cpu_of_tree "$PG_PID"); s31=0; [ -n "$S3_PID" ] && s31=$(cpu_of_tree "$S3_PID")
    /usr/bin/python3 - "$WORK/result.jsonl" "$RESULTS" "$pg0" "$pg1" "$s30" "$s31" "$(uptime)" "$quiet" <<'EOF'
import json, sys
line = open(sys.argv[1]).read().splitlines()[-1]
r = json.loads(line)
r["postgres_cpu_s"] = round(float(sys.argv[4]) - float(sys.argv[3]), 2)
r["s3proxy_cpu_s"] = round(float(sys.argv[6]) - float(sys.argv[5]), 2)
r["uptime_after"] = sys.argv[7].strip()
r["pre_busy_pct"] = int(sys.argv[8])
with open(sys.argv[2], "a") as f:
    f.write(json.dumps(r) + "\n")
print("       postgres %.1fs cpu, s3proxy %.1fs cpu" % (r["postgres_cpu_s"], r["s3proxy_cpu_s"]))
EOF
    cleanup
done
