package org.hrnode.dicom.json;

import org.hrnode.dicom.data.VR;

/** Member names of the DICOM JSON Model (PS3.18 F.2) and its rules on which VR takes which member. */
final class JsonModel {

    static final String VR = "vr";
    static final String VALUE = "Value";
    static final String INLINE_BINARY = "InlineBinary";
    static final String BULK_DATA_URI = "BulkDataURI";

    /** Person name component groups, in the order PS3.5 §6.2.1 separates them with '='. */
    static final String ALPHABETIC = "Alphabetic";
    static final String IDEOGRAPHIC = "Ideographic";
    static final String PHONETIC = "Phonetic";
    static final String[] PERSON_NAME_GROUPS = {ALPHABETIC, IDEOGRAPHIC, PHONETIC};

    /** JSON has no literals for these; they travel as strings (see {@link DicomJsonWriter}). */
    static final String NOT_A_NUMBER = "NaN";
    static final String POSITIVE_INFINITY = "Infinity";
    static final String NEGATIVE_INFINITY = "-Infinity";

    private JsonModel() {
    }

    /** VRs whose values travel as {@code InlineBinary} or {@code BulkDataURI}, never as {@code Value} (F.2.2). */
    static boolean takesInlineBinary(VR vr) {
        return switch (vr) {
            case OB, OD, OF, OL, OV, OW, UN -> true;
            default -> false;
        };
    }

    /** VRs whose values F.2.2 allows to be replaced by a {@code BulkDataURI}. */
    static boolean allowsBulkDataUri(VR vr) {
        return switch (vr) {
            case DS, FL, FD, IS, LT, OB, OD, OF, OL, OV, OW, SL, SS, ST, SV, UC, UL, UN, US, UT, UV -> true;
            default -> false;
        };
    }
}
