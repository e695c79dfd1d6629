package org.hrnode.dicom.net.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The incremental decoder: "need more" until a PDU is complete, and refusal of lengths before trusting them. */
class PduDecoderTest {

    static final List<byte[]> ALL_GOLDEN = List.of(GoldenPdus.A_ASSOCIATE_RQ_ECHO,
            GoldenPdus.A_ASSOCIATE_RQ_USERNAME_PASSCODE, GoldenPdus.A_ASSOCIATE_RQ_ROLE_SELECTION,
            GoldenPdus.A_ASSOCIATE_RQ_USERNAME_ASYNC, GoldenPdus.A_ASSOCIATE_AC_ECHO,
            GoldenPdus.A_ASSOCIATE_AC_USER_IDENTITY, GoldenPdus.A_ASSOCIATE_AC_REJECTED_CONTEXT,
            GoldenPdus.A_ASSOCIATE_RJ_LOCAL_LIMIT, GoldenPdus.A_RELEASE_RQ, GoldenPdus.A_RELEASE_RP,
            GoldenPdus.A_ABORT_USER, GoldenPdus.A_ABORT_PROVIDER, GoldenPdus.P_DATA_TF_ECHO_RSP,
            GoldenPdus.P_DATA_TF_ECHO_RQ);

    @Test
    void byteAtATimeGivesTheSamePdusAsWholeBuffers() throws Exception {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        List<PDU> expected = new ArrayList<>();
        for (byte[] golden : ALL_GOLDEN) {
            stream.writeBytes(golden);
            expected.add(PduDecoder.decodeOne(golden, PduLimits.defaults()));
        }
        byte[] all = stream.toByteArray();

        PduDecoder decoder = new PduDecoder(PduLimits.defaults());
        List<PDU> decoded = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            decoder.feed(all, i, 1);
            PDU pdu;
            while ((pdu = decoder.next()) != null) {
                decoded.add(pdu);
            }
        }
        assertThat(decoded).isEqualTo(expected);
        assertThat(decoder.buffered()).isZero();

        PduDecoder whole = new PduDecoder(PduLimits.defaults());
        whole.feed(all);
        List<PDU> inOneGo = new ArrayList<>();
        PDU pdu;
        while ((pdu = whole.next()) != null) {
            inOneGo.add(pdu);
        }
        assertThat(inOneGo).isEqualTo(expected);
    }

    @Test
    void needsMoreUntilTheLastByte() throws Exception {
        byte[] rq = GoldenPdus.A_ASSOCIATE_RQ_ECHO;
        PduDecoder decoder = new PduDecoder(PduLimits.defaults());
        decoder.feed(rq, 0, rq.length - 1);
        assertThat(decoder.next()).isNull();
        decoder.feed(rq, rq.length - 1, 1);
        assertThat(decoder.next()).isInstanceOf(AAssociateRQ.class);
    }

    @Test
    void oversizedPDataIsRefusedFromItsHeaderAlone() {
        PduDecoder decoder = new PduDecoder(new PduLimits(16384, 1024));
        decoder.feed(Hex.bytes("04 00 00 00 40 07"));   // P-DATA-TF claiming 16391 bytes
        assertThatThrownBy(decoder::next).isInstanceOfSatisfying(PduDecodeException.class,
                e -> assertThat(e.abortReason()).isEqualTo(AbortReason.INVALID_PDU_PARAMETER_VALUE));
    }

    @Test
    void hugeAssociateRqLengthIsRefusedWithoutWaitingForIt() {
        PduDecoder decoder = new PduDecoder(PduLimits.defaults());
        decoder.feed(Hex.bytes("01 00 ff ff ff ff"));
        assertThatThrownBy(decoder::next).isInstanceOf(PduDecodeException.class).hasMessageContaining("exceeds");
    }

    @Test
    void unknownPduTypeIsUnrecognized() {
        PduDecoder decoder = new PduDecoder(PduLimits.defaults());
        decoder.feed(Hex.bytes("09 00 00 00 00 04 00 00 00 00"));
        assertThatThrownBy(decoder::next).isInstanceOfSatisfying(PduDecodeException.class,
                e -> assertThat(e.abortReason()).isEqualTo(AbortReason.UNRECOGNIZED_PDU));
    }

    @Test
    void fixedSizePdusMustHaveTheirSize() {
        assertThatThrownBy(() -> PduDecoder.decodeOne(Hex.bytes("05 00 00 00 00 05 00 00 00 00 00"),
                PduLimits.defaults())).isInstanceOf(PduDecodeException.class);
    }

    @Test
    void failureIsSticky() {
        PduDecoder decoder = new PduDecoder(PduLimits.defaults());
        decoder.feed(Hex.bytes("09 00 00 00 00 00"));
        assertThatThrownBy(decoder::next).isInstanceOf(PduDecodeException.class);
        decoder.feed(GoldenPdus.A_RELEASE_RQ);
        assertThatThrownBy(decoder::next).isInstanceOf(PduDecodeException.class);
    }

    @Test
    void pdvItemsMustFitAndCarryContextAndHeader() {
        byte[] shortItem = Hex.bytes("""
                04 00 00 00 00 05            # P-DATA-TF, length 5
                00 00 00 01 01               # PDV item-length 1: no room for the message control header
                """);
        byte[] overlong = Hex.bytes("""
                04 00 00 00 00 08            # P-DATA-TF, length 8
                00 00 00 09 01 03 00 00      # PDV item-length 9 > the 4 bytes that follow
                """);
        byte[] empty = Hex.bytes("04 00 00 00 00 00");
        for (byte[] bad : List.of(shortItem, overlong, empty)) {
            assertThatThrownBy(() -> PduDecoder.decodeOne(bad, PduLimits.defaults()))
                    .isInstanceOf(PduDecodeException.class);
        }
    }

    @Test
    void itemLengthsAreCheckedAgainstTheirParent() {
        byte[] rq = GoldenPdus.A_ASSOCIATE_RQ_ECHO.clone();
        rq[77] = (byte) 0x7F;   // application context item-length far beyond the PDU
        assertThatThrownBy(() -> PduDecoder.decodeOne(rq, PduLimits.defaults()))
                .isInstanceOf(PduDecodeException.class).hasMessageContaining("does not fit");
    }

    @Test
    void truncatedUserIdentityIsInvalid() {
        byte[] rq = GoldenPdus.A_ASSOCIATE_RQ_USERNAME_ASYNC.clone();
        // primary-field-length 0x000a -> 0x00ff: longer than the sub-item
        for (int i = 0; i + 4 < rq.length; i++) {
            if (rq[i] == 0x58 && rq[i + 4] == 0x01) {
                rq[i + 7] = (byte) 0xFF;
                break;
            }
        }
        assertThatThrownBy(() -> PduDecoder.decodeOne(rq, PduLimits.defaults()))
                .isInstanceOf(PduDecodeException.class).hasMessageContaining("truncated");
    }
}
