package dev.drivenotes.carla.map.opendrive;

import dev.drivenotes.carla.map.geometry.CubicPoly;
import dev.drivenotes.model.InvalidInputException;

/**
 * The element readers' view of an {@link XmlCursor}: typed attributes, and errors as {@link
 * InvalidInputException} on field {@code map} naming the file, the line and the road being read.
 */
final class Elements {

    private final XmlCursor cursor;
    private final String source;
    private String roadId;

    Elements(XmlCursor cursor, String source) {
        this.cursor = cursor;
        this.source = source;
    }

    boolean nextChild() {
        return cursor.nextChild();
    }

    String name() {
        return cursor.name();
    }

    void skip() {
        cursor.skip();
    }

    String text() {
        return cursor.elementText();
    }

    /** Names the road in error messages while it is being read (null: none). */
    void road(String id) {
        roadId = id;
    }

    String attr(String name, String fallback) {
        String v = cursor.attribute(name);
        return v == null ? fallback : v;
    }

    /** A required attribute, stripped; blank counts as missing. */
    String req(String name) {
        String v = cursor.attribute(name);
        if (v == null || v.isBlank()) {
            throw fail("<" + cursor.name() + "> lacks attribute '" + name + "'");
        }
        return v.strip();
    }

    double num(String name, double fallback) {
        String v = cursor.attribute(name);
        return v == null || v.isBlank() ? fallback : parse(name, v);
    }

    double numReq(String name) {
        return parse(name, req(name));
    }

    int intReq(String name) {
        return (int) numReq(name);
    }

    /** The cubic of attributes a, b, c, d (each 0 when absent) starting at {@code start}. */
    CubicPoly poly(double start) {
        return new CubicPoly(start, num("a", 0), num("b", 0), num("c", 0), num("d", 0));
    }

    ContactPoint contact(String value) {
        return switch (value) {
            case "start" -> ContactPoint.START;
            case "end" -> ContactPoint.END;
            default -> throw fail("unknown contactPoint '" + value + "'");
        };
    }

    private double parse(String name, String v) {
        try {
            double d = Double.parseDouble(v.strip());
            if (!Double.isFinite(d)) {
                throw fail("attribute '" + name + "' of <" + cursor.name() + "> is not finite");
            }
            return d;
        } catch (NumberFormatException e) {
            throw fail("attribute '" + name + "' of <" + cursor.name() + "> is not a number: '" + v + "'");
        }
    }

    InvalidInputException fail(String message) {
        String where = roadId != null ? " (road " + roadId + ")" : "";
        return new InvalidInputException("map", source + " line " + cursor.line() + where + ": " + message);
    }
}
