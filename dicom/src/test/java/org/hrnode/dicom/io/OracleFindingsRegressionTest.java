package org.hrnode.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.HexFormat;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.junit.jupiter.api.Test;

/**
 * One regression test per reader bug that the attribute-by-attribute comparison with pydicom
 * ({@code oracle.PydicomOracleTest}) found, each on the smallest bytes that show it.
 */
class OracleFindingsRegressionTest {

    private static final HexFormat HEX = HexFormat.of();

    private static Dataset readExplicitLittleEndian(String hex) throws Exception {
        DicomReader r = new DicomReader(new ByteArrayInputStream(HEX.parseHex(hex.replaceAll("\\s", ""))),
                ReadOptions.defaults());
        r.startDataset(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        return r.readDataset(-1);
    }

    /**
     * pydicom's rtdose_rle.dcm (written by gdcmconv) and the fo-dicom Japanese and Korean files declare standard and
     * known private elements as UN; we kept them UN, so SOP Instance UID, Modality and the private creators that
     * identify private blocks read as no value at all.
     */
    @Test
    void explicitUnElementsOfKnownTagsReadWithTheirDictionaryVr() throws Exception {
        Dataset ds = readExplicitLittleEndian("""
                0800 6000 554E 0000 06000000 5254444F5345
                1900 1000 554E 0000 0C000000 47454D535F414351555F3031
                1900 8210 554E 0000 02000000 6400
                2900 1000 554E 0000 04000000 41434D45
                2900 0110 554E 0000 04000000 01020304""");
        assertThat(ds.vrOf(Tag.Modality)).isEqualTo(VR.CS);
        assertThat(ds.getString(Tag.Modality)).isEqualTo("RTDOSE");
        assertThat(ds.privateCreatorOf(0x0019_1082)).isEqualTo("GEMS_ACQU_01");
        assertThat(ds.vrOf(0x0019_1082)).as("known to the private dictionary under GEMS_ACQU_01").isEqualTo(VR.US);
        assertThat(ds.getInt(0x0019_1082, 0)).isEqualTo(100);
        assertThat(ds.privateCreatorOf(0x0029_1001)).isEqualTo("ACME");
        assertThat(ds.vrOf(0x0029_1001)).as("unknown even by creator: stays as declared").isEqualTo(VR.UN);
    }
}
