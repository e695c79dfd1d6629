package org.hrnode.node.reports;

/** A recognition query or record without a valid patient authorisation; the API answers 403 with the reason. */
public final class ConsentRequired extends RuntimeException {

    public ConsentRequired(String message) {
        super(message);
    }
}
