package org.hrnode.dicom.net.dimse;

import java.util.HashMap;
import java.util.Map;

/**
 * DIMSE status codes (PS3.7 Annex C, and the service-specific codes of PS3.4) as data: code, category and meaning.
 * Several services give one code different meanings (B000, A900, C000); each meaning has its own constant, and
 * {@link #of(int)} returns the first listed. Codes not in the catalogue are classified by the ranges of PS3.7 C.1.
 * Equality is by code.
 */
public final class Status {

    /** PS3.7 C.1 status classes. */
    public enum Category { SUCCESS, PENDING, CANCEL, WARNING, FAILURE }

    private static final Map<Integer, Status> CATALOGUE = new HashMap<>();

    public static final Status SUCCESS = known(0x0000, Category.SUCCESS, "Success");
    public static final Status CANCEL = known(0xFE00, Category.CANCEL, "Cancel: operation terminated by a C-CANCEL");
    public static final Status PENDING = known(0xFF00, Category.PENDING, "Pending: matches are continuing");
    public static final Status PENDING_WARNING_OPTIONAL_KEYS = known(0xFF01, Category.PENDING,
            "Pending: matches are continuing, but one or more optional keys were not supported");
    public static final Status COERCION_OF_DATA_ELEMENTS = known(0xB000, Category.WARNING,
            "Warning: coercion of data elements");
    public static final Status SUB_OPERATIONS_COMPLETE_WITH_FAILURES = alias(0xB000, Category.WARNING,
            "Warning: sub-operations complete, one or more failures or warnings");
    public static final Status ELEMENTS_DISCARDED = known(0xB006, Category.WARNING, "Warning: elements discarded");
    public static final Status DATA_SET_DOES_NOT_MATCH_SOP_CLASS_WARNING = known(0xB007, Category.WARNING,
            "Warning: data set does not match SOP class");
    public static final Status ATTRIBUTE_LIST_ERROR = known(0x0107, Category.WARNING, "Warning: attribute list error");
    public static final Status ATTRIBUTE_VALUE_OUT_OF_RANGE = known(0x0116, Category.WARNING,
            "Warning: attribute value out of range");
    public static final Status OUT_OF_RESOURCES = known(0xA700, Category.FAILURE, "Refused: out of resources");
    public static final Status OUT_OF_RESOURCES_UNABLE_TO_CALCULATE_NUMBER_OF_MATCHES = known(0xA701,
            Category.FAILURE, "Refused: out of resources, unable to calculate number of matches");
    public static final Status OUT_OF_RESOURCES_UNABLE_TO_PERFORM_SUB_OPERATIONS = known(0xA702, Category.FAILURE,
            "Refused: out of resources, unable to perform sub-operations");
    public static final Status MOVE_DESTINATION_UNKNOWN = known(0xA801, Category.FAILURE,
            "Refused: move destination unknown");
    public static final Status DATA_SET_DOES_NOT_MATCH_SOP_CLASS = known(0xA900, Category.FAILURE,
            "Error: data set does not match SOP class");
    public static final Status IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS = alias(0xA900, Category.FAILURE,
            "Failed: identifier does not match SOP class");
    public static final Status CANNOT_UNDERSTAND = known(0xC000, Category.FAILURE, "Error: cannot understand");
    public static final Status UNABLE_TO_PROCESS = alias(0xC000, Category.FAILURE, "Failed: unable to process");
    public static final Status PROCESSING_FAILURE = known(0x0110, Category.FAILURE, "Processing failure");
    public static final Status DUPLICATE_SOP_INSTANCE = known(0x0111, Category.FAILURE, "Duplicate SOP instance");
    public static final Status NO_SUCH_SOP_INSTANCE = known(0x0112, Category.FAILURE, "No such SOP instance");
    public static final Status INVALID_OBJECT_INSTANCE = known(0x0117, Category.FAILURE, "Invalid object instance");
    public static final Status NO_SUCH_SOP_CLASS = known(0x0118, Category.FAILURE, "No such SOP class");
    public static final Status MISSING_ATTRIBUTE = known(0x0120, Category.FAILURE, "Missing attribute");
    public static final Status MISSING_ATTRIBUTE_VALUE = known(0x0121, Category.FAILURE, "Missing attribute value");
    public static final Status SOP_CLASS_NOT_SUPPORTED = known(0x0122, Category.FAILURE,
            "Refused: SOP class not supported");
    public static final Status NOT_AUTHORIZED = known(0x0124, Category.FAILURE, "Refused: not authorized");
    public static final Status DUPLICATE_INVOCATION = known(0x0210, Category.FAILURE, "Duplicate invocation");
    public static final Status UNRECOGNIZED_OPERATION = known(0x0211, Category.FAILURE, "Unrecognized operation");
    public static final Status MISTYPED_ARGUMENT = known(0x0212, Category.FAILURE, "Mistyped argument");
    public static final Status RESOURCE_LIMITATION = known(0x0213, Category.FAILURE, "Resource limitation");

    private static final int WARNING_CLASS_MASK = 0xF000;
    private static final int WARNING_CLASS = 0xB000;
    private static final int WARNING_ATTRIBUTE_LIST = 0x0001;

    private final int code;
    private final Category category;
    private final String meaning;

    private Status(int code, Category category, String meaning) {
        this.code = code;
        this.category = category;
        this.meaning = meaning;
    }

    private static Status known(int code, Category category, String meaning) {
        Status s = new Status(code, category, meaning);
        CATALOGUE.put(code, s);
        return s;
    }

    private static Status alias(int code, Category category, String meaning) {
        return new Status(code, category, meaning);
    }

    /** The catalogued status of {@code code}, or one classified by PS3.7 C.1 ranges. */
    public static Status of(int code) {
        Status s = CATALOGUE.get(code);
        return s != null ? s : new Status(code, categoryOf(code), "status " + hex(code));
    }

    /** PS3.7 C.1 classification of any status code. */
    public static Category categoryOf(int code) {
        if (code == SUCCESS.code) {
            return Category.SUCCESS;
        }
        if (code == CANCEL.code) {
            return Category.CANCEL;
        }
        if (code == PENDING.code || code == PENDING_WARNING_OPTIONAL_KEYS.code) {
            return Category.PENDING;
        }
        if ((code & WARNING_CLASS_MASK) == WARNING_CLASS || code == WARNING_ATTRIBUTE_LIST
                || code == ATTRIBUTE_LIST_ERROR.code || code == ATTRIBUTE_VALUE_OUT_OF_RANGE.code) {
            return Category.WARNING;
        }
        return Category.FAILURE;
    }

    public int code() {
        return code;
    }

    public Category category() {
        return category;
    }

    public String meaning() {
        return meaning;
    }

    public boolean isPending() {
        return category == Category.PENDING;
    }

    public boolean isSuccess() {
        return category == Category.SUCCESS;
    }

    public boolean isFailure() {
        return category == Category.FAILURE;
    }

    static String hex(int code) {
        return String.format("%04XH", code);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Status s && s.code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }

    @Override
    public String toString() {
        return hex(code) + " " + meaning;
    }
}
