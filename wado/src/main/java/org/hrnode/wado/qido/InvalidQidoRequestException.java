package org.hrnode.wado.qido;

/** A QIDO-RS request the service cannot run as asked; answered 400 with this message, which names the parameter. */
public final class InvalidQidoRequestException extends IllegalArgumentException {

    public InvalidQidoRequestException(String message) {
        super(message);
    }

    public InvalidQidoRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
