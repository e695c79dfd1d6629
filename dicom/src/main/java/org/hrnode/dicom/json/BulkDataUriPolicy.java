package org.hrnode.dicom.json;

import java.util.Objects;
import org.hrnode.dicom.data.VR;

/**
 * Decides, for each binary value (OB, OD, OF, OL, OV, OW, UN, and encapsulated Pixel Data), whether a
 * {@link DicomJsonWriter} puts it inline as base64 ({@code InlineBinary}) or leaves a {@code BulkDataURI} from
 * which the client fetches it (PS3.18 F.2.6, F.2.7). DICOMweb metadata responses reference large values so that
 * the JSON stays small; exports and tests inline everything.
 */
@FunctionalInterface
public interface BulkDataUriPolicy {

    /** The placeholder in a URI template that {@link #aboveThreshold} replaces with {@link AttributePath#toUriPath()}. */
    String PATH_PLACEHOLDER = "{path}";

    /**
     * @param path   where the attribute sits
     * @param vr     its VR
     * @param length length of its Value Field in bytes (for encapsulated Pixel Data, the items with their headers)
     * @return the URI to write as {@code BulkDataURI}, or null to write the value as {@code InlineBinary}
     */
    String uriFor(AttributePath path, VR vr, long length);

    /** Every value inline. */
    static BulkDataUriPolicy inlineAll() {
        return (path, vr, length) -> null;
    }

    /**
     * Values of at least {@code minLength} bytes become references to {@code uriTemplate} with {@code {path}}
     * replaced by the attribute's path, e.g. {@code https://pacs/dicomweb/studies/1.2/series/1.3/instances/1.4/bulkdata/{path}};
     * shorter values stay inline. Without the placeholder every value would get the same URI, so the template must
     * contain it.
     */
    static BulkDataUriPolicy aboveThreshold(long minLength, String uriTemplate) {
        Objects.requireNonNull(uriTemplate, "uriTemplate");
        if (minLength < 0) {
            throw new IllegalArgumentException("minLength must be >= 0, got " + minLength);
        }
        if (!uriTemplate.contains(PATH_PLACEHOLDER)) {
            throw new IllegalArgumentException("bulk data URI template '" + uriTemplate + "' lacks " + PATH_PLACEHOLDER
                    + ", so every value would get the same URI");
        }
        return (path, vr, length) -> length < minLength ? null
                : uriTemplate.replace(PATH_PLACEHOLDER, path.toUriPath());
    }
}
