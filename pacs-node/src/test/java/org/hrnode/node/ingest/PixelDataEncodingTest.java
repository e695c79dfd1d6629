package org.hrnode.node.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.hrnode.dicom.data.TransferSyntax;
import org.junit.jupiter.api.Test;

/** Compressed fragments under a native syntax are recognised from the Pixel Data element's header alone. */
class PixelDataEncodingTest {

    private static final int UNDEFINED = 0xFFFF_FFFF;
    private static final int DEFINED = 1024;
    /** Bytes before the data set in these synthetic objects, as a preamble and meta would be. */
    private static final int DATA_SET_START = 16;

    private static final int HEADER_BYTES = 12;

    private static byte[] explicitHeader(int group, int element, int length, ByteOrder order) {
        return ByteBuffer.allocate(HEADER_BYTES).order(order).putShort((short) group).putShort((short) element)
                .put((byte) 'O').put((byte) 'B').putShort((short) 0).putInt(length).array();
    }

    private static byte[] object(byte[] dataSet) {
        byte[] all = new byte[DATA_SET_START + dataSet.length];
        System.arraycopy(dataSet, 0, all, DATA_SET_START, dataSet.length);
        return all;
    }

    private static boolean check(byte[] object, TransferSyntax ts) throws Exception {
        return PixelDataEncoding.fragmentsInNativeSyntax(object, object.length, DATA_SET_START, DATA_SET_START, ts);
    }

    @Test
    void fragmentsUnderExplicitLittleEndianAreRecognised() throws Exception {
        assertThat(check(object(explicitHeader(0x7FE0, 0x0010, UNDEFINED, ByteOrder.LITTLE_ENDIAN)),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)).isTrue();
        assertThat(check(object(explicitHeader(0x7FE0, 0x0010, DEFINED, ByteOrder.LITTLE_ENDIAN)),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)).isFalse();
    }

    @Test
    void fragmentsUnderImplicitAndBigEndianAreRecognised() throws Exception {
        byte[] implicit = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0x7FE0)
                .putShort((short) 0x0010).putInt(UNDEFINED).array();
        assertThat(check(object(implicit), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)).isTrue();
        assertThat(check(object(explicitHeader(0x7FE0, 0x0010, UNDEFINED, ByteOrder.BIG_ENDIAN)),
                TransferSyntax.EXPLICIT_VR_BIG_ENDIAN)).isTrue();
    }

    @Test
    void fragmentsUnderADeflatedSyntaxAreRecognisedInTheInflatedData() throws Exception {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated,
                new Deflater(Deflater.DEFAULT_COMPRESSION, true))) {
            out.write(explicitHeader(0x7FE0, 0x0010, UNDEFINED, ByteOrder.LITTLE_ENDIAN));
        }
        assertThat(check(object(deflated.toByteArray()), TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN))
                .isTrue();
    }

    @Test
    void encapsulatedSyntaxesOtherTagsAndShortCopiesAreNotRefused() throws Exception {
        byte[] fragments = object(explicitHeader(0x7FE0, 0x0010, UNDEFINED, ByteOrder.LITTLE_ENDIAN));
        assertThat(check(fragments, TransferSyntax.JPEG_LS_LOSSLESS)).isFalse();
        assertThat(check(object(explicitHeader(0xFFFC, 0xFFFC, UNDEFINED, ByteOrder.LITTLE_ENDIAN)),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)).isFalse();
        byte[] cut = Arrays.copyOf(fragments, DATA_SET_START + 6);
        assertThat(check(cut, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)).isFalse();
    }
}
