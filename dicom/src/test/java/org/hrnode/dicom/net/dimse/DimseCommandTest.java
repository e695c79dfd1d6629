package org.hrnode.dicom.net.dimse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.net.pdu.GoldenPdus;
import org.hrnode.dicom.net.pdu.PDataTF;
import org.hrnode.dicom.net.pdu.PduDecoder;
import org.hrnode.dicom.net.pdu.PduLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Command sets against the golden C-ECHO messages: Implicit VR LE, group length first and computed. */
class DimseCommandTest {

    private static byte[] commandBytesOf(byte[] pdu) throws Exception {
        PDataTF data = (PDataTF) PduDecoder.decodeOne(pdu, PduLimits.defaults());
        return data.presentationDataValues().getFirst().data();
    }

    @Test
    void echoRequestEncodesToTheGoldenBytes() throws Exception {
        DimseCommand rq = DimseCommand.request(CommandField.C_ECHO_RQ, UID.Verification, 1, false);
        assertThat(rq.encode()).isEqualTo(commandBytesOf(GoldenPdus.P_DATA_TF_ECHO_RQ));
    }

    @Test
    void echoResponseDecodesAndReEncodes() throws Exception {
        byte[] golden = commandBytesOf(GoldenPdus.P_DATA_TF_ECHO_RSP);
        DimseCommand rsp = DimseCommand.decode(golden);

        assertThat(rsp.commandField()).contains(CommandField.C_ECHO_RSP);
        assertThat(rsp.isResponse()).isTrue();
        assertThat(rsp.messageIdBeingRespondedTo()).isEqualTo(1);
        assertThat(rsp.affectedSopClassUid()).contains(UID.Verification);
        assertThat(rsp.hasDataSet()).isFalse();
        assertThat(rsp.status()).isEqualTo(Status.SUCCESS);
        assertThat(rsp.encode()).isEqualTo(golden);

        DimseCommand built = DimseCommand.response(
                DimseCommand.request(CommandField.C_ECHO_RQ, UID.Verification, 1, false), Status.SUCCESS, false);
        assertThat(built.encode()).isEqualTo(golden);
    }

    @Test
    void groupLengthCountsEverythingAfterIt() {
        DimseCommand rq = DimseCommand.request(CommandField.C_STORE_RQ, UID.CTImageStorage, 7, true)
                .affectedSopInstanceUid("1.2.3.4.5").priority(Priority.HIGH).moveOriginator("MOVER", 3);
        byte[] bytes = rq.encode();
        int groupLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8 | (bytes[10] & 0xFF) << 16 | bytes[11] << 24;
        assertThat(groupLength).isEqualTo(bytes.length - 12);
        assertThat(Arrays.copyOf(bytes, 8)).containsExactly(0, 0, 0, 0, 4, 0, 0, 0);
    }

    @Test
    void fieldsSurviveARoundTrip() throws Exception {
        DimseCommand rsp = DimseCommand.response(
                DimseCommand.request(CommandField.C_MOVE_RQ, UID.StudyRootQueryRetrieveInformationModelMove, 9, true),
                Status.SUB_OPERATIONS_COMPLETE_WITH_FAILURES, true)
                .subOperations(0, 3, 1, 0).errorComment("x".repeat(100));
        DimseCommand decoded = DimseCommand.decode(rsp.encode());
        assertThat(decoded.completedSubOperations()).isEqualTo(3);
        assertThat(decoded.failedSubOperations()).isEqualTo(1);
        assertThat(decoded.remainingSubOperations()).isZero();
        assertThat(decoded.errorComment().orElseThrow()).hasSize(DimseCommand.MAX_ERROR_COMMENT_LENGTH);
        assertThat(decoded.status().code()).isEqualTo(0xB000);
        assertThat(decoded.hasDataSet()).isTrue();
        assertThat(DimseCommand.cancel(9).toString()).isEqualTo("C-CANCEL-RQ[rspTo=9]");
    }

    @ParameterizedTest
    @CsvSource({"0000, SUCCESS", "FE00, CANCEL", "FF00, PENDING", "FF01, PENDING", "B000, WARNING",
            "B007, WARNING", "B006, WARNING", "0001, WARNING", "0107, WARNING", "0116, WARNING", "A700, FAILURE",
            "A7FF, FAILURE", "A801, FAILURE", "A900, FAILURE", "C000, FAILURE", "CFFF, FAILURE", "0122, FAILURE",
            "0124, FAILURE", "0110, FAILURE", "0117, FAILURE", "0211, FAILURE"})
    void statusCategoriesFollowPs37AnnexC(String hex, Status.Category category) {
        int code = Integer.parseInt(hex, 16);
        assertThat(Status.of(code).category()).isEqualTo(category);
        assertThat(Status.categoryOf(code)).isEqualTo(category);
    }

    @Test
    void serviceExceptionsBecomeOneKindOfResponse() {
        DimseCommand rq = DimseCommand.request(CommandField.C_STORE_RQ, UID.CTImageStorage, 5, true)
                .affectedSopInstanceUid("1.2.3");
        DimseCommand refused = DicomServiceException.toResponse("test", rq,
                new DicomServiceException(Status.OUT_OF_RESOURCES, "disk full"));
        assertThat(refused.status()).isEqualTo(Status.OUT_OF_RESOURCES);
        assertThat(refused.errorComment()).contains("disk full");
        assertThat(refused.affectedSopInstanceUid()).contains("1.2.3");
        assertThat(refused.messageIdBeingRespondedTo()).isEqualTo(5);

        DimseCommand crashed = DicomServiceException.toResponse("test", rq,
                new IllegalStateException("secret internals"));
        assertThat(crashed.status()).isEqualTo(Status.PROCESSING_FAILURE);
        assertThat(crashed.errorComment().orElseThrow()).doesNotContain("secret").contains("IllegalStateException");
    }
}
