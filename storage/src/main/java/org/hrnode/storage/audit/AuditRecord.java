package org.hrnode.storage.audit;

/**
 * A stored audit row: its place in the chain, the event and the chain hash over both.
 *
 * @param seq position in the trail, gapless from 1
 * @param event what was recorded
 * @param hash SM3(previous hash || canonical bytes of this row), see {@link AuditChain}
 */
public record AuditRecord(long seq, AuditEvent event, byte[] hash) {
}
