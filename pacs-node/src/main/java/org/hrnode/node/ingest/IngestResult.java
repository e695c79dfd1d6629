package org.hrnode.node.ingest;

import org.hrnode.storage.index.StoreOutcome;

/** What ingest did: stored a new instance, a new version, or recognised a byte-identical resend. */
public record IngestResult(String sopInstanceUid, StoreOutcome outcome, long size, String sha256) {
}
