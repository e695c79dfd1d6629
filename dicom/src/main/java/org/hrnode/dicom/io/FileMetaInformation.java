package org.hrnode.dicom.io;

import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;

/** Builds the File Meta Information group (PS3.10 §7.1) that HR Node writes in front of every Part 10 file. */
public final class FileMetaInformation {

    /** HR Node's Implementation Class UID, a UUID-derived UID under the 2.25 root (PS3.5 §B.2). */
    public static final String IMPLEMENTATION_CLASS_UID = "2.25.309401854925534058894623092864626406770";
    /** Implementation Version Name: at most 16 characters of the default repertoire. */
    public static final String IMPLEMENTATION_VERSION_NAME = "HRNODE_010";
    private static final byte[] VERSION_0_1 = {0x00, 0x01};

    private FileMetaInformation() {
    }

    /** Meta for a dataset about to be written in {@code ts}, taking the SOP Class and Instance UIDs from it. */
    public static Dataset forDataset(Dataset dataset, TransferSyntax ts) {
        String sopClass = dataset.getString(Tag.SOPClassUID);
        String sopInstance = dataset.getString(Tag.SOPInstanceUID);
        if (sopClass == null || sopInstance == null) {
            throw new IllegalArgumentException("a Part 10 file needs SOP Class UID and SOP Instance UID in the dataset");
        }
        return create(sopClass, sopInstance, ts.uid());
    }

    public static Dataset create(String sopClassUid, String sopInstanceUid, String transferSyntaxUid) {
        Dataset meta = new Dataset();
        meta.setBytes(Tag.FileMetaInformationVersion, VR.OB, VERSION_0_1.clone());
        meta.setString(Tag.MediaStorageSOPClassUID, VR.UI, sopClassUid);
        meta.setString(Tag.MediaStorageSOPInstanceUID, VR.UI, sopInstanceUid);
        meta.setString(Tag.TransferSyntaxUID, VR.UI, transferSyntaxUid);
        meta.setString(Tag.ImplementationClassUID, VR.UI, IMPLEMENTATION_CLASS_UID);
        meta.setString(Tag.ImplementationVersionName, VR.SH, IMPLEMENTATION_VERSION_NAME);
        return meta;
    }
}
