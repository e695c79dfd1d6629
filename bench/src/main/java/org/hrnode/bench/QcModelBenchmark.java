package org.hrnode.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.hrnode.aiqc.model.DicomWorkingImages;
import org.hrnode.aiqc.model.QcModality;
import org.hrnode.aiqc.model.QcModel;
import org.hrnode.aiqc.model.QcPrediction;
import org.hrnode.aiqc.model.WorkingImage;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The shipped QC model on one real 512×512 CT slice: {@link #predict} is the network alone on the 128² working
 * image (target ≤ 10 ms), {@link #workingImageAndPredict} adds windowing and downsampling of the decoded slice.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class QcModelBenchmark {

    private QcModel model;
    private DicomFile ct;
    private WorkingImage image;

    @Setup
    public void load() throws IOException, DicomParseException, PixelDataException {
        model = QcModel.load();
        ct = DicomReader.readFile(SharedData.file(SharedData.CT_SLICE));
        image = DicomWorkingImages.of(ct.dataset(), ct.transferSyntax(), 0);
    }

    @TearDown
    public void close() {
        model.close();
    }

    @Benchmark
    public QcPrediction predict() {
        return model.predict(image, QcModality.CT);
    }

    @Benchmark
    public QcPrediction workingImageAndPredict() throws PixelDataException {
        return model.predict(DicomWorkingImages.of(ct.dataset(), ct.transferSyntax(), 0), QcModality.CT);
    }
}
