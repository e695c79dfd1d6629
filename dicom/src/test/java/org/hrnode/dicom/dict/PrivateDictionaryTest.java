package org.hrnode.dicom.dict;

import static org.assertj.core.api.Assertions.assertThat;

import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.ElementDictionary.Entry;
import org.junit.jupiter.api.Test;

class PrivateDictionaryTest {

    private static final String GE_ACQUISITION = "GEMS_ACQU_01";

    @Test
    void findsAGeElementInWhicheverBlockItsCreatorReserved() {
        Entry inBlock10 = PrivateDictionary.lookup(GE_ACQUISITION, 0x00191002);
        Entry inBlock23 = PrivateDictionary.lookup(GE_ACQUISITION, 0x00192302);

        assertThat(inBlock10.name()).isEqualTo("Detector Channel");
        assertThat(inBlock10.vr()).isEqualTo(VR.SL);
        assertThat(inBlock10.vm()).isEqualTo("1");
        assertThat(inBlock10.keyword()).isNull();
        assertThat(inBlock10.tag()).as("pattern with the block byte zero").isEqualTo(0x00190002);
        assertThat(inBlock23).isSameAs(inBlock10);
    }

    @Test
    void creatorIsMatchedExactlyAfterTrailingSpaces() {
        assertThat(PrivateDictionary.lookup(GE_ACQUISITION + "  ", 0x00191002)).isNotNull();
        assertThat(PrivateDictionary.lookup("gems_acqu_01", 0x00191002)).isNull();
        assertThat(PrivateDictionary.lookup(" " + GE_ACQUISITION, 0x00191002)).isNull();
    }

    @Test
    void siemensCsaHeaderIsOb() {
        assertThat(PrivateDictionary.lookup("SIEMENS CSA HEADER", 0x00291010).vr()).isEqualTo(VR.OB);
        assertThat(PrivateDictionary.lookup("SIEMENS CSA HEADER", 0x00291010).name())
                .isEqualTo("CSA Image Header Info");
    }

    @Test
    void exactAndRepeatingPrivateGroupEntriesMatch() {
        assertThat(PrivateDictionary.lookup("DicomUtils 20100512", 0x00090001).vr()).isEqualTo(VR.SQ);
        assertThat(PrivateDictionary.lookup("PAPYRUS 3.0", 0x60011010).name()).isEqualTo("Overlay Rows");
        assertThat(PrivateDictionary.lookup("PAPYRUS 3.0", 0x60031110).name()).isEqualTo("Overlay Rows");
    }

    @Test
    void unknownCreatorsAndElementsAreNull() {
        assertThat(PrivateDictionary.lookup("NO SUCH CREATOR", 0x00191002)).isNull();
        assertThat(PrivateDictionary.lookup(GE_ACQUISITION, 0x00191000)).isNull();
        assertThat(PrivateDictionary.lookup(GE_ACQUISITION, 0x00211002)).isNull();
        assertThat(PrivateDictionary.lookup(null, 0x00191002)).isNull();
    }

    @Test
    void geDescriptionsOfTheirOwnCreatorElementsNeverMatchAsInPydicom() {
        // private.tsv lists (0019,10xx) "Private Element Creator"; pydicom's lookup never reaches such entries.
        assertThat(PrivateDictionary.lookup(GE_ACQUISITION, 0x00191007)).isNull();
    }
}
