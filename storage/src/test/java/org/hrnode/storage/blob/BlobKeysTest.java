package org.hrnode.storage.blob;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BlobKeysTest {

    @Test
    void instanceKeysAreValidUniqueAndNameTheInstance() {
        String uid = "1.2.840.113619.2.55.3.604688119.969.1268071029.320";

        String first = BlobKeys.forInstance(uid);
        String second = BlobKeys.forInstance(uid);

        assertThat(first).isNotEqualTo(second).contains("/" + uid + "/").startsWith("instances/");
        assertThat(BlobKeys.validate(first)).isEqualTo(first);
    }

    @Test
    void malformedUidIsHashedIntoAValidKey() {
        String key = BlobKeys.forInstance("../../etc/passwd 王");

        assertThat(BlobKeys.validate(key)).doesNotContain("..").doesNotContain("王");
    }

    @Test
    void ordinaryKeysPass() {
        assertThat(BlobKeys.validate("a")).isEqualTo("a");
        assertThat(BlobKeys.validate("studies/1.2.3/x_y-z.dcm")).isEqualTo("studies/1.2.3/x_y-z.dcm");
    }
}
