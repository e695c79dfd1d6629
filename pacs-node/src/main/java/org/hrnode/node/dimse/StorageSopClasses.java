package org.hrnode.node.dimse;

import java.util.List;
import org.hrnode.dicom.dict.UIDs;

/**
 * Every storage SOP class of the generated UID dictionary: what the node accepts by C-STORE. Taken from the
 * dictionary, not listed by hand, so a newer standard brings its new objects with it; the storage commitment and
 * management services, which carry "Storage" in their names but store nothing, are left out.
 */
public final class StorageSopClasses {

    private static final String SOP_CLASS = "SOP Class";

    private StorageSopClasses() {
    }

    public static List<String> all() {
        return UIDs.ofType(SOP_CLASS).stream()
                .filter(info -> info.name() != null && info.name().contains("Storage"))
                .filter(info -> !info.name().contains("Commitment") && !info.name().contains("Management"))
                .map(UIDs.Info::uid)
                .toList();
    }
}
