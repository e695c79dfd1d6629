package org.hrnode.storage.index;

/**
 * The index could not do what was asked: a database refusal that retrying will not fix (a constraint the caller's data
 * breaks, a bug in a statement). Unchecked because results are consumed lazily through iterators, where checked
 * exceptions cannot travel; every method of {@link Index} documents that it may throw it.
 */
public class IndexException extends RuntimeException {

    public IndexException(String message) {
        super(message);
    }

    public IndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
