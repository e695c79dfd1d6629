package org.hrnode.node.dimse;

import java.util.List;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.dict.UIDs;

/**
 * Every storage SOP class of the generated UID dictionary: what the node accepts by C-STORE. Taken from the
 * dictionary, not listed by hand, so a newer standard brings its new objects with it; the storage commitment and
 * management services, which carry "Storage" in their names but store nothing, are left out, and so is Media Storage
 * Directory Storage: a DICOMDIR is the index of a piece of media (PS3.10), never sent by C-STORE.
 */
public final class StorageSopClasses {

    private static final String SOP_CLASS = "SOP Class";

    private StorageSopClasses() {
    }

    public static List<String> all() {
        return UIDs.ofType(SOP_CLASS).stream()
                .filter(info -> info.name() != null && info.name().contains("Storage"))
                .filter(info -> !info.name().contains("Commitment") && !info.name().contains("Management"))
                .filter(info -> !UID.MediaStorageDirectoryStorage.equals(info.uid()))
                .map(UIDs.Info::uid)
                .toList();
    }
}
