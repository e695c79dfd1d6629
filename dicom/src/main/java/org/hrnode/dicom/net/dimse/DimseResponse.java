package org.hrnode.dicom.net.dimse;

import java.util.Objects;
import java.util.Optional;
import org.hrnode.dicom.data.Dataset;

/** A response received for a request this side sent: the command, and its data set if it had one. */
public record DimseResponse(DimseCommand command, Dataset dataSet) {

    public DimseResponse {
        Objects.requireNonNull(command, "command");
    }

    public Status status() {
        return command.status();
    }

    public Optional<Dataset> identifier() {
        return Optional.ofNullable(dataSet);
    }
}
