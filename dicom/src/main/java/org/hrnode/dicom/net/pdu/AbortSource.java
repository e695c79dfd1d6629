package org.hrnode.dicom.net.pdu;

/** Source field of an A-ABORT (PS3.8 Table 9-26). */
public enum AbortSource {
    SERVICE_USER(0),
    SERVICE_PROVIDER(2);

    private final int code;

    AbortSource(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
