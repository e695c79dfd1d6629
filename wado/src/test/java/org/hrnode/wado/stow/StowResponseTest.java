package org.hrnode.wado.stow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;
import org.junit.jupiter.api.Test;

/** The Store Instances Response: status per outcome, which sequence each failure goes to, bounded headers. */
class StowResponseTest {

    private static final URI BASE = URI.create("http://node:8080/dicomweb/");
    private static final StowResult.Stored STORED = new StowResult.Stored("1.2.840.10008.5.1.4.1.1.2", "1.2.3.4",
            "1.2.3", "1.2.3.9");
    private static final StowResult.Failed LOSSY = StowResult.Failed.of("1.2.840.10008.5.1.4.1.1.2", "1.2.3.5",
            FailureReasons.DATA_SET_DOES_NOT_MATCH_SOP_CLASS, "lossy image refused: Lossy Image Compression 01");
    private static final StowResult.Failed GARBAGE = StowResult.Failed.of(null, null,
            FailureReasons.CANNOT_UNDERSTAND, "not a Part 10 object");

    @Test
    void statusFollowsWhatWasStored() {
        StowResponse all = new StowResponse(BASE, Optional.empty());
        all.add(1, STORED);
        assertThat(all.status()).isEqualTo(200);
        StowResponse some = new StowResponse(BASE, Optional.empty());
        some.add(1, STORED);
        some.add(2, LOSSY);
        assertThat(some.status()).isEqualTo(202);
        StowResponse none = new StowResponse(BASE, Optional.empty());
        none.add(1, LOSSY);
        assertThat(none.status()).isEqualTo(409);
        assertThat(new StowResponse(BASE, Optional.empty()).status()).as("no parts").isEqualTo(400);
        StowResponse broken = new StowResponse(BASE, Optional.empty());
        broken.add(1, STORED);
        broken.malformed("cut short");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.dataset().getSequence(Tag.ReferencedSOPSequence).size()).as("kept and listed").isOne();
        StowResponse down = new StowResponse(BASE, Optional.empty());
        down.add(1, STORED);
        down.add(2, new StowResult.Failed("1.2", "1.3", FailureReasons.OUT_OF_RESOURCES, "down", true));
        assertThat(down.status()).isEqualTo(503);
    }

    @Test
    void failuresGoToTheirSequenceWithReasonAndText() {
        StowResponse r = new StowResponse(BASE, Optional.empty());
        r.add(1, STORED);
        r.add(2, LOSSY);
        r.add(3, GARBAGE);
        Dataset d = r.dataset();
        assertThat(d.getString(Tag.RetrieveURL)).isEqualTo("http://node:8080/dicomweb/studies/1.2.3");
        assertThat(d.getSequence(Tag.ReferencedSOPSequence).get(0).getString(Tag.RetrieveURL))
                .isEqualTo("http://node:8080/dicomweb/studies/1.2.3/series/1.2.3.9/instances/1.2.3.4");
        Dataset failed = d.getSequence(Tag.FailedSOPSequence).get(0);
        assertThat(failed.getString(Tag.ReferencedSOPInstanceUID)).isEqualTo("1.2.3.5");
        assertThat(failed.getInt(Tag.FailureReason, 0)).isEqualTo(0xA900);
        int text = failed.privateTag(StowResponse.PRIVATE_CREATOR, 0x0009, 0x10);
        assertThat(text).isEqualTo(0x00091010);
        assertThat(failed.getString(text)).isEqualTo("part 2 (1.2.3.5): lossy image refused: Lossy Image "
                + "Compression 01");
        Dataset other = d.getSequence(Tag.OtherFailuresSequence).get(0);
        assertThat(other.getInt(Tag.FailureReason, 0)).isEqualTo(0xC000);
        assertThat(r.warnings()).containsExactly(
                "299 HRNODE \"part 2 (1.2.3.5): lossy image refused: Lossy Image Compression 01\"",
                "299 HRNODE \"part 3: not a Part 10 object\"");
    }

    @Test
    void warningHeadersAreBoundedAndQuotedSafely() {
        StowResponse r = new StowResponse(BASE, Optional.of("1.2.3"));
        for (int part = 1; part <= 100; part++) {
            r.add(part, StowResult.Failed.of(null, null, FailureReasons.CANNOT_UNDERSTAND, "bad \"x\" 中"));
        }
        assertThat(r.warnings()).hasSize(StowResponse.MAX_WARNINGS);
        assertThat(r.warnings().getFirst()).isEqualTo("299 HRNODE \"part 1: bad \\\"x\\\" ?\"");
        assertThat(r.warnings().getLast()).contains("81 more failures");
        assertThat(r.dataset().getString(Tag.RetrieveURL)).as("the study of a study-scoped request")
                .isEqualTo("http://node:8080/dicomweb/studies/1.2.3");
        assertThat(r.dataset().getSequence(Tag.OtherFailuresSequence).size()).isEqualTo(100);
    }
}
