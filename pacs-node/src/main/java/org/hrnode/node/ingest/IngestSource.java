package org.hrnode.node.ingest;

/**
 * Where an object came from, as recorded with it: the sending AE title (DIMSE calling AE, or the configured title
 * for imports and STOW), and the name used in logs ({@code CALLED<-CALLING(#n)}, {@code import}, …).
 */
public record IngestSource(String callingAeTitle, String logName) {
}
