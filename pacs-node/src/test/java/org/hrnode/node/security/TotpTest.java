package org.hrnode.node.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 6238 Appendix B test vectors, and the verification window. */
class TotpTest {

    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_SEED =
            "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
            "59,          94287082, 46119246, 90693936",
            "1111111109,  07081804, 68084774, 25091201",
            "1111111111,  14050471, 67062674, 99943326",
            "1234567890,  89005924, 91819424, 93441116",
            "2000000000,  69279037, 90698825, 38618901",
            "20000000000, 65353130, 77737706, 47863826"})
    void rfc6238Vectors(long time, String sha1, String sha256, String sha512) {
        Instant t = Instant.ofEpochSecond(time);
        assertThat(Totp.code(SHA1_SEED, t, 8, "HmacSHA1")).isEqualTo(sha1);
        assertThat(Totp.code(SHA256_SEED, t, 8, "HmacSHA256")).isEqualTo(sha256);
        assertThat(Totp.code(SHA512_SEED, t, 8, "HmacSHA512")).isEqualTo(sha512);
    }

    @Test
    void sixDigitCodeIsTheLastSixOfTheRfcValue() {
        assertThat(Totp.code(SHA1_SEED, Instant.ofEpochSecond(59))).isEqualTo("287082");
    }

    @Test
    void acceptsTheNeighbouringStepsAndNothingFurther() {
        Instant now = Instant.ofEpochSecond(1111111111);
        String current = Totp.code(SHA1_SEED, now);
        assertThat(Totp.verify(SHA1_SEED, current, now)).isTrue();
        assertThat(Totp.verify(SHA1_SEED, Totp.code(SHA1_SEED, now.minusSeconds(30)), now)).isTrue();
        assertThat(Totp.verify(SHA1_SEED, Totp.code(SHA1_SEED, now.plusSeconds(30)), now)).isTrue();
        assertThat(Totp.verify(SHA1_SEED, Totp.code(SHA1_SEED, now.minusSeconds(120)), now)).isFalse();
        assertThat(Totp.verify(SHA1_SEED, null, now)).isFalse();
        assertThat(Totp.verify(SHA1_SEED, "12345", now)).isFalse();
    }

    @Test
    void base32IsRfc4648() {
        // RFC 4648 section 10 ("foobar" → MZXW6YTBOI======), without padding
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Totp.base32("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
    }
}
