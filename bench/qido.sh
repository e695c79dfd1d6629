#!/bin/bash
# QIDO-RS latency of HR Node on a large index: starts a node on a fresh data directory, fills its index with
# bench/qido-bulk-load.sql (default 1M instances in 10,000 studies, plus one 1000-instance CT series), then times
# searches with curl (time_total: request sent to last byte received) and prints p50/p95/max per search, with
# EXPLAIN ANALYZE of the study searches' SQL. Results: docs/PERFORMANCE.md.
#
# usage: bench/qido.sh [RESULTS_JSONL]
# env: STUDIES (10000), SERIES_PER_STUDY (4), INSTANCES_PER_SERIES (25), REPS (200 timed requests per search,
#      after 20 untimed), WORK (/tmp/hrnode-qido-bench), RELOAD (1; 0 reuses the index a previous run left in
#      WORK, to repeat the timings without loading again). Needs psql and curl.
set -u -o pipefail

RESULTS=${1:-}
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK=${WORK:-/tmp/hrnode-qido-bench}
REPS=${REPS:-200}
WARMUP=20
START_WAIT_S=180

command -v psql >/dev/null || { echo "psql is needed (apt-get install postgresql-client)" >&2; exit 2; }
"$ROOT/hrnode" build >/dev/null || { echo "build failed" >&2; exit 1; }
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

RELOAD=${RELOAD:-1}
if [ "$RELOAD" = 1 ]; then rm -rf "$WORK"; fi
mkdir -p "$WORK"
HTTP_PORT=$(free_port) DICOM_PORT=$(free_port)
"$ROOT/hrnode" run --data-dir "$WORK/data" --http-port "$HTTP_PORT" --dicom-port "$DICOM_PORT" \
    >"$WORK/node.log" 2>&1 &
NODE_PID=$!
trap 'kill "$NODE_PID" 2>/dev/null; wait "$NODE_PID" 2>/dev/null' EXIT
for ((i = 0; i < START_WAIT_S * 2; i++)); do
    curl -sf "http://127.0.0.1:$HTTP_PORT/api/health" >/dev/null && break
    kill -0 "$NODE_PID" 2>/dev/null || { echo "node exited; see $WORK/node.log" >&2; exit 1; }
    sleep 0.5
done
RUNTIME=$(ls "$WORK"/data/run/*.properties 2>/dev/null | head -1)
[ -n "$RUNTIME" ] || { echo "no runtime file under $WORK/data/run" >&2; exit 1; }
prop() { sed -n "s/^$1=//p" "$RUNTIME" | sed 's/\\:/:/g'; }
URL=$(prop url) USER_NAME=$(prop user) PASSWORD=$(prop password)
# jdbc:postgresql://host:port/db -> postgresql://user@host:port/db
PGURL="postgresql://$USER_NAME@${URL#jdbc:postgresql://}"
export PGPASSWORD=$PASSWORD
sql() { psql "$PGURL" -X -q -v ON_ERROR_STOP=1 "$@"; }

if [ "$RELOAD" = 1 ]; then
    echo "loading the index..." >&2
    LOAD_START=$(date +%s)
    sql -v studies="${STUDIES:-10000}" -v series_per_study="${SERIES_PER_STUDY:-4}" \
        -v instances_per_series="${INSTANCES_PER_SERIES:-25}" -f "$ROOT/bench/qido-bulk-load.sql" || exit 1
    echo "loaded in $(( $(date +%s) - LOAD_START )) s" >&2
fi
# The big series gets a real header as its stored metadata (a GE head CT slice, 4 KB of DICOM JSON), so that
# includefield of attributes the index lacks, read from that metadata, can be timed.
HEADER="$ROOT/../shared/data/ct-head-ge/01.dcm"
if [ -f "$HEADER" ]; then
    /usr/bin/python3 -c 'import pydicom, sys
print(pydicom.dcmread(sys.argv[1], stop_before_pixels=True).to_json(bulk_data_threshold=1024,
      bulk_data_element_handler=lambda e: "http://bench.invalid/bulk"))' "$HEADER" >"$WORK/header.json" || exit 1
    # on stdin: psql interpolates :'meta' there, not in -c
    echo "UPDATE instances SET metadata = :'meta' WHERE series_fk =
          (SELECT pk FROM series WHERE series_instance_uid = '1.2.826.0.1.3680043.2.1125.901.1');" |
        sql -v meta="$(cat "$WORK/header.json")" >/dev/null || exit 1
fi
echo "load average before timing: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# CPU seconds (user + system) of the node's JVM and of the database's backends: divided by the requests, what one
# search costs the machine, which a loaded shared box disturbs far less than it disturbs latency.
POSTMASTER=$(head -1 "$WORK/data/db/postmaster.pid")
server_cpu() {
    for f in /proc/[0-9]*/stat; do s=$(cat "$f" 2>/dev/null) || continue; p=${f#/proc/}; echo "${p%/stat} ${s##*) }"; done |
        awk -v node="$NODE_PID" -v pm="$POSTMASTER" -v hz="$(getconf CLK_TCK)" \
            '$1 == node || $1 == pm || $3 == pm { t += $13 + $14 } END { printf "%.3f", t / hz }'
}
BASE="http://127.0.0.1:$HTTP_PORT/dicomweb"
BIG_STUDY=1.2.826.0.1.3680043.2.1125.901
declare -A SEARCHES=(
    [instances_of_1000_series]="/studies/$BIG_STUDY/series/$BIG_STUDY.1/instances"
    [instances_of_1000_series_header_fields]="/studies/$BIG_STUDY/series/$BIG_STUDY.1/instances?includefield=SliceThickness,ImageType,BitsAllocated"
    [studies_first_page]="/studies?limit=101"
    [studies_by_patient_id]="/studies?PatientID=PID0001234"
    [studies_by_accession]="/studies?AccessionNumber=ACC00004321"
    [studies_by_name_prefix]="/studies?PatientName=zhang*&limit=101"
    [studies_by_rare_name_prefix]="/studies?PatientName=xyz*&limit=101"
    [studies_by_ideographic_prefix]="/studies?PatientName=%E5%BC%A0*&limit=101"
    [studies_fuzzy_name]="/studies?PatientName=%E5%BC%A0%E5%B0%8F%E4%B8%9C&fuzzymatching=true&limit=101"
    [studies_by_date_range]="/studies?StudyDate=20230101-20230131&limit=101"
    [studies_by_modality]="/studies?ModalitiesInStudy=MR&limit=101"
    [studies_name_and_date]="/studies?PatientName=wang*&StudyDate=20220101-20221231&limit=101"
    [series_of_study]="/studies/1.2.826.0.1.3680043.2.1125.900.777/series"
)
for name in $(printf '%s\n' "${!SEARCHES[@]}" | sort); do
    url="$BASE${SEARCHES[$name]}"
    code=$(curl -s -o "$WORK/body" -w '%{http_code}' "$url")
    matches=$(/usr/bin/python3 -c 'import json,sys; d=open(sys.argv[1]).read(); print(len(json.loads(d)) if d else 0)' "$WORK/body")
    [ "$code" = 200 ] || [ "$code" = 204 ] || { echo "$name: HTTP $code: $(head -c 300 "$WORK/body")" >&2; exit 1; }
    for ((i = 0; i < WARMUP; i++)); do curl -s -o /dev/null "$url"; done
    cpu_before=$(server_cpu)
    for ((i = 0; i < REPS; i++)); do curl -s -o /dev/null -w '%{time_total}\n' "$url"; done >"$WORK/times"
    cpu_after=$(server_cpu)
    /usr/bin/python3 - "$name" "$code" "$matches" "$WORK/times" "$RESULTS" "$cpu_before" "$cpu_after" <<'PY'
import json, sys, statistics
name, code, matches, times_file, results, cpu_before, cpu_after = sys.argv[1:8]
t = sorted(float(x) * 1000 for x in open(times_file))
p = lambda q: t[min(len(t) - 1, int(round(q * (len(t) - 1))))]
import time
row = {"at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "search": name, "status": int(code),
       "matches": int(matches), "n": len(t), "p50_ms": round(p(0.5), 2), "p95_ms": round(p(0.95), 2),
       "max_ms": round(t[-1], 2), "server_cpu_ms": round((float(cpu_after) - float(cpu_before)) * 1000 / len(t), 2),
       "load1": float(open("/proc/loadavg").read().split()[0])}
print(json.dumps(row))
if results:
    with open(results, "a") as f:
        f.write(json.dumps(row) + "\n")
PY
done

echo "--- EXPLAIN ANALYZE of the study searches' SQL (as QuerySqlBuilder writes it) ---"
SELECT_STUDY="SELECT st.study_instance_uid, st.study_date, st.study_time, st.accession_number,
  (SELECT string_agg(DISTINCT x.modality, '\\' ORDER BY x.modality) FROM series x WHERE x.study_fk = st.pk),
  st.referring_physician_name, p.patient_name, p.patient_id, p.patient_birth_date, p.patient_sex, st.study_id,
  st.study_description, st.number_of_series, st.number_of_instances
  FROM studies st JOIN patients p ON p.pk = st.patient_fk"
for where in "TRUE" \
    "(p.patient_name_search LIKE 'zhang%' ESCAPE '\\' OR p.patient_name_ideographic LIKE 'zhang%' ESCAPE '\\' OR p.patient_name_phonetic LIKE 'zhang%' ESCAPE '\\')" \
    "(p.patient_name_search LIKE 'xyz%' ESCAPE '\\' OR p.patient_name_ideographic LIKE 'xyz%' ESCAPE '\\' OR p.patient_name_phonetic LIKE 'xyz%' ESCAPE '\\')" \
    "st.study_date BETWEEN '2023-01-01' AND '2023-01-31'" \
    "EXISTS (SELECT 1 FROM series m WHERE m.study_fk = st.pk AND m.modality = 'MR')" \
    "p.patient_name_fuzzy @> ARRAY['张小东']"; do
    echo "## WHERE $where"
    sql -c "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) $SELECT_STUDY WHERE $where ORDER BY st.pk LIMIT 102 OFFSET 0"
done
