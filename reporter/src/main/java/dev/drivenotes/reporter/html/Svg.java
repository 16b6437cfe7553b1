package dev.drivenotes.reporter.html;

import java.util.List;
import java.util.Locale;

/**
 * Writes one inline SVG element. Every attribute value and text is escaped; coordinates are written
 * with at most two decimals. Shapes may carry a tooltip ({@code <title>}), which browsers show on
 * hover without any script.
 */
public final class Svg {

    /** A point in the SVG's user units (x right, y down). */
    public record Point(double x, double y) {}

    private final StringBuilder out = new StringBuilder(4096);

    /**
     * Opens an SVG whose user units span {@code viewBox} ({@code minX minY width height}); it scales
     * to its container's width up to {@code maxWidthPx}.
     */
    public Svg(String cssClass, String label, double minX, double minY, double width, double height, int maxWidthPx) {
        out.append("<svg class=\"")
                .append(Html.esc(cssClass))
                .append("\" role=\"img\" aria-label=\"")
                .append(Html.esc(label))
                .append("\" viewBox=\"")
                .append(n(minX))
                .append(' ')
                .append(n(minY))
                .append(' ')
                .append(n(width))
                .append(' ')
                .append(n(height))
                .append("\" style=\"max-width:")
                .append(maxWidthPx)
                .append("px\">");
    }

    /** A rectangle; {@code style} is a presentation attribute list such as {@code fill="#eee"}. */
    public Svg rect(double x, double y, double width, double height, String style, String title) {
        out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y));
        out.append("\" width=\"")
                .append(n(width))
                .append("\" height=\"")
                .append(n(height))
                .append('"');
        return shape(style, title, "rect");
    }

    public Svg line(double x1, double y1, double x2, double y2, String style) {
        out.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1));
        out.append("\" x2=\"").append(n(x2)).append("\" y2=\"").append(n(y2)).append('"');
        return shape(style, null, "line");
    }

    public Svg circle(double cx, double cy, double r, String style, String title) {
        out.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy));
        out.append("\" r=\"").append(n(r)).append('"');
        return shape(style, title, "circle");
    }

    /** An open line through {@code points} (nothing for fewer than two). */
    public Svg polyline(List<Point> points, String style, String title) {
        if (points.size() < 2) {
            return this;
        }
        out.append("<polyline fill=\"none\" points=\"").append(points(points)).append('"');
        return shape(style, title, "polyline");
    }

    /** A closed shape through {@code points} (nothing for fewer than three). */
    public Svg polygon(List<Point> points, String style, String title) {
        if (points.size() < 3) {
            return this;
        }
        out.append("<polygon points=\"").append(points(points)).append('"');
        return shape(style, title, "polygon");
    }

    /** Text at (x, y); {@code anchor} is start, middle or end. */
    public Svg text(double x, double y, String text, String anchor, String style) {
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y));
        out.append("\" text-anchor=\"").append(Html.esc(anchor)).append('"');
        if (style != null && !style.isEmpty()) {
            out.append(' ').append(style);
        }
        out.append('>').append(Html.esc(text)).append("</text>");
        return this;
    }

    /** Opens a group; close it with {@link #end()}. */
    public Svg group(String style) {
        out.append("<g");
        if (style != null && !style.isEmpty()) {
            out.append(' ').append(style);
        }
        out.append('>');
        return this;
    }

    public Svg end() {
        out.append("</g>");
        return this;
    }

    /** The finished element. */
    public String close() {
        return out.append("</svg>").toString();
    }

    /**
     * A presentation attribute list from name/value pairs, each value escaped: {@code attrs("fill",
     * "#fff", "stroke-width", "2")} is {@code fill="#fff" stroke-width="2"}.
     */
    public static String attrs(String... nameValuePairs) {
        if (nameValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name/value pairs");
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            if (i > 0) {
                s.append(' ');
            }
            s.append(nameValuePairs[i])
                    .append("=\"")
                    .append(Html.esc(nameValuePairs[i + 1]))
                    .append('"');
        }
        return s.toString();
    }

    /** A coordinate or length: two decimals at most, no trailing zeros. */
    public static String n(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("SVG coordinates must be finite, was " + value);
        }
        String s = String.format(Locale.ROOT, "%.2f", value);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }

    private Svg shape(String style, String title, String element) {
        if (style != null && !style.isEmpty()) {
            out.append(' ').append(style);
        }
        if (title == null) {
            out.append("/>");
        } else {
            out.append("><title>")
                    .append(Html.esc(title))
                    .append("</title></")
                    .append(element)
                    .append('>');
        }
        return this;
    }

    private static String points(List<Point> points) {
        StringBuilder s = new StringBuilder(points.size() * 12);
        for (Point p : points) {
            if (!s.isEmpty()) {
                s.append(' ');
            }
            s.append(n(p.x())).append(',').append(n(p.y()));
        }
        return s.toString();
    }
}
