package org.hrnode.wado.render;

/**
 * The object exists but cannot be rendered: no Pixel Data, a frame it does not have, a transfer syntax or
 * photometric interpretation this node cannot decode. The message says which, for the HTTP response.
 */
public final class NotRenderableException extends Exception {

    /** Whether the caller asked for something the object does not have (a frame number past its last). */
    private final boolean badRequest;

    public NotRenderableException(String message, boolean badRequest) {
        super(message);
        this.badRequest = badRequest;
    }

    public NotRenderableException(String message, Throwable cause) {
        super(message, cause);
        this.badRequest = false;
    }

    public boolean isBadRequest() {
        return badRequest;
    }
}
