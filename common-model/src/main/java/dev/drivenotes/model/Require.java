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
