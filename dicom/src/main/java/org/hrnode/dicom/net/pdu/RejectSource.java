package org.hrnode.dicom.net.pdu;

/** Source field of an A-ASSOCIATE-RJ (PS3.8 Table 9-21). */
public enum RejectSource {
    SERVICE_USER(1),
    SERVICE_PROVIDER_ACSE(2),
    SERVICE_PROVIDER_PRESENTATION(3);

    private final int code;

    RejectSource(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
