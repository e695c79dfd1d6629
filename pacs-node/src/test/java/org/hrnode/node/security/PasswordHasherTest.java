package org.hrnode.node.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void verifiesTheRightPasswordAndRejectsAWrongOne() {
        String hash = hasher.hash("correct horse battery".toCharArray());

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hasher.verify("correct horse battery".toCharArray(), hash)).isTrue();
        assertThat(hasher.verify("correct horse batterx".toCharArray(), hash)).isFalse();
        assertThat(hasher.verify("".toCharArray(), hash)).isFalse();
    }

    @Test
    void sameSecretHashesDifferentlyEachTime() {
        String a = hasher.hash("秘密的口令-123456".toCharArray());
        String b = hasher.hash("秘密的口令-123456".toCharArray());

        assertThat(a).isNotEqualTo(b);
        assertThat(hasher.verify("秘密的口令-123456".toCharArray(), a)).isTrue();
        assertThat(hasher.verify("秘密的口令-123456".toCharArray(), b)).isTrue();
    }

    @Test
    void malformedOrForeignStoredHashesNeverVerify() {
        assertThat(hasher.verify("x".toCharArray(), "")).isFalse();
        assertThat(hasher.verify("x".toCharArray(), "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
        assertThat(hasher.verify("x".toCharArray(), "$argon2i$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA")).isFalse();
        assertThat(hasher.verify("x".toCharArray(), "$argon2id$v=19$m=1,t=1,p=1$c2FsdA$aGFzaA")).isFalse();
    }

    @Test
    void verifiesAHashMadeByTheReferenceImplementation() {
        // Debian's argon2 (the reference C implementation):
        //   echo -n password | argon2 somesalt -id -m 10 -t 2 -p 1 -l 32 -e
        // a hash from another implementation must verify, so the stored PHC strings are portable
        String reference = "$argon2id$v=19$m=1024,t=2,p=1$c29tZXNhbHQ$"
                + "7FfsnA6vUe7qLpL/3Kqc3uR48ZJyFbUVt7jWZlf0Htk";
        assertThat(hasher.verify("password".toCharArray(), reference)).isTrue();
        assertThat(hasher.verify("passwore".toCharArray(), reference)).isFalse();
    }
}
