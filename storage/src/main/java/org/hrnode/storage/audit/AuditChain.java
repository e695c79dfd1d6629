package org.hrnode.storage.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The tamper-evident chain over the audit trail: each row's hash is SM3 (GB/T 32905, the national commercial
 * cryptography hash) of the previous row's hash followed by the row's canonical bytes. Changing, removing or
 * inserting a row changes every hash after it, which {@link AuditVerifier} detects by recomputing.
 *
 * <p>Canonical bytes: the sequence number (8 bytes, big-endian), the time as microseconds since the epoch (8 bytes),
 * then each text field in declaration order as a 4-byte length and its UTF-8 bytes. Lengths make the encoding
 * unambiguous (no field can borrow bytes from its neighbour).
 */
public final class AuditChain {

    /** The "previous hash" of the very first row. */
    public static final byte[] GENESIS = new byte[32];

    private AuditChain() {
    }

    public static byte[] hash(byte[] previous, long seq, AuditEvent e) {
        byte[] row = canonical(seq, e);
        SM3Digest sm3 = new SM3Digest();
        sm3.update(previous, 0, previous.length);
        sm3.update(row, 0, row.length);
        byte[] out = new byte[sm3.getDigestSize()];
        sm3.doFinal(out, 0);
        return out;
    }

    static byte[] canonical(long seq, AuditEvent e) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(seq);
            out.writeLong(micros(e.at()));
            for (String field : new String[] {e.actor(), e.role(), e.institution(), e.source(), e.action(),
                    e.outcome(), e.studyUid(), e.detail()}) {
                byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
                out.writeInt(utf8.length);
                out.write(utf8);
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    private static long micros(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }
}
