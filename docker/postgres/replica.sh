#!/bin/bash
# The read replica: on first start, a base backup of the primary with -R (writes standby.signal and the
# primary_conninfo) over a physical replication slot, so the primary keeps the WAL this replica has not yet
# received; afterwards a plain hot standby. Runs as the postgres user (compose: user: postgres).
set -euo pipefail
if [[ ! -s "$PGDATA/PG_VERSION" ]]; then
  until pg_isready -h "$PRIMARY_HOST" -U "$REPLICATION_USER" -q; do sleep 1; done
  PGPASSWORD="$REPLICATION_PASSWORD" pg_basebackup -h "$PRIMARY_HOST" -U "$REPLICATION_USER" -D "$PGDATA" \
      -R -X stream -C -S "$REPLICATION_SLOT" --checkpoint=fast
  chmod 0700 "$PGDATA"
fi
exec postgres -c hot_standby=on
