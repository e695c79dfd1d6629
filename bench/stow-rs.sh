#!/bin/bash
# STOW-RS ingest into HR Node, measured with the shared harness (../shared/bench/stow.sh), the way BASELINE.md
# measured Orthanc's DICOMweb plugin: a new node (and data directory) for every run, bodies of BATCH instances
# pre-built, CONC parallel POSTs. Results: docs/PERFORMANCE.md.
#
# usage: bench/stow-rs.sh CONC DATASET_DIR RESULTS_JSONL [BATCH] [WARMUP_DIR]
#   CONC        parallel POSTs
#   BATCH       instances per POST (default 20, as the baseline)
#   WARMUP_DIR  other instances sent first by STOW-RS, unmeasured, so the JIT has compiled the path
# env: HRNODE_JAVA_OPTS passes through to the node (e.g. -Xmx256m); NODE_ARGS: more options for ./hrnode run
#      (e.g. "--uncompressed accept": the baseline's Orthanc does not compress); REPS (default 1);
#      SHARED_BENCH (default ../shared/bench); WORK (default /tmp/hrnode-stow-bench);
#      QUIET_MAX_WAIT_S (120), QUIET_PCT (15): wait (bounded) for a quiet machine before each measured load.
# Every wait is bounded; the node started here is stopped on exit, however it exits.
set -u -o pipefail

[ $# -ge 3 ] || { sed -n '2,14p' "$0" >&2; exit 2; }
CONC=$1 DATASET=$2 RESULTS=$3 BATCH=${4:-20} WARMUP=${5:-}
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED_BENCH=${SHARED_BENCH:-$ROOT/../shared/bench}
WORK=${WORK:-/tmp/hrnode-stow-bench}
REPS=${REPS:-1}
QUIET_MAX_WAIT_S=${QUIET_MAX_WAIT_S:-120}
QUIET_PCT=${QUIET_PCT:-15}
START_WAIT_S=120
STOP_WAIT_S=60

"$ROOT/hrnode" build >/dev/null || { echo "build failed" >&2; exit 1; }
. "$SHARED_BENCH/lib.sh"   # wait_quiet, stop_pid

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for_line() { # FILE TEXT SECONDS
    local i
    for ((i = 0; i < $3 * 2; i++)); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.5; done
    return 1
}
NODE_PID=
cleanup() { [ -z "$NODE_PID" ] || stop_pid "$NODE_PID" "$STOP_WAIT_S"; NODE_PID=; }
trap cleanup EXIT

for ((rep = 1; rep <= REPS; rep++)); do
    rm -rf "$WORK"; mkdir -p "$WORK"
    sync   # the previous run's dirty pages must not be written back during this one
    HTTP_PORT=$(free_port)
    setsid "$ROOT/hrnode" run --dicom-port "$(free_port)" --http-port "$HTTP_PORT" --data-dir "$WORK/data" \
        ${NODE_ARGS:-} > "$WORK/node.log" 2>&1 < /dev/null &
    NODE_PID=$!   # the launcher execs java: this is the node's JVM
    wait_for_line "$WORK/node.log" "HR Node is up" "$START_WAIT_S" || { cat "$WORK/node.log"; exit 1; }
    [ "$(cat "/proc/$NODE_PID/comm")" = java ] || { echo "pid $NODE_PID is not the node's JVM" >&2; exit 1; }
    BASE="http://127.0.0.1:$HTTP_PORT/dicomweb"
    if [ -n "$WARMUP" ]; then
        WORK_DIR="$WORK/warmup" "$SHARED_BENCH/stow.sh" "$BASE" "$WARMUP" 2 "$BATCH" > "$WORK/warmup.txt" 2>&1 ||
            { echo "warm-up failed:"; cat "$WORK/warmup.txt"; exit 1; }
    fi
    find "$DATASET" -type f -print0 | xargs -0 cat > /dev/null   # files from the page cache, as in the baseline
    quiet=$(wait_quiet "$QUIET_MAX_WAIT_S" "$QUIET_PCT") || echo "warning: machine still ${quiet}% busy" >&2
    LABEL="hrnode${NODE_ARGS:+ $NODE_ARGS}${HRNODE_JAVA_OPTS:+ $HRNODE_JAVA_OPTS}${WARMUP:+ warm}" \
        SERVER_PID=$NODE_PID RESULT_JSON="$WORK/result.jsonl" WORK_DIR="$WORK/stow" \
        "$SHARED_BENCH/stow.sh" "$BASE" "$DATASET" "$CONC" "$BATCH" > "$WORK/stow.txt" 2>&1 ||
        { cat "$WORK/stow.txt"; exit 1; }
    head -1 "$WORK/stow.txt"
    /usr/bin/python3 - "$WORK/result.jsonl" "$RESULTS" "$(uptime)" "$quiet" <<'PYEOF'
import json, sys
r = json.loads(open(sys.argv[1]).read().splitlines()[-1])
r["uptime_after"] = sys.argv[3].strip()
r["pre_busy_pct"] = int(sys.argv[4])
with open(sys.argv[2], "a") as f:
    f.write(json.dumps(r) + "\n")
PYEOF
    cleanup
done
