-- Several nodes share one compression queue (issue 9): each entry is compressed by exactly one node at a time.
-- A worker claims due entries with SELECT ... FOR UPDATE SKIP LOCKED and holds them under a lease (lease_until,
-- renewed while it works); claim_id fences its result, so a worker whose lease ran out and whose entry was claimed
-- again by another node changes nothing. A crashed node's entries are taken over once their leases expire.
-- A failed attempt sets retry_at (backoff): failures are retried while the node runs, not only at the next start.
-- All times are the database's now(), so nodes with skewed clocks agree on when an entry is due.
ALTER TABLE compression_queue
    ADD COLUMN claim_id    text,
    ADD COLUMN claimed_by  text,
    ADD COLUMN lease_until timestamptz,
    ADD COLUMN retry_at    timestamptz;

-- Claims take the oldest due entries first.
CREATE INDEX compression_queue_oldest ON compression_queue (queued_at, instance_fk);
