-- What becomes of uncompressed images from each AE (lossless rule, 川渝 spec 7.1): compress (after the
-- acknowledgement), accept (kept as received) or reject. Callers not in the registry follow the node's setting.
ALTER TABLE application_entities ADD COLUMN uncompressed text NOT NULL DEFAULT 'compress'
    CHECK (uncompressed IN ('compress', 'accept', 'reject'));
