package org.hrnode.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hrnode.dicom.data.PersonName.Component;
import org.hrnode.dicom.data.PersonName.Group;
import org.junit.jupiter.api.Test;

class PersonNameTest {

    @Test
    void chineseNameHasAlphabeticAndIdeographicGroups() {
        PersonName name = PersonName.parse("Wang^XiaoDong=王^小东=");
        assertThat(name.alphabetic()).isEqualTo("Wang^XiaoDong");
        assertThat(name.ideographic()).isEqualTo("王^小东");
        assertThat(name.phonetic()).isEmpty();
        assertThat(name.component(Group.IDEOGRAPHIC, Component.FAMILY)).isEqualTo("王");
        assertThat(name.component(Group.IDEOGRAPHIC, Component.GIVEN)).isEqualTo("小东");
        assertThat(name.component(Group.IDEOGRAPHIC, Component.MIDDLE)).isEmpty();
        assertThat(name).hasToString("Wang^XiaoDong=王^小东");
    }

    @Test
    void allFiveComponentsOfAllThreeGroups() {
        PersonName name = PersonName.parse("Adams^John Robert Quincy^^Rev.^B.A. M.Div.=山田^太郎=やまだ^たろう");
        assertThat(name.component(Group.ALPHABETIC, Component.FAMILY)).isEqualTo("Adams");
        assertThat(name.component(Group.ALPHABETIC, Component.GIVEN)).isEqualTo("John Robert Quincy");
        assertThat(name.component(Group.ALPHABETIC, Component.MIDDLE)).isEmpty();
        assertThat(name.component(Group.ALPHABETIC, Component.PREFIX)).isEqualTo("Rev.");
        assertThat(name.component(Group.ALPHABETIC, Component.SUFFIX)).isEqualTo("B.A. M.Div.");
        assertThat(name.phonetic()).isEqualTo("やまだ^たろう");
        assertThat(name).hasToString("Adams^John Robert Quincy^^Rev.^B.A. M.Div.=山田^太郎=やまだ^たろう");
    }

    @Test
    void trailingEmptyComponentsAndGroupsAreDropped() {
        assertThat(PersonName.parse("^^^^")).hasToString("");
        assertThat(PersonName.parse("^^^^").isEmpty()).isTrue();
        assertThat(PersonName.parse("Doe^John^^^")).hasToString("Doe^John");
        assertThat(PersonName.parse("Doe^John==")).hasToString("Doe^John");
        assertThat(PersonName.parse("=王^小东")).hasToString("=王^小东");
        assertThat(PersonName.parse("==やまだ")).hasToString("==やまだ");
        assertThat(PersonName.parse("Doe^^^^Jr")).hasToString("Doe^^^^Jr");
        assertThat(PersonName.parse(null)).hasToString("");
        assertThat(PersonName.parse("")).isEqualTo(PersonName.parse("^="));
    }

    @Test
    void malformedExtraDelimitersAreKeptInTheLastSlot() {
        PersonName name = PersonName.parse("A^B^C^D^E^F=G=H=I");
        assertThat(name.component(Group.ALPHABETIC, Component.SUFFIX)).isEqualTo("E^F");
        assertThat(name.component(Group.PHONETIC, Component.FAMILY)).isEqualTo("H=I");
        assertThat(name).hasToString("A^B^C^D^E^F=G=H=I");
    }

    @Test
    void builtNamesEqualParsedOnes() {
        PersonName built = PersonName.builder()
                .set(Group.ALPHABETIC, Component.FAMILY, "Zhang")
                .set(Group.ALPHABETIC, Component.GIVEN, "XiaoDong")
                .set(Group.IDEOGRAPHIC, Component.FAMILY, "张")
                .set(Group.IDEOGRAPHIC, Component.GIVEN, "小东")
                .build();
        assertThat(built).isEqualTo(PersonName.parse("Zhang^XiaoDong=张^小东"));
        assertThat(built.hashCode()).isEqualTo(PersonName.parse("Zhang^XiaoDong=张^小东=").hashCode());
        assertThat(PersonName.of("Zhang^XiaoDong", "张^小东", null)).isEqualTo(built);
    }

    @Test
    void builderRejectsDelimitersInsideValues() {
        assertThatThrownBy(() -> PersonName.builder().set(Group.ALPHABETIC, Component.FAMILY, "A^B"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PersonName.builder().group(Group.ALPHABETIC, "A=B"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PersonName.of("A^B^C^D^E^F", null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
