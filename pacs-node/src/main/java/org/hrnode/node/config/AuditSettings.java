package org.hrnode.node.config;

import org.hrnode.storage.audit.AuditRetention;

/**
 * How the node keeps its audit trail.
 *
 * @param retention how long records are kept (never under six months)
 * @param queueSize events that may wait for the database before new ones are dropped (and counted)
 */
public record AuditSettings(AuditRetention retention, int queueSize) {
}
