package org.hrnode.node.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP): 6 digits, 30-second steps, HMAC-SHA1 as every
 * authenticator app (Google Authenticator, FreeOTP, 微信/企业微信 mini-programs) expects. Written here on the JDK's
 * HMAC because the algorithm is 20 lines and Maven Central's TOTP libraries are small, one-person projects; it is
 * tested against the RFC 6238 Appendix B vectors.
 */
public final class Totp {

    public static final int DIGITS = 6;
    public static final long STEP_SECONDS = 30;
    /** Codes from one step before or after are accepted too: phone clocks drift and people type slowly. */
    private static final int WINDOW = 1;
    private static final int SECRET_BYTES = 20;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Totp() {
    }

    public static byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /** The code for {@code time}, {@code digits} long, with {@code algorithm} (HmacSHA1, HmacSHA256, HmacSHA512). */
    public static String code(byte[] secret, Instant time, int digits, String algorithm) {
        long counter = Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
        byte[] message = new byte[8];
        for (int i = 7; i >= 0; i--) {
            message[i] = (byte) counter;
            counter >>>= 8;
        }
        byte[] h;
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret, algorithm));
            h = mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks " + algorithm, e);
        }
        int offset = h[h.length - 1] & 0x0f;
        int binary = (h[offset] & 0x7f) << 24 | (h[offset + 1] & 0xff) << 16 | (h[offset + 2] & 0xff) << 8
                | (h[offset + 3] & 0xff);
        long modulus = (long) Math.pow(10, digits);
        return String.format(Locale.ROOT, "%0" + digits + "d", binary % modulus);
    }

    public static String code(byte[] secret, Instant time) {
        return code(secret, time, DIGITS, "HmacSHA1");
    }

    /** Whether {@code code} is valid at {@code now}, within one step either side; compared in constant time. */
    public static boolean verify(byte[] secret, String code, Instant now) {
        if (code == null || code.length() != DIGITS) {
            return false;
        }
        boolean ok = false;
        for (int i = -WINDOW; i <= WINDOW; i++) {
            String expected = code(secret, now.plusSeconds(i * STEP_SECONDS));
            ok |= MessageDigest.isEqual(expected.getBytes(), code.getBytes());
        }
        return ok;
    }

    /** RFC 4648 base32 without padding, as authenticator apps take secrets. */
    public static String base32(byte[] data) {
        StringBuilder sb = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = buffer << 8 | b & 0xff;
            bits += 8;
            while (bits >= 5) {
                sb.append(BASE32.charAt(buffer >> bits - 5 & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            sb.append(BASE32.charAt(buffer << 5 - bits & 31));
        }
        return sb.toString();
    }

    /** The {@code otpauth://} URI an authenticator app scans (as a QR code) to enrol. */
    public static String otpauthUri(String issuer, String account, byte[] secret) {
        String label = (issuer + ":" + account).replace(" ", "%20");
        return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=" + issuer.replace(" ", "%20")
                + "&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }
}
