package org.hrnode.dicom.dict;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class UIDsTest {

    @Test
    void ctImageStorage() {
        UIDs.Info info = UIDs.lookup(UID.CTImageStorage);

        assertThat(UID.CTImageStorage).isEqualTo("1.2.840.10008.5.1.4.1.1.2");
        assertThat(info.keyword()).isEqualTo("CTImageStorage");
        assertThat(info.name()).isEqualTo("CT Image Storage");
        assertThat(info.type()).isEqualTo("SOP Class");
        assertThat(info.retired()).isFalse();
    }

    @Test
    void paddingIsIgnored() {
        assertThat(UIDs.lookup("1.2.840.10008.1.2.1\0")).isSameAs(UIDs.lookup(UID.ExplicitVRLittleEndian));
        assertThat(UIDs.nameOf("1.2.840.10008.1.2 ")).isEqualTo("Implicit VR Little Endian");
    }

    @Test
    void unknownUidsNameThemselves() {
        assertThat(UIDs.lookup("1.2.3.4")).isNull();
        assertThat(UIDs.nameOf("1.2.3.4")).isEqualTo("1.2.3.4");
    }

    @Test
    void retiredAndNamelessEntriesAreKept() {
        assertThat(UIDs.lookup(UID.ExplicitVRBigEndian).retired()).isTrue();
        UIDs.Info nameless = UIDs.lookup("1.2.840.10008.5.1.4.1.1.40");
        assertThat(nameless.name()).isNull();
        assertThat(nameless.keyword()).isNull();
        assertThat(UIDs.nameOf("1.2.840.10008.5.1.4.1.1.40")).isEqualTo("1.2.840.10008.5.1.4.1.1.40");
    }

    @Test
    void transferSyntaxesInUidOrder() {
        List<UIDs.Info> syntaxes = UIDs.ofType(UIDs.TRANSFER_SYNTAX);

        assertThat(syntaxes).extracting(UIDs.Info::uid)
                .startsWith(UID.ImplicitVRLittleEndian, UID.ExplicitVRLittleEndian)
                .contains(UID.JPEGLSLossless, UID.RLELossless)
                .doesNotContain(UID.CTImageStorage);
        assertThat(syntaxes).allSatisfy(info -> assertThat(info.type()).isEqualTo(UIDs.TRANSFER_SYNTAX));
    }

    @Test
    void everyUidConstantIsRegisteredUnderItsKeyword() throws IllegalAccessException {
        List<Field> constants = Arrays.stream(UID.class.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class).toList();

        assertThat(constants).hasSize((int) UIDs.all().stream().filter(i -> i.keyword() != null).count());
        for (Field constant : constants) {
            assertThat(UIDs.lookup((String) constant.get(null)).keyword()).isEqualTo(constant.getName());
        }
    }
}
