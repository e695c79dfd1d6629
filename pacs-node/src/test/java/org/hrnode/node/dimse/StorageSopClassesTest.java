package org.hrnode.node.dimse;

import static org.assertj.core.api.Assertions.assertThat;

import org.hrnode.dicom.dict.UID;
import org.junit.jupiter.api.Test;

/** What the node negotiates for C-STORE: composite objects, not services or media directories. */
class StorageSopClassesTest {

    @Test
    void imagesReportsAndDocumentsAreAccepted() {
        assertThat(StorageSopClasses.all()).contains(UID.CTImageStorage, UID.SecondaryCaptureImageStorage,
                UID.RTDoseStorage, UID.ComprehensiveSRStorage, UID.EncapsulatedPDFStorage);
    }

    /** Regression: a DICOMDIR was negotiated and only refused once its data set had arrived. */
    @Test
    void mediaDirectoriesAndStorageServicesAreNot() {
        assertThat(StorageSopClasses.all()).doesNotContain(UID.MediaStorageDirectoryStorage,
                UID.StorageCommitmentPushModel);
    }
}
