package org.hrnode.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hrnode.dicom.dict.Tag;
import org.junit.jupiter.api.Test;

class DatasetTest {

    @Test
    void keepsElementsInTagOrderWhateverTheInsertionOrder() {
        Dataset ds = new Dataset();
        ds.setString(Tag.PatientID, VR.LO, "2");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2");
        ds.setBytes(0xFFFEE000 - 0x10000, VR.OB, new byte[] {1});
        ds.setString(Tag.PatientName, VR.PN, "A^B");
        ds.setString(Tag.PatientID, VR.LO, "3");
        assertThat(ds.size()).isEqualTo(4);
        assertThat(ds.tagAt(0)).isEqualTo(Tag.SOPInstanceUID);
        assertThat(ds.tagAt(1)).isEqualTo(Tag.PatientName);
        assertThat(ds.tagAt(3)).as("groups above 7FFF sort last (unsigned)").isEqualTo(0xFFFDE000);
        assertThat(ds.getString(Tag.PatientID)).isEqualTo("3");
        assertThat(ds.remove(Tag.PatientName)).isTrue();
        assertThat(ds.contains(Tag.PatientName)).isFalse();
    }

    @Test
    void splitsAndTrimsStringValuesPerVr() {
        Dataset ds = new Dataset();
        ds.setBytes(Tag.ImageType, VR.CS, "ORIGINAL\\PRIMARY \\AXIAL ".getBytes());
        ds.setBytes(Tag.SOPInstanceUID, VR.UI, "1.2.3\0".getBytes());
        ds.setBytes(Tag.PatientComments, VR.LT, "  leading kept\\not split  ".getBytes());
        assertThat(ds.getStrings(Tag.ImageType)).containsExactly("ORIGINAL", "PRIMARY", "AXIAL");
        assertThat(ds.getString(Tag.SOPInstanceUID)).isEqualTo("1.2.3");
        assertThat(ds.getStrings(Tag.PatientComments)).containsExactly("  leading kept\\not split");
    }

    @Test
    void numbersFromBinaryAndStringVrs() {
        Dataset ds = new Dataset();
        ds.setInts(Tag.Rows, VR.US, 65535);
        ds.setInts(Tag.SmallestImagePixelValue, VR.SS, -5);
        ds.setDoubles(Tag.PixelSpacing, VR.DS, 0.25, 0.5);
        ds.setBytes(Tag.InstanceNumber, VR.IS, " +12 ".getBytes());
        ds.setDoubles(Tag.FrameTime, VR.DS, 33.3);
        assertThat(ds.getInt(Tag.Rows, 0)).isEqualTo(65535);
        assertThat(ds.getInt(Tag.SmallestImagePixelValue, 0)).isEqualTo(-5);
        assertThat(ds.getDoubles(Tag.PixelSpacing)).containsExactly(0.25, 0.5);
        assertThat(ds.getInt(Tag.InstanceNumber, 0)).isEqualTo(12);
        assertThat(ds.getString(Tag.FrameTime)).isEqualTo("33.3");
        assertThat(ds.getInt(Tag.Columns, -1)).as("absent → default").isEqualTo(-1);
        ds.setBytes(Tag.SliceThickness, VR.DS, "abc".getBytes());
        assertThatThrownBy(() -> ds.getDoubles(Tag.SliceThickness)).isInstanceOf(NumberFormatException.class)
                .hasMessageContaining("'abc'");
    }

    @Test
    void privateElementsAreAddressedThroughTheirCreator() {
        Dataset ds = new Dataset();
        ds.setString(0x00090010, VR.LO, "OTHER VENDOR");
        int tag = ds.reservePrivateTag("HRNODE QC", 0x0009, 0x01);
        assertThat(tag).isEqualTo(0x00091101);
        ds.setString(tag, VR.LO, "PASS");
        assertThat(ds.privateTag("HRNODE QC", 0x0009, 0x01)).isEqualTo(0x00091101);
        assertThat(ds.privateCreatorOf(0x00091101)).isEqualTo("HRNODE QC");
        assertThat(ds.privateTag("ABSENT", 0x0009, 0x01)).isEqualTo(-1);
    }

    @Test
    void itemsInheritTheCharacterSetOfTheirDataset() {
        Dataset ds = new Dataset();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        Dataset item = ds.newSequence(Tag.ReferencedStudySequence).addNewItem();
        assertThat(item.parent()).isSameAs(ds);
        assertThat(item.specificCharacterSet()).isSameAs(ds.specificCharacterSet());
    }

    @Test
    void equalityComparesTextByValueAndBinaryAcrossByteOrders() {
        Dataset a = new Dataset();
        a.setString(Tag.PatientID, VR.LO, "ID1");
        a.setInts(Tag.Rows, VR.US, 300);
        Dataset b = new Dataset(true);
        b.setBytes(Tag.PatientID, VR.LO, "ID1 ".getBytes());
        b.setInts(Tag.Rows, VR.US, 300);
        assertThat(a).isEqualTo(b);
        b.setInts(Tag.Rows, VR.US, 301);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void rejectsValuesOfTheWrongShape() {
        Dataset ds = new Dataset();
        assertThatThrownBy(() -> ds.setString(Tag.Rows, VR.US, "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ds.set(Tag.Rows, VR.US, 12)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ds.setString(Tag.PatientID, VR.LO, (String) null))
                .isInstanceOf(NullPointerException.class);
    }
}
