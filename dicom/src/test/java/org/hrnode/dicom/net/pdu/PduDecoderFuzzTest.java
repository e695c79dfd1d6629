package org.hrnode.dicom.net.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutated golden PDUs, fed in random chunks: the decoder either returns PDUs, asks for more, or throws its own
 * {@link PduDecodeException}; nothing else escapes and it never holds more than the input it was given.
 */
class PduDecoderFuzzTest {

    private static final int ROUNDS = 20_000;
    private static final long SEED = 0x5EED_0FD1C0L;

    @Test
    void mutatedPdusNeverEscapeTheDecodersException() {
        Random random = new Random(SEED);
        int decoded = 0;
        int refused = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] golden = PduDecoderTest.ALL_GOLDEN.get(random.nextInt(PduDecoderTest.ALL_GOLDEN.size()));
            byte[] input = mutate(golden, random);
            PduDecoder decoder = new PduDecoder(new PduLimits(64 * 1024, 4096));
            try {
                int pos = 0;
                while (pos < input.length) {
                    int chunk = Math.min(input.length - pos, 1 + random.nextInt(64));
                    decoder.feed(input, pos, chunk);
                    pos += chunk;
                    while (decoder.next() != null) {
                        decoded++;
                    }
                }
                assertThat(decoder.buffered()).isLessThanOrEqualTo(input.length);
            } catch (PduDecodeException e) {
                refused++;
                assertThat(e.abortReason()).isNotNull();
            }
        }
        assertThat(decoded + refused).isPositive();
    }

    @Test
    void whateverDecodesReEncodesToAnEqualPdu() {
        Random random = new Random(SEED + 1);
        for (int round = 0; round < ROUNDS / 4; round++) {
            byte[] golden = PduDecoderTest.ALL_GOLDEN.get(random.nextInt(PduDecoderTest.ALL_GOLDEN.size()));
            byte[] input = mutate(golden, random);
            PDU pdu;
            try {
                pdu = PduDecoder.decodeOne(input, PduLimits.defaults());
            } catch (PduDecodeException e) {
                continue;
            }
            try {
                assertThat(PduDecoder.decodeOne(PduEncoder.encode(pdu), PduLimits.defaults())).isEqualTo(pdu);
            } catch (PduDecodeException | RuntimeException e) {
                throw new AssertionError("re-encoding " + pdu + " failed: " + e, e);
            }
        }
    }

    private static byte[] mutate(byte[] golden, Random random) {
        byte[] b = golden.clone();
        switch (random.nextInt(6)) {
            case 0 -> b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            case 1 -> {
                for (int i = 0; i < 1 + random.nextInt(8); i++) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
            }
            case 2 -> b = Arrays.copyOf(b, random.nextInt(b.length));
            case 3 -> {
                int at = random.nextInt(Math.max(1, b.length - 4));
                b[at] = (byte) 0xFF;
                b[at + 1] = (byte) 0xFF;
            }
            case 4 -> {
                byte[] garbage = new byte[random.nextInt(256)];
                random.nextBytes(garbage);
                b = garbage;
            }
            default -> {
                int at = 2 + random.nextInt(4);
                b[at] = (byte) random.nextInt(256);
            }
        }
        return b;
    }
}
