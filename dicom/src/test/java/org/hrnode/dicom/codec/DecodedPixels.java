package org.hrnode.dicom.codec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;

/**
 * A file's pixels decoded by our codecs into one canonical form for comparisons: every frame, little endian,
 * pixel-interleaved, one after the other, with the description that goes with it.
 */
record DecodedPixels(PixelDescription description, byte[] bytes) {

    static DecodedPixels of(Path file) throws IOException, DicomParseException, PixelDataException {
        DicomFile dicom = DicomReader.readFile(file);
        return of(dicom.dataset(), dicom.transferSyntax());
    }

    static DecodedPixels of(Dataset dataset, TransferSyntax ts) throws PixelDataException {
        Dataset decoded = Transcoder.standard().transcode(dataset, ts, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        return ofNative(decoded);
    }

    /** The native pixel data of a dataset, frames rearranged to interleaved. */
    static DecodedPixels ofNative(Dataset dataset) throws PixelDataException {
        PixelDescription description = PixelDescription.of(dataset);
        List<byte[]> frames = NativeFrames.read(dataset, description);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] frame : frames) {
            out.writeBytes(FrameLayout.withPlanarConfiguration(frame, description, 0));
        }
        return new DecodedPixels(description.withPlanarConfiguration(0), out.toByteArray());
    }
}
