#!/bin/bash
# Rendered-image latency over HTTP: WADO-RS /rendered and /thumbnail of a 512x512 CT and a 2500x3000 DR, both stored
# JPEG-LS lossless as the node keeps images, measured with curl against a running node. Results: docs/PERFORMANCE.md.
#
# usage: bench/rendered.sh [RESULTS_JSONL]
#   The CT is WG04's CT2 (real, signed 16-bit); the DR is made by bench/make-dr.py from WG04's RG2 and compressed
#   with dcmcjpls. Each case is N sequential requests on one curl connection (process start-up not counted), after
#   WARMUP unmeasured ones; reported: median, p95, max of time_total, and the response size.
# env: N (40) WARMUP (10) SHARED (default ../shared) WORK (default /tmp/hrnode-rendered-bench)
#      HRNODE_JAVA_OPTS passes through to the node. Needs dcmtk (dcmcjpls), zstd, python3-pydicom, python3-pil.
# The node started here is stopped on exit, however it exits; every wait is bounded.
set -u -o pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED=${SHARED:-$ROOT/../shared}
WORK=${WORK:-/tmp/hrnode-rendered-bench}
N=${N:-40} WARMUP=${WARMUP:-10}
RESULTS=${1:-}
START_WAIT_S=120 STOP_WAIT_S=60 REQ_TIMEOUT_S=60
PY=/usr/bin/python3

"$ROOT/hrnode" build >/dev/null || { echo "build failed" >&2; exit 1; }
. "$SHARED/bench/lib.sh"   # stop_pid
free_port() { $PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for_line() { # FILE TEXT SECONDS
    local i
    for ((i = 0; i < $3 * 2; i++)); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.5; done
    return 1
}
NODE_PID=
cleanup() { [ -z "$NODE_PID" ] || stop_pid "$NODE_PID" "$STOP_WAIT_S"; NODE_PID=; }
trap cleanup EXIT

rm -rf "$WORK"; mkdir -p "$WORK/in"
cp "$SHARED/data/wg04/JLSL/CT2_JLSL" "$WORK/in/ct.dcm"
$PY "$ROOT/bench/make-dr.py" "$SHARED/data/wg04/REF/RG2_UNC.zst" "$WORK/dr-raw.dcm" || exit 1
dcmcjpls "$WORK/dr-raw.dcm" "$WORK/in/dr.dcm" || exit 1
rm "$WORK/dr-raw.dcm"

HTTP_PORT=$(free_port)
setsid "$ROOT/hrnode" run --dev-mode true --dicom-port "$(free_port)" --http-port "$HTTP_PORT" \
    --data-dir "$WORK/data" > "$WORK/node.log" 2>&1 < /dev/null &
NODE_PID=$!
wait_for_line "$WORK/node.log" "HR Node is up" "$START_WAIT_S" || { cat "$WORK/node.log"; exit 1; }
"$ROOT/hrnode" import "$WORK/in" --data-dir "$WORK/data" > "$WORK/import.txt" 2>&1 ||
    { cat "$WORK/import.txt"; exit 1; }

# path of an instance: /studies/{st}/series/{se}/instances/{sop}
path_of() { $PY -c 'import pydicom, sys; d = pydicom.dcmread(sys.argv[1], stop_before_pixels=True)
print(f"/studies/{d.StudyInstanceUID}/series/{d.SeriesInstanceUID}/instances/{d.SOPInstanceUID}")' "$1"; }
BASE="http://127.0.0.1:$HTTP_PORT/dicomweb"

measure() { # LABEL URL
    local label=$1 url=$2 cfg="$WORK/$1.curlrc" i
    : > "$cfg"
    for ((i = 0; i < WARMUP + N; i++)); do printf 'url = "%s"\noutput = "/dev/null"\n' "$url" >> "$cfg"; done
    timeout -k 5 600 curl -sS -m "$REQ_TIMEOUT_S" -H 'Accept: image/jpeg' \
        -w '%{http_code} %{time_total} %{size_download}\n' -K "$cfg" > "$WORK/$label.tsv" || return 1
    $PY - "$label" "$WORK/$label.tsv" "$WARMUP" "$RESULTS" "$(uptime)" <<'PYEOF'
import json, statistics, sys
label, tsv, warmup, results, load = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
rows = [line.split() for line in open(tsv)][warmup:]
bad = [r for r in rows if r[0] != "200"]
if bad:
    sys.exit(f"{label}: {len(bad)} requests failed, e.g. HTTP {bad[0][0]}")
ms = sorted(float(r[1]) * 1000 for r in rows)
r = {"label": label, "n": len(ms), "median_ms": round(statistics.median(ms), 1),
     "p95_ms": round(ms[int(0.95 * (len(ms) - 1))], 1), "max_ms": round(ms[-1], 1), "bytes": int(rows[-1][2]),
     "uptime_after": load.strip()}
print(f"{label:28s} median {r['median_ms']:7.1f} ms  p95 {r['p95_ms']:7.1f} ms  max {r['max_ms']:7.1f} ms  "
      f"{r['bytes']} bytes")
if results:
    with open(results, "a") as f:
        f.write(json.dumps(r) + "\n")
PYEOF
}

CT=$(path_of "$WORK/in/ct.dcm") DR=$(path_of "$WORK/in/dr.dcm")
measure ct512-rendered "$BASE$CT/rendered" &&
measure ct512-thumbnail "$BASE$CT/thumbnail" &&
measure dr2500x3000-rendered "$BASE$DR/rendered" &&
measure dr2500x3000-thumbnail "$BASE$DR/thumbnail" &&
measure dr2500x3000-viewport512 "$BASE$DR/rendered?viewport=512,512"
