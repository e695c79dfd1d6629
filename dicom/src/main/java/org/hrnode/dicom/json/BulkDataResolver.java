package org.hrnode.dicom.json;

import java.io.IOException;
import org.hrnode.dicom.data.VR;

/**
 * Turns a {@code BulkDataURI} met by a {@link DicomJsonReader} into the value it stands for. Fetching is the
 * application's business (an HTTP client, a local store, a multipart body already received), so the reader only
 * asks. Without a resolver the reader rejects documents that reference bulk data.
 */
@FunctionalInterface
public interface BulkDataResolver {

    /**
     * @param path where the attribute sits
     * @param vr   its VR
     * @param uri  the {@code BulkDataURI} as written
     * @return the value, never null: {@code byte[]} (the Value Field, binary numbers little endian, text in the
     *     dataset's character set), a {@link org.hrnode.dicom.data.BulkData} reference, or
     *     {@link org.hrnode.dicom.data.Fragments} for encapsulated Pixel Data
     * @throws IOException if the value cannot be fetched; the reader lets it through unchanged
     */
    Object resolve(AttributePath path, VR vr, String uri) throws IOException;
}
