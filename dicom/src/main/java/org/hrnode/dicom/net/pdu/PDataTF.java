package org.hrnode.dicom.net.pdu;

import java.util.List;

/** P-DATA-TF PDU (PS3.8 §9.3.5): one or more presentation data values. */
public record PDataTF(List<PresentationDataValue> presentationDataValues) implements PDU {

    public PDataTF {
        presentationDataValues = List.copyOf(presentationDataValues);
    }

    @Override
    public int type() {
        return PDUType.P_DATA_TF;
    }
}
