package org.hrnode.dicom.net.pdu;

/**
 * A-ABORT PDU (PS3.8 §9.3.8). Raw source and reason values are kept: an abort ends the association whatever they
 * say. The reason is only significant when the source is the service provider.
 */
public record AAbort(int source, int reason) implements PDU {

    public static AAbort byServiceUser() {
        return new AAbort(AbortSource.SERVICE_USER.code(), AbortReason.NOT_SPECIFIED.code());
    }

    public static AAbort byServiceProvider(AbortReason reason) {
        return new AAbort(AbortSource.SERVICE_PROVIDER.code(), reason.code());
    }

    @Override
    public int type() {
        return PDUType.A_ABORT;
    }

    public boolean isFromServiceProvider() {
        return source == AbortSource.SERVICE_PROVIDER.code();
    }

    public String describe() {
        if (!isFromServiceProvider()) {
            return source == AbortSource.SERVICE_USER.code() ? "service-user" : "source " + source;
        }
        return "service-provider, " + AbortReason.of(reason).map(AbortReason::description)
                .orElse("reason " + reason);
    }
}
