package org.hrnode.node.catalog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.json.DicomJsonWriter;

/** A study's instance headers as a DICOM JSON array, as hospitals' consoles would write them; for CLI and API tests. */
public final class StudyHeaders {

    private StudyHeaders() {
    }

    /** A knee radiograph: one instance per view, with a local procedure code. */
    public static String kneeRadiograph(String studyDescription, String procedureCode, String... views) {
        List<Dataset> instances = new ArrayList<>();
        for (int i = 0; i < views.length; i++) {
            Dataset ds = new Dataset();
            ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
            ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.826.0.1.3680043.10.9." + (i + 1));
            ds.setString(Tag.StudyInstanceUID, VR.UI, "1.2.826.0.1.3680043.10.9");
            ds.setString(Tag.Modality, VR.CS, "DX");
            ds.setString(Tag.BodyPartExamined, VR.CS, "KNEE");
            ds.setString(Tag.StudyDescription, VR.LO, studyDescription);
            ds.setString(Tag.ViewPosition, VR.CS, views[i]);
            if (procedureCode != null) {
                Dataset code = ds.newSequence(Tag.ProcedureCodeSequence).addNewItem();
                code.setString(Tag.CodeValue, VR.SH, procedureCode);
                code.setString(Tag.CodingSchemeDesignator, VR.SH, "99LOCAL");
                code.setString(Tag.CodeMeaning, VR.LO, studyDescription);
            }
            instances.add(ds);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new DicomJsonWriter().writeArray(instances, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
