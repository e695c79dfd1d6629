package org.hrnode.dicom.net.dimse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import org.hrnode.dicom.dict.UID;
import org.junit.jupiter.api.Test;

/** Responses in order, the end of the association wakes the invoker, and an abandoned queue never blocks. */
class ResponseQueueTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final DimseCommand REQUEST = DimseCommand.request(CommandField.C_FIND_RQ,
            UID.StudyRootQueryRetrieveInformationModelFind, 1, true);

    private static DimseResponse response(Status status) {
        return new DimseResponse(DimseCommand.response(REQUEST, status, false), null);
    }

    @Test
    void responsesComeInOrderThenTheEnd() throws Exception {
        ResponseQueue queue = new ResponseQueue("test", 1);
        queue.put(response(Status.PENDING));
        queue.put(response(Status.SUCCESS));
        queue.end("released");
        assertThat(queue.next(WAIT).status()).isEqualTo(Status.PENDING);
        assertThat(queue.next(WAIT).status()).isEqualTo(Status.SUCCESS);
        assertThatThrownBy(() -> queue.next(WAIT)).isInstanceOf(IOException.class).hasMessageContaining("released");
        assertThatThrownBy(() -> queue.next(WAIT)).isInstanceOf(IOException.class);
    }

    @Test
    void theEndFitsEvenWhenTheQueueIsFull() throws Exception {
        ResponseQueue queue = new ResponseQueue("test", 1);
        for (int i = 0; i < ResponseQueue.CAPACITY; i++) {
            queue.put(response(Status.PENDING));
        }
        queue.end("aborted");
        for (int i = 0; i < ResponseQueue.CAPACITY; i++) {
            assertThat(queue.next(WAIT).status()).isEqualTo(Status.PENDING);
        }
        assertThatThrownBy(() -> queue.next(WAIT)).hasMessageContaining("aborted");
    }

    @Test
    void anAbandonedQueueDropsWithoutBlocking() throws Exception {
        ResponseQueue queue = new ResponseQueue("test", 1);
        assertThatThrownBy(() -> queue.next(Duration.ofMillis(1))).hasMessageContaining("no response");
        for (int i = 0; i < 3 * ResponseQueue.CAPACITY; i++) {
            queue.put(response(Status.PENDING));
        }
        queue.end("released");
        assertThatThrownBy(() -> queue.next(WAIT)).hasMessageContaining("released");
    }
}
