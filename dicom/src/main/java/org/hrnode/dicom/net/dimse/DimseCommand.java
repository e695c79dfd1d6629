package org.hrnode.dicom.net.dimse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;
import org.hrnode.dicom.data.BinaryValues;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.dict.UIDs;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.DicomWriter;
import org.hrnode.dicom.io.ReadOptions;

/**
 * A DIMSE command set (PS3.7 §9.3, §10.3): the group 0000 elements, always encoded in Implicit VR Little Endian
 * with a computed Command Group Length. A typed view over a {@link Dataset}; built by the factories here, then
 * completed with the setters of the message type.
 */
public final class DimseCommand {

    /** Command Data Set Type value meaning no data set follows (PS3.7 E.1); any other value means one does. */
    public static final int NO_DATA_SET = 0x0101;
    /** The value sent when a data set follows, as DCMTK and pynetdicom send it. */
    public static final int DATA_SET_PRESENT = 0x0001;
    /** Error Comment is LO: at most 64 characters. */
    public static final int MAX_ERROR_COMMENT_LENGTH = 64;
    /** (0000,0000) UL header in Implicit VR LE: tag (4), length (4), value (4). */
    private static final int GROUP_LENGTH_ELEMENT_LENGTH = 12;
    private static final int UL_LENGTH = 4;
    private static final int VALUE_LENGTH_OFFSET = 4;
    private static final int VALUE_OFFSET = 8;

    private final Dataset dataset;

    private DimseCommand(Dataset dataset) {
        this.dataset = dataset;
    }

    /** A request with a new message ID. */
    public static DimseCommand request(CommandField field, String affectedSopClassUid, int messageId,
            boolean withDataSet) {
        if (field.isResponse()) {
            throw new IllegalArgumentException(field + " is not a request");
        }
        DimseCommand c = new DimseCommand(new Dataset());
        c.setUS(Tag.CommandField, field.code());
        if (affectedSopClassUid != null) {
            c.dataset.setString(Tag.AffectedSOPClassUID, VR.UI, affectedSopClassUid);
        }
        c.setUS(Tag.MessageID, messageId);
        c.setUS(Tag.CommandDataSetType, withDataSet ? DATA_SET_PRESENT : NO_DATA_SET);
        return c;
    }

    /** The response to {@code request} with {@code status}; SOP class and instance UIDs copied from it. */
    public static DimseCommand response(DimseCommand request, Status status, boolean withDataSet) {
        DimseCommand c = new DimseCommand(new Dataset());
        c.setUS(Tag.CommandField, CommandField.responseCodeOf(request.commandFieldCode()));
        request.affectedSopClassUid().ifPresent(uid -> c.dataset.setString(Tag.AffectedSOPClassUID, VR.UI, uid));
        c.setUS(Tag.MessageIDBeingRespondedTo, request.messageId());
        c.setUS(Tag.CommandDataSetType, withDataSet ? DATA_SET_PRESENT : NO_DATA_SET);
        c.setUS(Tag.Status, status.code());
        request.affectedSopInstanceUid().ifPresent(uid -> c.dataset.setString(Tag.AffectedSOPInstanceUID, VR.UI,
                uid));
        return c;
    }

    /** C-CANCEL-RQ for the operation with message ID {@code messageIdBeingRespondedTo}. */
    public static DimseCommand cancel(int messageIdBeingRespondedTo) {
        DimseCommand c = new DimseCommand(new Dataset());
        c.setUS(Tag.CommandField, CommandField.C_CANCEL_RQ.code());
        c.setUS(Tag.MessageIDBeingRespondedTo, messageIdBeingRespondedTo);
        c.setUS(Tag.CommandDataSetType, NO_DATA_SET);
        return c;
    }

    /** Decodes a command set received in Implicit VR LE; the group length is read but not relied on. */
    public static DimseCommand decode(byte[] bytes) throws DicomParseException {
        try {
            DicomReader reader = new DicomReader(new ByteArrayInputStream(bytes), bytes.length,
                    ReadOptions.defaults());
            reader.startDataset(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
            Dataset ds = reader.readDataset(-1);
            if (!ds.contains(Tag.CommandField)) {
                throw new DicomParseException("command set without Command Field (0000,0100)", 0);
            }
            return new DimseCommand(ds);
        } catch (IOException e) {
            throw new DicomParseException("command set: " + e.getMessage(), 0, e);
        }
    }

    /** The command set in Implicit VR LE, Command Group Length first. */
    public byte[] encode() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (DicomWriter writer = new DicomWriter(body)) {
            writer.writeDataset(dataset, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        byte[] elements = body.toByteArray();
        byte[] out = new byte[GROUP_LENGTH_ELEMENT_LENGTH + elements.length];
        BinaryValues.putS32(out, 0, Tag.CommandGroupLength, false);
        BinaryValues.putS32(out, VALUE_LENGTH_OFFSET, UL_LENGTH, false);
        BinaryValues.putS32(out, VALUE_OFFSET, elements.length, false);
        System.arraycopy(elements, 0, out, GROUP_LENGTH_ELEMENT_LENGTH, elements.length);
        return out;
    }

    /** The elements, for reading fields this class has no accessor for. */
    public Dataset dataset() {
        return dataset;
    }

    // ---- fields ---------------------------------------------------------------------------------------------

    public int commandFieldCode() {
        return dataset.getInt(Tag.CommandField, -1);
    }

    public Optional<CommandField> commandField() {
        return CommandField.of(commandFieldCode());
    }

    public boolean isResponse() {
        return (commandFieldCode() & CommandField.RESPONSE_BIT) != 0;
    }

    public int messageId() {
        return dataset.getInt(Tag.MessageID, -1);
    }

    public int messageIdBeingRespondedTo() {
        return dataset.getInt(Tag.MessageIDBeingRespondedTo, -1);
    }

    public boolean hasDataSet() {
        return dataset.getInt(Tag.CommandDataSetType, NO_DATA_SET) != NO_DATA_SET;
    }

    public Optional<String> affectedSopClassUid() {
        return Optional.ofNullable(dataset.getString(Tag.AffectedSOPClassUID));
    }

    public Optional<String> affectedSopInstanceUid() {
        return Optional.ofNullable(dataset.getString(Tag.AffectedSOPInstanceUID));
    }

    public DimseCommand affectedSopInstanceUid(String uid) {
        dataset.setString(Tag.AffectedSOPInstanceUID, VR.UI, uid);
        return this;
    }

    public Priority priority() {
        return Priority.of(dataset.getInt(Tag.Priority, Priority.MEDIUM.code()));
    }

    public DimseCommand priority(Priority priority) {
        setUS(Tag.Priority, priority.code());
        return this;
    }

    public Status status() {
        return Status.of(dataset.getInt(Tag.Status, Status.PROCESSING_FAILURE.code()));
    }

    public DimseCommand status(Status status) {
        setUS(Tag.Status, status.code());
        return this;
    }

    public Optional<String> errorComment() {
        return Optional.ofNullable(dataset.getString(Tag.ErrorComment));
    }

    /** Sets Error Comment, cut to the 64 characters LO allows. */
    public DimseCommand errorComment(String comment) {
        String c = comment.length() > MAX_ERROR_COMMENT_LENGTH ? comment.substring(0, MAX_ERROR_COMMENT_LENGTH)
                : comment;
        dataset.setString(Tag.ErrorComment, VR.LO, c);
        return this;
    }

    public Optional<String> moveDestination() {
        return Optional.ofNullable(dataset.getString(Tag.MoveDestination));
    }

    public DimseCommand moveDestination(String aeTitle) {
        dataset.setString(Tag.MoveDestination, VR.AE, aeTitle);
        return this;
    }

    public Optional<String> moveOriginatorAETitle() {
        return Optional.ofNullable(dataset.getString(Tag.MoveOriginatorApplicationEntityTitle));
    }

    public int moveOriginatorMessageId() {
        return dataset.getInt(Tag.MoveOriginatorMessageID, -1);
    }

    /** Sets Move Originator AE Title and Message ID, which a C-STORE sub-operation of a C-MOVE carries. */
    public DimseCommand moveOriginator(String aeTitle, int messageId) {
        dataset.setString(Tag.MoveOriginatorApplicationEntityTitle, VR.AE, aeTitle);
        setUS(Tag.MoveOriginatorMessageID, messageId);
        return this;
    }

    /** Number of Remaining/Completed/Failed/Warning Sub-operations, for C-MOVE and C-GET responses. */
    public DimseCommand subOperations(int remaining, int completed, int failed, int warning) {
        if (remaining >= 0) {
            setUS(Tag.NumberOfRemainingSuboperations, remaining);
        }
        setUS(Tag.NumberOfCompletedSuboperations, completed);
        setUS(Tag.NumberOfFailedSuboperations, failed);
        setUS(Tag.NumberOfWarningSuboperations, warning);
        return this;
    }

    public int remainingSubOperations() {
        return dataset.getInt(Tag.NumberOfRemainingSuboperations, -1);
    }

    public int completedSubOperations() {
        return dataset.getInt(Tag.NumberOfCompletedSuboperations, 0);
    }

    public int failedSubOperations() {
        return dataset.getInt(Tag.NumberOfFailedSuboperations, 0);
    }

    public int warningSubOperations() {
        return dataset.getInt(Tag.NumberOfWarningSuboperations, 0);
    }

    /** Sets Offending Element (0000,0901). */
    public DimseCommand offendingElements(int... tags) {
        dataset.setTags(Tag.OffendingElement, tags);
        return this;
    }

    private void setUS(int tag, int value) {
        dataset.setInts(tag, VR.US, value);
    }

    /** One line for logs: message type, IDs, SOP class name, instance UID, status. No patient data is in here. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(commandField().map(Object::toString).orElse("command " + Status.hex(commandFieldCode())));
        sb.append('[');
        if (messageId() >= 0) {
            sb.append("id=").append(messageId());
        } else {
            sb.append("rspTo=").append(messageIdBeingRespondedTo());
        }
        affectedSopClassUid().ifPresent(uid -> sb.append(", cuid=").append(UIDs.nameOf(uid)));
        affectedSopInstanceUid().ifPresent(uid -> sb.append(", iuid=").append(uid));
        if (dataset.contains(Tag.Status)) {
            sb.append(", status=").append(Status.hex(status().code()));
        }
        moveDestination().ifPresent(ae -> sb.append(", dest=").append(ae));
        if (dataset.contains(Tag.NumberOfCompletedSuboperations)) {
            sb.append(", remaining=").append(remainingSubOperations()).append(", completed=")
                    .append(completedSubOperations()).append(", failed=").append(failedSubOperations())
                    .append(", warning=").append(warningSubOperations());
        }
        errorComment().ifPresent(c -> sb.append(", comment=").append(c));
        sb.append(hasDataSet() ? ", data set" : "").append(']');
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DimseCommand c && c.dataset.equals(dataset);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dataset);
    }
}
