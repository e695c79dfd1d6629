package org.hrnode.node.reports;

/** A submitted record whose field is missing or malformed; the API answers 400 naming the field. */
public final class InvalidField extends IllegalArgumentException {

    private final String field;

    public InvalidField(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The field as the spec names it ({@code exammaster.report_form_no}, {@code exam_subitem[2].recognition}). */
    public String field() {
        return field;
    }
}
