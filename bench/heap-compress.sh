#!/bin/bash
# 8 associations send 16 multi-frame CT objects of 104.9 MB (bench/make-multiframe.py --out /tmp/bench-mf) to a node
# with -Xmx512m that compresses them (defaults);
# waits until the compression backlog is 0 and AI QC has judged the study (qc-stable-seconds 60); reports the heap from
# the GC log.
set -u
WORK=/tmp/hrnode-heap; rm -rf $WORK; mkdir -p $WORK
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PORT=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
HTTP=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
HRNODE_JAVA_OPTS="-Xmx512m -Xlog:gc:file=$WORK/gc.log" setsid ./hrnode run --dev-mode true --dicom-port $PORT --http-port $HTTP --data-dir $WORK/data > $WORK/node.log 2>&1 < /dev/null &
PID=$!
for i in $(seq 240); do grep -q "HR Node is up" $WORK/node.log && break; sleep 0.5; done
START=$(date +%s)
../shared/bench/ingest.sh 127.0.0.1 $PORT HRNODE /tmp/bench-mf 8 2>&1 | head -1
for i in $(seq 600); do
  b=$(curl -s http://127.0.0.1:$HTTP/metrics | sed -n 's/^hrnode_compression_backlog //p')
  [ "$b" = "0" ] && break; sleep 1
done
echo "backlog after $(( $(date +%s) - START )) s: $b"
for i in $(seq 180); do grep -q "event=qc_evaluated" $WORK/node.log && break; sleep 1; done
echo "QC: $(grep -o 'event=qc_evaluated.*duration_ms=[0-9]*' $WORK/node.log | grep -o 'grade=[A-D]\|duration_ms=[0-9]*' | tr '\n' ' ')"
echo "compressed: $(grep -c 'event=compressed ' $WORK/node.log)  failed: $(grep -c 'event=compression_failed' $WORK/node.log)  OOM: $(grep -c OutOfMemory $WORK/node.log)"
grep -o 'bytes_before=[0-9]* bytes_after=[0-9]*' $WORK/node.log | head -2
kill $PID; wait $PID 2>/dev/null
grep -E "Pause" $WORK/gc.log | sed -E 's/.* ([0-9]+)M->([0-9]+)M\(([0-9]+)M\).*/\1 \2 \3/' | awk '{ if ($1>mx) mx=$1; if ($2>live) live=$2; if ($3>cap) cap=$3 } END { print "peak heap before GC " mx " MB, most live after GC " live " MB, heap size " cap " MB" }'
echo "full GCs: $(grep -c 'Pause Full' $WORK/gc.log)"
