package dev.drivenotes.platform.web;

import dev.drivenotes.model.InvalidInputException;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.cbor.CBORParser;

/**
 * Turns a failure to read a JSON (or CBOR) request body into the {@code field} it concerns (a path such as
 * {@code routes[1].from}) and a detail in the API's words: never a Java class name, never the input
 * echoed back.
 */
final class JsonProblems {

    /** What was wrong, and where. */
    record Invalid(String field, String detail) {}

    private JsonProblems() {}

    /**
     * @param json the parser's or binder's exception, or null when the body was not JSON at all
     * @param invalid a record's own validation failure inside it, or null
     */
    static Invalid of(JacksonException json, InvalidInputException invalid) {
        String path = json == null ? "" : path(json);
        if (invalid != null) {
            return new Invalid(path.isEmpty() ? invalid.field() : path + "." + invalid.field(), invalid.reason());
        }
        if (json == null) {
            return new Invalid("body", "the request body is missing or not JSON");
        }
        String field = path.isEmpty() ? "body" : path;
        return switch (json) {
            case UnrecognizedPropertyException u ->
                new Invalid(field, "unknown field '" + u.getPropertyName() + "'" + known(u.getKnownPropertyIds()));
            case PropertyBindingException p -> new Invalid(field, "field '" + p.getPropertyName() + "' is not allowed");
            case MismatchedInputException m -> new Invalid(field, "must be " + expected(m.getTargetType()));
            case StreamReadException s ->
                new Invalid(
                        "body",
                        (s.processor() instanceof CBORParser ? "malformed CBOR" : "malformed JSON")
                                + at(s.getLocation()));
            default -> new Invalid(field, "invalid value");
        };
    }

    /** {@code routes[1].from} from Jackson's reference chain. */
    static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String known(Collection<Object> ids) {
        if (ids == null || ids.isEmpty()) {
            return "";
        }
        return "; known fields: " + ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static final Map<Class<?>, String> KINDS = Map.ofEntries(
            Map.entry(String.class, "a string"),
            Map.entry(Boolean.class, "true or false"),
            Map.entry(boolean.class, "true or false"),
            Map.entry(Integer.class, "an integer"),
            Map.entry(int.class, "an integer"),
            Map.entry(Long.class, "an integer"),
            Map.entry(long.class, "an integer"),
            Map.entry(Double.class, "a number"),
            Map.entry(double.class, "a number"),
            Map.entry(Float.class, "a number"),
            Map.entry(float.class, "a number"),
            Map.entry(byte[].class, "a base64 string"));

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of the right type";
        }
        String kind = KINDS.get(type);
        if (kind != null) {
            return kind;
        }
        if (type.isEnum()) {
            return "a string naming one of the allowed values";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String at(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
