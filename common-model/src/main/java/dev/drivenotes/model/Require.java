package dev.drivenotes.model;

import java.util.Collection;

/** Validation helpers for compact constructors. Each throws {@link InvalidInputException}. */
public final class Require {

    private Require() {}

    public static String notBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "must not be blank");
        }
        return value;
    }

    /** A non-blank value of at most {@code maxChars} characters. */
    public static String notBlank(String field, String value, int maxChars) {
        return maxLength(field, notBlank(field, value), maxChars);
    }

    /** A value (possibly null) of at most {@code maxChars} characters; the message never echoes it. */
    public static String maxLength(String field, String value, int maxChars) {
        if (value != null && value.length() > maxChars) {
            throw new InvalidInputException(
                    field, "must be at most " + maxChars + " characters (was " + value.length() + ")");
        }
        return value;
    }

    /** A collection (possibly null) of at most {@code maxSize} elements. */
    public static <C extends Collection<?>> C maxSize(String field, C values, int maxSize) {
        if (values != null && values.size() > maxSize) {
            throw new InvalidInputException(
                    field, "must hold at most " + maxSize + " elements (had " + values.size() + ")");
        }
        return values;
    }

    public static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
        return value;
    }

    public static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidInputException(field, "must be a finite number");
        }
        return value;
    }

    public static double inRange(String field, double value, double min, double max) {
        finite(field, value);
        if (value < min || value > max) {
            throw new InvalidInputException(field, "must be between " + min + " and " + max + " (was " + value + ")");
        }
        return value;
    }

    public static int inRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidInputException(field, "must be between " + min + " and " + max + " (was " + value + ")");
        }
        return value;
    }

    public static double nonNegative(String field, double value) {
        finite(field, value);
        if (value < 0) {
            throw new InvalidInputException(field, "must not be negative (was " + value + ")");
        }
        return value;
    }

    public static double positive(String field, double value) {
        finite(field, value);
        if (value <= 0) {
            throw new InvalidInputException(field, "must be positive (was " + value + ")");
        }
        return value;
    }

    public static <C extends Collection<?>> C noNullElements(String field, C values) {
        notNull(field, values);
        for (Object v : values) {
            if (v == null) {
                throw new InvalidInputException(field, "must not contain null elements");
            }
        }
        return values;
    }
}
