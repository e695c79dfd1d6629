package org.hrnode.node.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrivacyTest {

    @Test
    void onlyViewersSeeIdentifiers() {
        assertThat(Privacy.mayViewIdentifiers(context(Role.VIEWER))).isTrue();
        assertThat(Privacy.mayViewIdentifiers(context(Role.REVIEWER))).isFalse();
        assertThat(Privacy.mayViewIdentifiers(context(Role.ADMIN))).isFalse();
        assertThat(Privacy.mayViewIdentifiers(context(Role.UPLOADER))).isFalse();
        assertThat(Privacy.name(context(Role.REVIEWER), "张^三丰")).isEqualTo("张*");
        assertThat(Privacy.name(context(Role.VIEWER), "张^三丰")).isEqualTo("张^三丰");
        assertThat(Privacy.id(context(Role.REVIEWER), "510104199001011234")).isEqualTo("**************1234");
    }

    @Test
    void masksKeepTooLittleToIdentify() {
        assertThat(Privacy.maskName("Wang^Xiaoming=王^小明")).isEqualTo("W*");
        assertThat(Privacy.maskName("𠀀^x")).isEqualTo("𠀀*");
        assertThat(Privacy.maskId("1234")).isEqualTo("****");
        assertThat(Privacy.maskId("P12345")).isEqualTo("**2345");
        assertThat(Privacy.maskName("")).isEmpty();
        assertThat(Privacy.maskId(null)).isNull();
    }

    private static NodeSecurityContext context(Role role) {
        return new NodeSecurityContext(new NodePrincipal("u", EnumSet.of(role), Optional.empty(), "jwt"), true);
    }
}
