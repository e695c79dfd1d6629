package org.hrnode.wado.stow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Content-Type checks of STOW-RS: what is accepted, and the status and reason of each refusal. */
class StowContentTypeTest {

    @Test
    void boundariesQuotedOrNotAndParametersInAnyOrder() throws Exception {
        assertThat(StowContentType.parse("multipart/related; type=\"application/dicom\"; boundary=abc").boundary())
                .isEqualTo("abc");
        assertThat(StowContentType.parse("Multipart/Related;boundary=\"a b:c\";type=application/dicom")
                .boundary()).isEqualTo("a b:c");
        assertThat(StowContentType.parse("multipart/related; boundary=xyz").boundary()).isEqualTo("xyz");
        // over RFC 2046's 70 characters, as Orthanc 1.10's DICOMweb plugin sends it: accepted
        String orthanc = "5cd709dc-846d-4a7b-9b6e-fefc1302a7c1-5cd709dc-846d-4a7b-9b6e-fefc1302a7c1";
        assertThat(StowContentType.parse("multipart/related; type=\"application/dicom\"; boundary=" + orthanc)
                .boundary()).isEqualTo(orthanc);
    }

    @Test
    void otherMediaTypesAre415() {
        for (String header : new String[] {null, "", "application/dicom", "multipart/form-data; boundary=x",
                "multipart/related; type=\"application/dicom+json\"; boundary=x"}) {
            assertThatThrownBy(() -> StowContentType.parse(header)).as(header)
                    .isInstanceOfSatisfying(StowContentType.Rejected.class, e -> assertThat(e.status())
                            .isEqualTo(415));
        }
    }

    @Test
    void missingOrUnusableBoundariesAre400() {
        for (String header : new String[] {"multipart/related; type=\"application/dicom\"",
                "multipart/related; boundary=", "multipart/related; boundary=\"unterminated",
                "multipart/related; boundary=" + "x".repeat(201), "multipart/related; boundary=\"\u4e2d\""}) {
            assertThatThrownBy(() -> StowContentType.parse(header)).as(header)
                    .isInstanceOfSatisfying(StowContentType.Rejected.class, e -> assertThat(e.status())
                            .isEqualTo(400));
        }
    }
}
