-- Compress on ingest (lossless rule, 川渝 spec 7.1): uncompressed images are acknowledged as received and re-encoded
-- losslessly afterwards. This table is the durable queue: an entry is written in the transaction that indexes the
-- instance, removed in the transaction that points the instance at its compressed blob, and kept with its error
-- when compressing fails (retried at the next start, a bounded number of times).
CREATE TABLE compression_queue (
    instance_fk  bigint      PRIMARY KEY REFERENCES instances (pk) ON DELETE CASCADE,
    blob_key     text        NOT NULL,
    queued_at    timestamptz NOT NULL DEFAULT now(),
    attempts     integer     NOT NULL DEFAULT 0,
    last_error   text
);

-- The digest of the bytes as received, once the blob holds a lossless re-encoding of them: a sender resending the
-- same object is still told it is a duplicate. NULL while the blob holds the bytes as received (sha256 is theirs).
ALTER TABLE instances ADD COLUMN received_sha256 text;
ALTER TABLE instance_versions ADD COLUMN received_sha256 text;
