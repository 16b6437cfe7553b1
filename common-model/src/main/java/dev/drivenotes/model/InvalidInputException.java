package dev.drivenotes.model;

/**
 * Thrown by a record's compact constructor when a value is out of its domain. Carries the name of
 * the offending field so that HTTP layers can answer with RFC 9457 problem details naming it.
 */
public final class InvalidInputException extends IllegalArgumentException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The message without the field prefix. */
    public String reason() {
        return getMessage().substring(field.length() + 2);
    }
}
