package org.hrnode.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.ReadOptions;

/** The header-only read an indexer does: meta and dataset up to Pixel Data, which is never touched. */
final class HeaderOnly {

    private HeaderOnly() {
    }

    static Dataset read(Path file, ReadOptions options) throws IOException, DicomParseException {
        try (InputStream in = Files.newInputStream(file)) {
            DicomReader reader = new DicomReader(in, Files.size(file), options);
            reader.readPart10Header();
            return reader.readDataset(Tag.PixelData);
        }
    }
}
