package org.hrnode.dicom.net.pdu;

/**
 * Asynchronous Operations Window sub-item (PS3.7 D.3.3.3): how many operations may be outstanding at once. Zero
 * means unlimited; absent means one each way, the default this implementation answers with.
 */
public record AsynchronousOperationsWindow(int maxOperationsInvoked, int maxOperationsPerformed) {

    public AsynchronousOperationsWindow {
        if (maxOperationsInvoked < 0 || maxOperationsInvoked > ItemType.MAX_U16 || maxOperationsPerformed < 0
                || maxOperationsPerformed > ItemType.MAX_U16) {
            throw new IllegalArgumentException("operation counts are unsigned 16-bit values");
        }
    }
}
