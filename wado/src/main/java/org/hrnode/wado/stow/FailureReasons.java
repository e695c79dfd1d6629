package org.hrnode.wado.stow;

/**
 * The Failure Reason (0008,1197) values a STOW-RS response uses: the C-STORE statuses PS3.18 §10.5.3 refers to
 * (PS3.4 Annex B) and the Storage Commitment reasons of PS3.4 Table GG.4-1 where a storage status has no match.
 */
public final class FailureReasons {

    /** 0110H: storing failed for a reason not the sender's (e.g. an unexpected error in the node). */
    public static final int PROCESSING_FAILURE = 0x0110;
    /** 0122H: the SOP Class is not one this node stores. */
    public static final int SOP_CLASS_NOT_SUPPORTED = 0x0122;
    /** A700H: storage (blob store or database) out of reach now; a retry later may succeed. */
    public static final int OUT_OF_RESOURCES = 0xA700;
    /**
     * A900H: the data set does not match what it claims or what the request required: its SOP UIDs contradict its
     * File Meta Information, it belongs to another study than the request's, or it is lossy (川渝 spec §7.1).
     */
    public static final int DATA_SET_DOES_NOT_MATCH_SOP_CLASS = 0xA900;
    /** C000H: the part is not a Part 10 object that can be parsed, or its pixel data do not decode. */
    public static final int CANNOT_UNDERSTAND = 0xC000;

    private FailureReasons() {
    }
}
