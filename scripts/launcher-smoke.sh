#!/usr/bin/env bash
# Black-box checks of the ./hrnode launcher as a user meets it, run by `./hrnode test` after the Maven suite:
# JDK discovery despite a too-old JAVA_HOME, `dump` of Chinese files, `run` start/refusal/port errors, HTTP health
# and `quality` beside a running node.
# Prints "N passed, N failed" and exits non-zero on any failure.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SHARED="${HRNODE_SHARED_DIR:-$ROOT/../shared}"
passed=0; failed=0
ok()   { echo "  ok   $1"; passed=$((passed + 1)); }
bad()  { echo "  FAIL $1"; failed=$((failed + 1)); }
check() { local name="$1"; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }
TMP="$(mktemp -d)"; NODE_PID=""
cleanup() { [[ -n "$NODE_PID" ]] && kill "$NODE_PID" 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT

echo "launcher smoke tests"

old_jdk="$(ls -d /usr/lib/jvm/java-17-openjdk-* 2>/dev/null | head -n1)"
if [[ -n "$old_jdk" ]]; then
  check "picks JDK >= 25 although JAVA_HOME is 17" \
    bash -c "JAVA_HOME='$old_jdk' ./hrnode help 2>&1 | grep -q 'usage: ./hrnode'"
fi

if [[ -f "$SHARED/data/charset/chrX2.dcm" ]]; then
  ./hrnode dump "$SHARED/data/charset/chrX1.dcm" "$SHARED/data/charset/chrX2.dcm" "$SHARED/data/charset/chrGB2312.dcm" >"$TMP/dump.txt" 2>&1
  check "dump shows 王^小東 (ISO_IR 192)" grep -q '王^小東' "$TMP/dump.txt"
  check "dump shows 王^小东 (GB18030)" grep -q '王^小东' "$TMP/dump.txt"
  check "dump shows 张^小东 (ISO 2022 IR 58)" grep -q '张^小东' "$TMP/dump.txt"
elif [[ "${CI:-}" == true ]]; then
  bad "shared test data missing at $SHARED/data (CI=true: nothing may skip)"
else
  echo "  *** SKIPPED dump checks: no shared data at $SHARED/data"
fi

printf 'not dicom' >"$TMP/junk.dcm"
./hrnode dump "$TMP/junk.dcm" >/dev/null 2>"$TMP/junk.err"; status=$?
check "dump of a non-DICOM file exits 1 with a reason" \
  bash -c "[[ $status == 1 ]] && grep -q 'not readable DICOM' '$TMP/junk.err'"

./hrnode run --dicom-prot 1 >/dev/null 2>"$TMP/usage.err"; status=$?
check "run with a misspelt flag exits 64 naming it" \
  bash -c "[[ $status == 64 ]] && grep -q -- '--dicom-prot' '$TMP/usage.err'"

./hrnode run --dicom-port 0 --http-port 0 --data-dir "$TMP/data" >"$TMP/run.out" 2>&1 &
NODE_PID=$!
for _ in $(seq 1 300); do grep -q "HR Node is up" "$TMP/run.out" 2>/dev/null && break; sleep 0.2; done
check "run starts on embedded defaults and reports what it serves" grep -q "HR Node is up" "$TMP/run.out"
http_port="$(grep -oE 'HTTP +http://127\.0\.0\.1:[0-9]+' "$TMP/run.out" | grep -oE '[0-9]+$')"
check "the banner names the HTTP port the system chose" test -n "$http_port"
if command -v curl >/dev/null 2>&1 && [[ -n "$http_port" ]]; then
  check "GET /api/health answers 200 UP" \
    bash -c "curl -sf 'http://127.0.0.1:$http_port/api/health' | grep -q '\"status\":\"UP\"'"
else
  echo "  *** SKIPPED health check: no curl"
fi
./hrnode ae add SMOKE 127.0.0.1 104 --institution-code 510000 --institution-name 四川省测试医院 \
  --data-dir "$TMP/data" >/dev/null 2>&1
./hrnode quality --institution 510000 --data-dir "$TMP/data" >"$TMP/quality.out" 2>&1
check "quality works beside the running node, Chinese name intact" grep -q '四川省测试医院 (510000)' "$TMP/quality.out"
./hrnode run --dicom-port 0 --http-port 0 --data-dir "$TMP/data" >/dev/null 2>"$TMP/second.err"; status=$?
check "a second node on the same data directory is refused" \
  bash -c "[[ $status == 1 ]] && grep -q 'another node is running' '$TMP/second.err'"
kill "$NODE_PID" 2>/dev/null; wait "$NODE_PID" 2>/dev/null; NODE_PID=""

echo "launcher: $passed passed, $failed failed"
(( failed == 0 ))
