package org.hrnode.storage.index;

/**
 * The database cannot be reached, refuses connections, or the pool had no connection to give in time. Transient from
 * the caller's point of view: the application answers DIMSE A700 or HTTP 503 so the sender retries later.
 */
public final class IndexUnavailableException extends IndexException {

    public IndexUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
