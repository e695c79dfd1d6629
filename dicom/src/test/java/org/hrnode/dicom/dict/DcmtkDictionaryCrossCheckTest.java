package org.hrnode.dicom.dict;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hrnode.dicom.data.Tags;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.ElementDictionary.Entry;
import org.junit.jupiter.api.Test;

/**
 * Checks the dictionary generated from pydicom against an independent one, dcmtk's {@code dicom.dic}: for every
 * single (non-range) standard tag both know, the VRs and keywords must agree.
 *
 * <p>dcmtk writes ambiguous VRs as pseudo VRs: {@code ox}/{@code px} (OB or OW), {@code xs} (US or SS),
 * {@code lt} (US, SS or OW), {@code up} (UL pointing to a file offset), {@code na} (items: no VR). Ours must be a
 * subset of what the pseudo VR allows; pydicom lists LUT Data as {@code US or OW} where dcmtk says {@code lt}.
 */
class DcmtkDictionaryCrossCheckTest {

    private static final Path DCMTK_DICTIONARY = Path.of("/usr/share/libdcmtk17/dicom.dic");
    private static final Pattern SINGLE_TAG = Pattern.compile("\\(([0-9A-F]{4}),([0-9A-F]{4})\\)");
    private static final String RETIRED_PREFIX = "RETIRED_";
    private static final int HEX = 16;
    private static final int TAG_COLUMN = 0;
    private static final int VR_COLUMN = 1;
    private static final int KEYWORD_COLUMN = 2;
    private static final int MIN_COLUMNS = 5;
    /** Both dictionaries hold close to 5000 standard tags; far fewer compared would mean a parsing mistake. */
    private static final int MIN_COMPARED = 4500;

    private static final Map<String, Set<VR>> PSEUDO_VRS = Map.of(
            "ox", EnumSet.of(VR.OB, VR.OW),
            "px", EnumSet.of(VR.OB, VR.OW),
            "xs", EnumSet.of(VR.US, VR.SS),
            "lt", EnumSet.of(VR.US, VR.SS, VR.OW),
            "up", EnumSet.of(VR.UL),
            "na", EnumSet.noneOf(VR.class));

    @Test
    void vrsAndKeywordsAgreeWithDcmtk() throws IOException {
        RequiredInCi.assumeAvailable(Files.isReadable(DCMTK_DICTIONARY), DCMTK_DICTIONARY + " (dcmtk) is missing");

        List<String> disagreements = new ArrayList<>();
        List<String> onlyInDcmtk = new ArrayList<>();
        int compared = 0;
        for (String line : Files.readAllLines(DCMTK_DICTIONARY, StandardCharsets.ISO_8859_1)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            Matcher tagMatch = SINGLE_TAG.matcher(fields[TAG_COLUMN]);
            if (fields.length < MIN_COLUMNS || !tagMatch.matches()) {
                continue; // ranges (6000-60FF,3000), private and generic pseudo entries
            }
            int tag = Tags.of(Integer.parseInt(tagMatch.group(1), HEX), Integer.parseInt(tagMatch.group(2), HEX));
            if (Tags.isPrivate(tag)) {
                continue;
            }
            Entry ours = ElementDictionary.lookup(tag);
            if (ours == null) {
                onlyInDcmtk.add(line);
                continue;
            }
            compared++;
            String vr = fields[VR_COLUMN];
            if (!vrAgrees(vr, ours)) {
                disagreements.add(Tags.toString(tag) + " VR: dcmtk " + vr + ", ours " + ours.vrAlternatives());
            }
            String keyword = fields[KEYWORD_COLUMN].replaceFirst("^" + RETIRED_PREFIX, "");
            if (!keyword.equals(ours.keyword())) {
                disagreements.add(Tags.toString(tag) + " keyword: dcmtk " + keyword + ", ours " + ours.keyword());
            }
        }

        System.out.printf("dcmtk cross-check: %d tags compared; %d only in dcmtk (newer than the pydicom release): %s%n",
                compared, onlyInDcmtk.size(), onlyInDcmtk);
        assertThat(compared).isGreaterThan(MIN_COMPARED);
        assertThat(disagreements).isEmpty();
    }

    private static boolean vrAgrees(String dcmtkVr, Entry ours) {
        Set<VR> allowed = PSEUDO_VRS.get(dcmtkVr);
        if (allowed == null) {
            return ours.vrAlternatives().equals(List.of(VR.ofName(dcmtkVr)));
        }
        if (allowed.isEmpty()) {
            return ours.vr() == null;
        }
        return !ours.vrAlternatives().isEmpty() && allowed.containsAll(ours.vrAlternatives());
    }
}
