package org.hrnode.wado.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The multipart body as RFC 2046 lays it out, and the length announced for it before it is written. */
class MultipartWriterTest {

    @Test
    void partsAreDelimitedAndTheAnnouncedLengthIsExact() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MultipartWriter parts = new MultipartWriter(out, "b0");
        byte[] first = "first\r\n--b".getBytes(StandardCharsets.US_ASCII);
        byte[] second = new byte[300_000];

        parts.part("application/dicom; transfer-syntax=1.2.840.10008.1.2.1", first.length,
                new ByteArrayInputStream(first));
        parts.part("application/octet-stream", second);
        parts.finish();

        String text = out.toString(StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("--b0\r\nContent-Type: application/dicom; transfer-syntax=1.2.840.10008.1.2.1\r\n"
                + "Content-Length: 10\r\n\r\nfirst\r\n--b\r\n--b0\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Length: 300000\r\n\r\n");
        assertThat(text).endsWith("\r\n--b0--\r\n");
        assertThat(out.size()).isEqualTo(MultipartWriter.partLength("b0",
                "application/dicom; transfer-syntax=1.2.840.10008.1.2.1", first.length)
                + MultipartWriter.partLength("b0", "application/octet-stream", second.length)
                + MultipartWriter.closingLength("b0"));
    }

    @Test
    void boundariesAreFreshEachTime() {
        assertThat(MultipartWriter.newBoundary()).isNotEqualTo(MultipartWriter.newBoundary()).startsWith("hrnode-");
    }
}
