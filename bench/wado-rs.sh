#!/bin/bash
# WADO-RS read path of HR Node, measured the way ../shared/bench/dicomweb.sh measured Orthanc (BASELINE.md): curl
# batches re-using one connection, median / p95 / max of time_total, bytes, MB/s. A new node is started on a new data
# directory, the CT series of the benchmark dataset is stored with storescu (../shared/bench/ingest.sh), then:
#   wado_series_metadata_first  the first series /metadata after the series arrived, when no request had shown the
#                               node its base URI (so the request builds the series document)
#   wado_series_metadata_after_arrival  one more instance of the series stored, 4 s of quiet, then /metadata: the
#                               document was rebuilt ahead of the request
#   wado_series_metadata        GET /studies/{st}/series/{se}/metadata, no Accept-Encoding      x N_META
#   wado_series_metadata_gzip   the same with Accept-Encoding: gzip (curl --compressed)          x N_META
#   wado_series                 whole series, multipart/related; type="application/dicom"; transfer-syntax=*  x N_SERIES
#   wado_instance               single instances, sequential, fixed shuffled order (seed 42)     x N_SINGLE
#   wado_instance_parN          the same, PAR in parallel
#   wado_frame                  .../frames/1, multipart/related; type="application/octet-stream"; transfer-syntax=*
# dicomweb.sh finds the series with QIDO-RS; this script reads the UIDs from the dataset instead, so it measures
# WADO-RS alone. Results: docs/PERFORMANCE.md.
#
# usage: bench/wado-rs.sh CT_DIR RESULTS_JSONL      (CT_DIR e.g. /tmp/bench-ds/raw/ct from make-dataset.py)
# env: NODE_ARGS (default "--uncompressed accept": stored as sent, as Orthanc stores it); N_META (20) N_SERIES (3)
#      N_SINGLE (200) PAR (4); WARMUP (1: after the first metadata request, one unmeasured pass of every request
#      kind so the JIT has compiled the paths, as a node that has been serving for a while has; 0: none);
#      SHARED_BENCH (../shared/bench); WORK (/tmp/hrnode-wado-bench); LABEL
# Every wait and request is bounded; the node started here is stopped on exit, however it exits.
set -u -o pipefail

[ $# -eq 2 ] || { sed -n '2,19p' "$0" >&2; exit 2; }
CT_DIR=$1 RESULTS=$2
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED_BENCH=${SHARED_BENCH:-$ROOT/../shared/bench}
WORK=${WORK:-/tmp/hrnode-wado-bench}
NODE_ARGS=${NODE_ARGS:---uncompressed accept}
N_META=${N_META:-20} N_SERIES=${N_SERIES:-3} N_SINGLE=${N_SINGLE:-200} PAR=${PAR:-4} WARMUP=${WARMUP:-1}
REQ_TIMEOUT_S=120 BATCH_TIMEOUT_S=300 START_WAIT_S=120 STOP_WAIT_S=60
PY=/usr/bin/python3

"$ROOT/hrnode" build >/dev/null || { echo "build failed" >&2; exit 1; }
. "$SHARED_BENCH/lib.sh"   # stop_pid

free_port() { $PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for_line() { # FILE TEXT SECONDS
    local i
    for ((i = 0; i < $3 * 2; i++)); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.5; done
    return 1
}
NODE_PID=
cleanup() { [ -z "$NODE_PID" ] || stop_pid "$NODE_PID" "$STOP_WAIT_S"; NODE_PID=; }
trap cleanup EXIT

rm -rf "$WORK"; mkdir -p "$WORK/out"
DICOM_PORT=$(free_port) HTTP_PORT=$(free_port)
setsid "$ROOT/hrnode" run --dev-mode true --dicom-port "$DICOM_PORT" --http-port "$HTTP_PORT" \
    --data-dir "$WORK/data" $NODE_ARGS > "$WORK/node.log" 2>&1 < /dev/null &
NODE_PID=$!
wait_for_line "$WORK/node.log" "HR Node is up" "$START_WAIT_S" || { cat "$WORK/node.log"; exit 1; }
# all but the last file first; the last one arrives after the first metadata request (hard links: no copies)
mkdir -p "$WORK/first" "$WORK/last"
LAST=$(find "$CT_DIR" -type f ! -name '*.json' | sort | tail -1)
find "$CT_DIR" -type f ! -name '*.json' | sort | head -n -1 | xargs -I{} ln {} "$WORK/first/"
ln "$LAST" "$WORK/last/"
"$SHARED_BENCH/ingest.sh" 127.0.0.1 "$DICOM_PORT" HRNODE "$WORK/first" 4 > "$WORK/ingest.txt" 2>&1 ||
    { cat "$WORK/ingest.txt"; exit 1; }
head -2 "$WORK/ingest.txt"

B="http://127.0.0.1:$HTTP_PORT/dicomweb"
OUT_DIR="$WORK/out"
read -r ST SE < <($PY - "$CT_DIR" "$OUT_DIR/sops.txt" <<'PYEOF'
import os, sys, pydicom
sops, st, se = [], None, None
for name in sorted(os.listdir(sys.argv[1])):
    ds = pydicom.dcmread(os.path.join(sys.argv[1], name), stop_before_pixels=True)
    sops.append(ds.SOPInstanceUID); st, se = ds.StudyInstanceUID, ds.SeriesInstanceUID
open(sys.argv[2], "w").write("\n".join(sorted(sops)) + "\n")
print(st, se)
PYEOF
)
# the same fixed pseudo-random order as dicomweb.sh
$PY - "$OUT_DIR/sops.txt" "$N_SINGLE" > "$OUT_DIR/sops_order.txt" <<'PYEOF'
import random, sys
sops = [l.strip() for l in open(sys.argv[1]) if l.strip()]
r = random.Random(42); order = []
while len(order) < int(sys.argv[2]):
    s = sops[:]; r.shuffle(s); order += s
print("\n".join(order[:int(sys.argv[2])]))
PYEOF

WFMT='%{http_code} %{time_starttransfer} %{time_total} %{size_download}\n'
ACC_JSON='Accept: application/dicom+json'
ACC_DCM='Accept: multipart/related; type="application/dicom"; transfer-syntax=*'
ACC_FRAME='Accept: multipart/related; type="application/octet-stream"; transfer-syntax=*'

# batch and report: as in ../shared/bench/dicomweb.sh (one curl per batch, timings per request)
batch() {
    local name=$1 accept=$2; shift 2
    local cfg="$OUT_DIR/$name.curlrc" t0 t1
    : > "$cfg"
    while IFS= read -r u; do printf 'url = "%s"\noutput = "/dev/null"\n' "$u" >> "$cfg"; done
    t0=$(date +%s.%N)
    timeout -k 5 "$BATCH_TIMEOUT_S" curl -sS -m "$REQ_TIMEOUT_S" -H "$accept" -w "$WFMT" "$@" -K "$cfg" \
        > "$OUT_DIR/$name.tsv" 2> "$OUT_DIR/$name.err"
    local rc=$?
    t1=$(date +%s.%N)
    echo "$t0 $t1 $rc" > "$OUT_DIR/$name.wall"
}
report() {
    $PY - "$OUT_DIR" "$1" "${LABEL:-hrnode $NODE_ARGS warmup=$WARMUP}" "$RESULTS" "$B" "$(uptime)" <<'PYEOF'
import json, statistics, sys
d, name, label, rj, base, uptime = sys.argv[1:7]
rows = [l.split() for l in open("%s/%s.tsv" % (d, name)) if l.strip()]
t0, t1, rc = open("%s/%s.wall" % (d, name)).read().split()
wall = float(t1) - float(t0)
ok = [r for r in rows if r[0].startswith("2")]
lat = sorted(float(r[2]) * 1000 for r in ok)
ttfb = sorted(float(r[1]) * 1000 for r in ok)
nbytes = sum(int(r[3]) for r in ok)
def pct(v, p):
    if not v: return None
    k = min(len(v) - 1, max(0, int(round(p / 100.0 * len(v) + 0.5)) - 1))
    return round(v[k], 2)
res = {"label": label, "base": base, "test": name, "requests": len(rows), "ok": len(ok),
       "errors": len(rows) - len(ok), "curl_rc": int(rc),
       "lat_ms_median": round(statistics.median(lat), 2) if lat else None,
       "lat_ms_p95": pct(lat, 95), "lat_ms_max": round(lat[-1], 2) if lat else None,
       "ttfb_ms_median": round(statistics.median(ttfb), 2) if ttfb else None,
       "bytes_per_req_median": int(statistics.median([int(r[3]) for r in ok])) if ok else None,
       "wall_s": round(wall, 3), "req_per_s": round(len(ok) / wall, 1) if wall > 0 else None,
       "MB_per_s": round(nbytes / 1e6 / wall, 1) if wall > 0 else None, "uptime": uptime.strip()}
print("%-28s n=%-4d err=%-3d median %8.1f ms  p95 %8.1f ms  max %8.1f ms  ttfb %7.1f ms  %10d B/req  %7.1f MB/s" % (
    name, len(rows), res["errors"], res["lat_ms_median"] or -1, res["lat_ms_p95"] or -1,
    res["lat_ms_max"] or -1, res["ttfb_ms_median"] or -1, res["bytes_per_req_median"] or -1, res["MB_per_s"] or -1))
with open(rj, "a") as f: f.write(json.dumps(res) + "\n")
PYEOF
}
rep() { local n=$1 u=$2 i; for ((i = 0; i < n; i++)); do echo "$u"; done; }

echo "wado-rs.sh: $B study=$ST series=$SE ($(wc -l < "$OUT_DIR/sops.txt") instances) out=$OUT_DIR" >&2
rep 1 "$B/studies/$ST/series/$SE/metadata" | batch wado_series_metadata_first "$ACC_JSON"; report wado_series_metadata_first
"$SHARED_BENCH/ingest.sh" 127.0.0.1 "$DICOM_PORT" HRNODE "$WORK/last" 1 > "$WORK/ingest-last.txt" 2>&1 ||
    { cat "$WORK/ingest-last.txt"; exit 1; }
sleep 4   # the node rebuilds a series 2 s after its last change
rep 1 "$B/studies/$ST/series/$SE/metadata" | batch wado_series_metadata_after_arrival "$ACC_JSON"
report wado_series_metadata_after_arrival
if [ "$WARMUP" = 1 ]; then
    rep 5 "$B/studies/$ST/series/$SE/metadata" | batch warmup_metadata "$ACC_JSON"
    rep 5 "$B/studies/$ST/series/$SE/metadata" | batch warmup_metadata_gzip "$ACC_JSON" --compressed
    rep 1 "$B/studies/$ST/series/$SE" | batch warmup_series "$ACC_DCM"
    tail -n 100 "$OUT_DIR/sops_order.txt" | sed "s#^#$B/studies/$ST/series/$SE/instances/#" | batch warmup_instance "$ACC_DCM"
    tail -n 100 "$OUT_DIR/sops_order.txt" | sed "s#^#$B/studies/$ST/series/$SE/instances/#; s#\$#/frames/1#" |
        batch warmup_frame "$ACC_FRAME"
fi
rep "$N_META" "$B/studies/$ST/series/$SE/metadata" | batch wado_series_metadata "$ACC_JSON"; report wado_series_metadata
rep "$N_META" "$B/studies/$ST/series/$SE/metadata" | batch wado_series_metadata_gzip "$ACC_JSON" --compressed
report wado_series_metadata_gzip
rep "$N_SERIES" "$B/studies/$ST/series/$SE" | batch wado_series "$ACC_DCM"; report wado_series
sed "s#^#$B/studies/$ST/series/$SE/instances/#" "$OUT_DIR/sops_order.txt" | batch wado_instance "$ACC_DCM"
report wado_instance
sed "s#^#$B/studies/$ST/series/$SE/instances/#" "$OUT_DIR/sops_order.txt" |
    batch "wado_instance_par$PAR" "$ACC_DCM" --parallel --parallel-immediate --parallel-max "$PAR"
report "wado_instance_par$PAR"
sed "s#^#$B/studies/$ST/series/$SE/instances/#; s#\$#/frames/1#" "$OUT_DIR/sops_order.txt" | batch wado_frame "$ACC_FRAME"
report wado_frame
