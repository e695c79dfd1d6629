package org.hrnode.storage.index.query;

/**
 * A query the index cannot run as asked: a date that is not a DICOM date, wildcards in a UID, an unknown level. The
 * application answers C-FIND with "Identifier does not match SOP Class" (A900) or HTTP 400, with this message.
 */
public final class InvalidQueryException extends IllegalArgumentException {

    public InvalidQueryException(String message) {
        super(message);
    }

    public InvalidQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
