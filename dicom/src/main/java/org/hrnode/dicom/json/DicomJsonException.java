package org.hrnode.dicom.json;

/**
 * A DICOM JSON document that is not valid JSON, not the DICOM JSON Model (PS3.18 F.2), or beyond the reader's
 * limits: the one exception {@link DicomJsonReader} throws for bad input. It names the line and column of the
 * document and, where known, the attribute, so that the sender can find the defect.
 */
public final class DicomJsonException extends Exception {

    private final long line;
    private final long column;
    private final String attribute;

    /**
     * @param problem   what was wrong and, where it helps, what was expected
     * @param line      line in the document, from 1; -1 when unknown
     * @param column    column in that line, from 1; -1 when unknown
     * @param attribute the attribute being read, or null outside any
     */
    public DicomJsonException(String problem, long line, long column, AttributePath attribute, Throwable cause) {
        super(problem + " (" + where(line, column, attribute) + ")", cause);
        this.line = line;
        this.column = column;
        this.attribute = attribute == null ? null : attribute.toString();
    }

    private static String where(long line, long column, AttributePath attribute) {
        String at = line < 0 ? "at an unknown position" : "at line " + line + ", column " + column;
        return attribute == null ? at : at + ", in " + attribute;
    }

    /** Line of the document where the problem was found, from 1; -1 when unknown. */
    public long line() {
        return line;
    }

    /** Column of that line, from 1; -1 when unknown. */
    public long column() {
        return column;
    }

    /** The attribute being read, as {@link AttributePath#toString()}, or null when outside any. */
    public String attribute() {
        return attribute;
    }
}
