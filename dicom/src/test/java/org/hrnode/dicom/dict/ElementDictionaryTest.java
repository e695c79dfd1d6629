package org.hrnode.dicom.dict;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.ElementDictionary.Entry;
import org.junit.jupiter.api.Test;

class ElementDictionaryTest {

    @Test
    void patientNameIsPersonName() {
        Entry entry = ElementDictionary.lookup(Tag.PatientName);

        assertThat(Tag.PatientName).isEqualTo(0x00100010);
        assertThat(entry.vr()).isEqualTo(VR.PN);
        assertThat(entry.vrAlternatives()).containsExactly(VR.PN);
        assertThat(entry.isAmbiguous()).isFalse();
        assertThat(entry.vm()).isEqualTo("1");
        assertThat(entry.keyword()).isEqualTo("PatientName");
        assertThat(entry.name()).isEqualTo("Patient's Name");
        assertThat(entry.retired()).isFalse();
        assertThat(ElementDictionary.nameOf(0x00100010)).isEqualTo("Patient's Name");
    }

    @Test
    void usOrSsIsAmbiguousAndDefaultsToUs() {
        Entry entry = ElementDictionary.lookup(0x00280106);

        assertThat(entry.keyword()).isEqualTo("SmallestImagePixelValue");
        assertThat(entry.vrAlternatives()).containsExactly(VR.US, VR.SS);
        assertThat(entry.isAmbiguous()).isTrue();
        assertThat(ElementDictionary.vrOf(0x00280106)).isEqualTo(VR.US);
    }

    @Test
    void obOrOwDefaultsToOwAsImplicitVrRequires() {
        assertThat(ElementDictionary.lookup(Tag.PixelData).vrAlternatives()).containsExactly(VR.OW, VR.OB);
        assertThat(ElementDictionary.vrOf(Tag.PixelData)).isEqualTo(VR.OW);
        assertThat(ElementDictionary.vrOf(Tag.LUTData)).isEqualTo(VR.OW);
        assertThat(ElementDictionary.lookup(Tag.LUTData).vrAlternatives()).containsExactly(VR.OW, VR.US);
    }

    @Test
    void overlayDataInAnyEvenOverlayGroupMatchesTheRepeater() {
        Entry entry = ElementDictionary.lookup(0x60023000);

        assertThat(entry.keyword()).isEqualTo("OverlayData");
        assertThat(entry.tag()).isEqualTo(Tag.OverlayData).isEqualTo(0x60003000);
        assertThat(ElementDictionary.vrOf(0x60023000)).isEqualTo(VR.OW);
        assertThat(ElementDictionary.keywordOf(0x601E3000)).isEqualTo("OverlayData");
        assertThat(ElementDictionary.tagOf("OverlayData")).hasValue(0x60003000);
    }

    @Test
    void oddGroupsAreNeverRepeatingGroupsBecauseTheyArePrivate() {
        assertThat(ElementDictionary.lookup(0x60013000)).isNull();
        assertThat(ElementDictionary.vrOf(0x60013000)).isEqualTo(VR.UN);
        assertThat(ElementDictionary.vrOf(0x60010010)).as("private creator, not Overlay Rows").isEqualTo(VR.LO);
    }

    @Test
    void elementRepeatersMatchTheirVaryingDigits() {
        assertThat(ElementDictionary.keywordOf(0x00203105)).isEqualTo("SourceImageIDs");
        assertThat(ElementDictionary.keywordOf(0x00280470)).isEqualTo("RowsForNthOrderCoefficients");
        assertThat(ElementDictionary.keywordOf(0x10002341)).isEqualTo("RunLengthTriplet");
        assertThat(ElementDictionary.lookup(0x00280470).retired()).isTrue();
    }

    @Test
    void exactEntriesWinOverRepeaters() {
        assertThat(ElementDictionary.keywordOf(0x7FE00010)).isEqualTo("PixelData");
        assertThat(ElementDictionary.keywordOf(0x7F020010)).isEqualTo("VariablePixelData");
    }

    @Test
    void commandElementsAreInTheDictionary() {
        // PS3.7 Table E.1-1: Command Field is US (only the group length is UL).
        assertThat(Tag.CommandField).isEqualTo(0x00000100);
        assertThat(ElementDictionary.vrOf(Tag.CommandField)).isEqualTo(VR.US);
        assertThat(ElementDictionary.vrOf(Tag.CommandGroupLength)).isEqualTo(VR.UL);
        assertThat(ElementDictionary.keywordOf(0x00000100)).isEqualTo("CommandField");
    }

    @Test
    void groupLengthsAreUl() {
        assertThat(ElementDictionary.vrOf(0x00080000)).isEqualTo(VR.UL);
        assertThat(ElementDictionary.vrOf(0x00190000)).isEqualTo(VR.UL);
        assertThat(ElementDictionary.vrOf(Tag.FileMetaInformationGroupLength)).isEqualTo(VR.UL);
    }

    @Test
    void privateElementsAreLoCreatorsOrUn() {
        assertThat(ElementDictionary.vrOf(0x00190010)).isEqualTo(VR.LO);
        assertThat(ElementDictionary.vrOf(0x001900FF)).isEqualTo(VR.LO);
        assertThat(ElementDictionary.vrOf(0x00191010)).isEqualTo(VR.UN);
        assertThat(ElementDictionary.lookup(0x00191010)).isNull();
    }

    @Test
    void unknownTagsAreUnAndHaveNoKeyword() {
        int unknown = 0x0010FFF0;
        assertThat(ElementDictionary.lookup(unknown)).isNull();
        assertThat(ElementDictionary.vrOf(unknown)).isEqualTo(VR.UN);
        assertThat(ElementDictionary.keywordOf(unknown)).isNull();
        assertThat(ElementDictionary.nameOf(unknown)).isNull();
        assertThat(ElementDictionary.tagOf("NoSuchKeyword")).isEmpty();
    }

    @Test
    void itemTagsHaveNoVrAndReadAsUn() {
        for (int tag : new int[] {Tag.Item, Tag.ItemDelimitationItem, Tag.SequenceDelimitationItem}) {
            Entry entry = ElementDictionary.lookup(tag);
            assertThat(entry.vr()).isNull();
            assertThat(entry.vrAlternatives()).isEmpty();
            assertThat(ElementDictionary.vrOf(tag)).isEqualTo(VR.UN);
        }
        assertThat(Tag.Item).isEqualTo(0xFFFEE000);
    }

    @Test
    void retiredElementsWithoutKeywordAreStillKnownForTheirVr() {
        Entry entry = ElementDictionary.lookup(0x00180061);

        assertThat(entry.keyword()).isNull();
        assertThat(entry.retired()).isTrue();
        assertThat(ElementDictionary.vrOf(0x00180061)).isEqualTo(VR.DS);
    }

    /**
     * Repeating elements whose base value (x = 0) belongs to something else: (0028,0400) is Transform Label,
     * not Rows For Nth Order Coefficients; (1000,0000) and (1010,0000) are group lengths.
     */
    private static final Set<String> SHADOWED_BASE_VALUES = Set.of("RowsForNthOrderCoefficients",
            "ColumnsForNthOrderCoefficients", "CoefficientCoding", "CoefficientCodingPointers", "EscapeTriplet",
            "ZonalMap");
    /** Sets the lowest varying digit of all shadowed patterns (04x0, xxx0, xxxx) to 1. */
    private static final int FIRST_VARYING_DIGIT_ONE = 0x10;

    @Test
    void keywordAndTagRoundTripForEveryEntry() {
        List<Entry> entries = ElementDictionary.entries();

        assertThat(entries).hasSizeGreaterThan(4900);
        for (Entry entry : entries) {
            if (entry.keyword() != null && SHADOWED_BASE_VALUES.contains(entry.keyword())) {
                assertThat(ElementDictionary.keywordOf(entry.tag())).isNotEqualTo(entry.keyword());
                assertThat(ElementDictionary.lookup(entry.tag() | FIRST_VARYING_DIGIT_ONE)).isSameAs(entry);
                continue;
            }
            assertThat(ElementDictionary.lookup(entry.tag())).as("lookup of its own tag").isSameAs(entry);
            if (entry.keyword() != null) {
                assertThat(ElementDictionary.tagOf(entry.keyword())).as(entry.keyword()).hasValue(entry.tag());
                assertThat(ElementDictionary.keywordOf(entry.tag())).isEqualTo(entry.keyword());
            }
        }
    }

    @Test
    void everyTagConstantIsTheDictionaryTagOfItsKeyword() throws IllegalAccessException {
        List<Field> constants = Arrays.stream(Tag.class.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == int.class).toList();

        assertThat(constants).hasSize((int) ElementDictionary.entries().stream()
                .filter(e -> e.keyword() != null).count());
        for (Field constant : constants) {
            assertThat(ElementDictionary.tagOf(constant.getName())).as(constant.getName())
                    .hasValue(constant.getInt(null));
        }
    }
}
