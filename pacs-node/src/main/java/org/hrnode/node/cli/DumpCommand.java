package org.hrnode.node.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.text.DumpFormatter;
import org.hrnode.node.Main;

/** {@code ./hrnode dump FILE...}: a dcmdump-like listing; exit status 1 if any file could not be read. */
public final class DumpCommand {

    private final PrintStream out;
    private final PrintStream err;

    public DumpCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(List<String> files) {
        if (files.isEmpty()) {
            err.println("usage: ./hrnode dump FILE...");
            return Main.EXIT_USAGE;
        }
        int status = 0;
        for (String name : files) {
            Path file = Path.of(name);
            if (files.size() > 1) {
                out.println("# File: " + file);
            }
            try {
                if (!Files.isRegularFile(file)) {
                    throw new IOException("no such file");
                }
                DicomFile dicom = DicomReader.readFile(file);
                out.print(DumpFormatter.format(dicom));
            } catch (DicomParseException e) {
                err.println("hrnode dump: " + file + " is not readable DICOM: " + e.getMessage());
                status = 1;
            } catch (IOException e) {
                err.println("hrnode dump: cannot read " + file + ": " + e.getMessage());
                status = 1;
            }
        }
        return status;
    }
}
