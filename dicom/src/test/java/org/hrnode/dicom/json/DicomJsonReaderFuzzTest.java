package org.hrnode.dicom.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.testing.TestData;
import org.junit.jupiter.api.Test;

/**
 * Mutated DICOM JSON (flipped, inserted and deleted characters, truncation, swapped VRs and member names, huge
 * numbers, deep nesting, mangled tags, invalid UTF-8) never gets anything but a {@link DicomJsonException} out
 * of the reader: no runtime exception, no error, no I/O exception from a byte array. Seeded, so a failure is
 * reproducible; every document stays small, so the whole run takes seconds.
 */
class DicomJsonReaderFuzzTest {

    private static final long SEED = 0x5EED_D1C0L;
    private static final int MUTATED_DOCUMENTS = 12_000;
    private static final int MAX_MUTATIONS_PER_DOCUMENT = 3;
    /** Real files' metadata (pixel data left out) up to this size join the corpus. */
    private static final int MAX_CORPUS_DOCUMENT = 24 * 1024;
    private static final int MAX_REAL_FILES = 20;
    private static final int MAX_NESTING_INSERTED = 3000;
    /** Values above this length are written as BulkDataURI in some corpus documents, to fuzz that path too. */
    private static final int BULK_DATA_THRESHOLD = 64;
    private static final String STRUCTURAL = "{}[]:,\"\\ \t\n0123456789abcdefABCDEF+-.eEnultr";
    private static final String[] HOSTILE_NUMBERS = {"1e999999999", "-1e-999999999", "9".repeat(900),
        "18446744073709551616", "-9223372036854775809", "1.5", "-0", "0.0000000000000000000001", "1E+2147483648"};
    private static final String[] MEMBER_NAMES = {"\"vr\"", "\"Value\"", "\"InlineBinary\"", "\"BulkDataURI\"",
        "\"Alphabetic\"", "\"Ideographic\"", "\"Phonetic\"", "\"value\"", "\"\""};
    private static final Pattern VR_MEMBER = Pattern.compile("\"vr\":\"[A-Z]{2}\"");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final Pattern MEMBER_NAME = Pattern.compile(
            "\"(vr|Value|InlineBinary|BulkDataURI|Alphabetic|Ideographic|Phonetic)\"");
    private static final Pattern TAG_KEY = Pattern.compile("\"[0-9A-F]{8}\":");

    private final Random random = new Random(SEED);

    @Test
    void mutatedDocumentsAreReadOrRefusedWithDicomJsonExceptionOnly() throws Exception {
        List<String> corpus = corpus();
        DicomJsonReader strict = new DicomJsonReader();
        DicomJsonReader tight = new DicomJsonReader(JsonReadOptions.defaults().withMaxNestingDepth(4)
                .withMaxValueLength(4096).withMaxDocumentLength(64 * 1024))
                .withBulkDataResolver((path, vr, uri) -> new byte[2]);
        int accepted = 0;
        int refused = 0;
        List<String> escaped = new ArrayList<>();
        for (int n = 0; n < MUTATED_DOCUMENTS; n++) {
            String document = corpus.get(random.nextInt(corpus.size()));
            int mutations = 1 + random.nextInt(MAX_MUTATIONS_PER_DOCUMENT);
            for (int m = 0; m < mutations; m++) {
                document = mutate(document);
            }
            DicomJsonReader reader = n % 2 == 0 ? strict : tight;
            try {
                if (n % 3 == 0) {
                    reader.read(new ByteArrayInputStream(asBytes(document)));
                } else {
                    reader.read(document);
                }
                accepted++;
            } catch (DicomJsonException expected) {
                refused++;
            } catch (Throwable t) {
                escaped.add("document " + n + ": " + t + "\n" + abbreviate(document));
            }
        }
        assertThat(escaped).as("exceptions other than DicomJsonException").isEmpty();
        assertThat(accepted).as("mutated documents still read").isPositive();
        assertThat(refused).as("mutated documents refused").isPositive();
    }

    /** DICOM JSON of hand-built datasets and of real files' metadata, compact and pretty, some with bulk data URIs. */
    private List<String> corpus() throws Exception {
        List<Dataset> datasets = new ArrayList<>(List.of(SampleDatasets.everyVr(false), SampleDatasets.everyVr(true)));
        for (Path file : TestData.dicomFilesUnder(TestData.pydicomTestFiles())) {
            if (datasets.size() >= MAX_REAL_FILES || TestData.isMalformed(file)) {
                continue;
            }
            Dataset ds = DicomReader.readFile(file).dataset();
            ds.remove(Tag.PixelData);
            datasets.add(ds);
        }
        DicomJsonWriter inline = new DicomJsonWriter();
        DicomJsonWriter referencing = new DicomJsonWriter(
                BulkDataUriPolicy.aboveThreshold(BULK_DATA_THRESHOLD, "https://pacs/bulk/{path}"), JsonLayout.PRETTY);
        List<String> corpus = new ArrayList<>();
        for (int i = 0; i < datasets.size(); i++) {
            String json = (i % 2 == 0 ? inline : referencing).toJson(datasets.get(i));
            if (json.length() <= MAX_CORPUS_DOCUMENT) {
                corpus.add(json);
            }
        }
        corpus.add("[" + corpus.get(0) + "]");
        Dataset encapsulated = new Dataset();
        encapsulated.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3");
        org.hrnode.dicom.data.Fragments fragments = new org.hrnode.dicom.data.Fragments();
        fragments.add(new byte[0]);
        fragments.add(new byte[] {1, 2, 3});
        encapsulated.set(Tag.PixelData, VR.OB, fragments);
        corpus.add(inline.toJson(encapsulated));
        return corpus;
    }

    private String mutate(String s) {
        if (s.isEmpty()) {
            return STRUCTURAL.substring(0, 1);
        }
        int at = random.nextInt(s.length());
        return switch (random.nextInt(10)) {
            case 0 -> s.substring(0, at) + randomChar() + s.substring(at + 1);
            case 1 -> s.substring(0, at) + randomChars(1 + random.nextInt(8)) + s.substring(at);
            case 2 -> s.substring(0, at) + s.substring(Math.min(s.length(), at + 1 + random.nextInt(16)));
            case 3 -> s.substring(0, at);
            case 4 -> replaceOne(VR_MEMBER, s, "\"vr\":\"" + randomVr() + "\"");
            case 5 -> replaceOne(NUMBER, s, HOSTILE_NUMBERS[random.nextInt(HOSTILE_NUMBERS.length)]);
            case 6 -> s.substring(0, at) + (random.nextBoolean() ? "[" : "{\"00081140\":{\"vr\":\"SQ\",\"Value\":[")
                    .repeat(1 + random.nextInt(MAX_NESTING_INSERTED)) + s.substring(at);
            case 7 -> replaceOne(MEMBER_NAME, s, MEMBER_NAMES[random.nextInt(MEMBER_NAMES.length)]);
            case 8 -> replaceOne(TAG_KEY, s, "\"" + (random.nextBoolean() ? "FFFEE000"
                    : String.format("%08X", random.nextInt())) + "\":");
            default -> {
                int from = random.nextInt(s.length());
                int to = Math.min(s.length(), from + random.nextInt(64));
                yield s.substring(0, at) + s.substring(from, to) + s.substring(at);
            }
        };
    }

    private String replaceOne(Pattern pattern, String s, String replacement) {
        Matcher m = pattern.matcher(s);
        List<int[]> matches = new ArrayList<>();
        while (m.find()) {
            matches.add(new int[] {m.start(), m.end()});
        }
        if (matches.isEmpty()) {
            return s;
        }
        int[] chosen = matches.get(random.nextInt(matches.size()));
        return s.substring(0, chosen[0]) + replacement + s.substring(chosen[1]);
    }

    private String randomVr() {
        VR[] vrs = VR.values();
        return random.nextInt(8) == 0 ? "Q" + (char) ('A' + random.nextInt(26)) : vrs[random.nextInt(vrs.length)].name();
    }

    private char randomChar() {
        return random.nextInt(4) == 0 ? (char) random.nextInt(Character.MAX_VALUE + 1)
                : STRUCTURAL.charAt(random.nextInt(STRUCTURAL.length()));
    }

    private String randomChars(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(randomChar());
        }
        return sb.toString();
    }

    /** UTF-8, with now and then a byte that no UTF-8 text holds, or a byte-order mark of another encoding. */
    private byte[] asBytes(String document) {
        byte[] utf8 = document.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > 0 && random.nextInt(8) == 0) {
            utf8[random.nextInt(utf8.length)] = (byte) (0x80 + random.nextInt(0x80));
        }
        if (random.nextInt(16) == 0) {
            byte[] marked = new byte[utf8.length + 4];
            marked[0] = 0;
            marked[1] = 0;
            marked[2] = (byte) 0xFE;
            marked[3] = (byte) 0xFF;
            System.arraycopy(utf8, 0, marked, 4, utf8.length);
            return marked;
        }
        return utf8;
    }

    private static String abbreviate(String s) {
        final int shown = 300;
        return s.length() <= shown ? s : s.substring(0, shown) + "...";
    }
}
