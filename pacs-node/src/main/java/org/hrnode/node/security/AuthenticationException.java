package org.hrnode.node.security;

/** Credentials that do not prove an identity. The message is for the log and the 401 body: never a secret. */
public final class AuthenticationException extends Exception {

    public AuthenticationException(String message) {
        super(message);
    }
}
