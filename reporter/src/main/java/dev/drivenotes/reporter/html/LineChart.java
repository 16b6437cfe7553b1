package dev.drivenotes.reporter.html;

import java.util.ArrayList;
import java.util.List;

/**
 * A line chart as inline SVG: a frame with gridlines and labelled axes, then, in the order they are
 * added, bands, lines, vertical rules and point markers. A null value breaks a line or band (a gap,
 * never a fake 0); values outside the axes are clamped to the frame.
 */
public final class LineChart {

    static final double LEFT_PX = 52;
    static final double RIGHT_PX = 20;
    static final double TOP_PX = 12;
    static final double BOTTOM_PX = 40;

    private final Svg svg;
    private final double widthPx;
    private final double heightPx;
    private final Axis x;
    private final Axis y;

    public LineChart(String label, double widthPx, double heightPx, Axis x, Axis y) {
        this.widthPx = widthPx;
        this.heightPx = heightPx;
        this.x = x;
        this.y = y;
        this.svg = new Svg("chart", label, 0, 0, widthPx, heightPx, (int) Math.round(widthPx));
        frame();
    }

    /** Data x to SVG x. */
    public double px(double value) {
        double f = (clamp(value, x) - x.min()) / (x.max() - x.min());
        return LEFT_PX + f * (widthPx - LEFT_PX - RIGHT_PX);
    }

    /** Data y to SVG y. */
    public double py(double value) {
        double f = (clamp(value, y) - y.min()) / (y.max() - y.min());
        return heightPx - BOTTOM_PX - f * (heightPx - TOP_PX - BOTTOM_PX);
    }

    /** A shaded band between {@code lower} and {@code upper}; null at an x leaves a gap there. */
    public LineChart band(List<Double> xs, List<Double> lower, List<Double> upper, String fill, String title) {
        for (List<Integer> run : runs(xs, lower, upper)) {
            List<Svg.Point> outline = new ArrayList<>();
            run.forEach(i -> outline.add(new Svg.Point(px(xs.get(i)), py(upper.get(i)))));
            run.reversed().forEach(i -> outline.add(new Svg.Point(px(xs.get(i)), py(lower.get(i)))));
            if (run.size() == 1) {
                int i = run.getFirst();
                svg.line(
                        px(xs.get(i)),
                        py(upper.get(i)),
                        px(xs.get(i)),
                        py(lower.get(i)),
                        Svg.attrs("stroke", fill, "stroke-width", "6"));
            }
            svg.polygon(outline, Svg.attrs("fill", fill, "stroke", "none"), title);
        }
        return this;
    }

    /** A line through the points whose y is not null; a null breaks it. */
    public LineChart line(List<Double> xs, List<Double> ys, String stroke, boolean dashed, String title) {
        String style = dashed
                ? Svg.attrs("stroke", stroke, "stroke-width", "1.5", "stroke-dasharray", "5 4")
                : Svg.attrs("stroke", stroke, "stroke-width", "2", "stroke-linejoin", "round");
        for (List<Integer> run : runs(xs, ys, ys)) {
            svg.polyline(
                    run.stream()
                            .map(i -> new Svg.Point(px(xs.get(i)), py(ys.get(i))))
                            .toList(),
                    style,
                    title);
        }
        return this;
    }

    /** A vertical line across the frame at {@code at}, e.g. an event on a time axis. */
    public LineChart rule(double at, String stroke, String title) {
        svg.rect(
                px(at) - 1.5,
                TOP_PX,
                3,
                heightPx - TOP_PX - BOTTOM_PX,
                Svg.attrs("fill", stroke, "fill-opacity", "0.8"),
                title);
        return this;
    }

    /** A dot at (x, y) with a tooltip. */
    public LineChart marker(double atX, double atY, double radiusPx, String fill, String title) {
        svg.circle(px(atX), py(atY), radiusPx, Svg.attrs("fill", fill, "stroke", "#fff", "stroke-width", "1"), title);
        return this;
    }

    /** A small label just above (x, y). */
    public LineChart label(double atX, double atY, String text) {
        svg.text(px(atX), py(atY) - 5, text, "middle", Svg.attrs("font-size", "10", "fill", "#1f2933"));
        return this;
    }

    /** The SVG being written, for charts drawn on this frame. */
    Svg svg() {
        return svg;
    }

    public String render() {
        return svg.close();
    }

    private void frame() {
        double right = widthPx - RIGHT_PX;
        double bottom = heightPx - BOTTOM_PX;
        svg.rect(
                LEFT_PX,
                TOP_PX,
                right - LEFT_PX,
                bottom - TOP_PX,
                Svg.attrs("fill", "#fbfcfd", "stroke", "#d9e2ec"),
                null);
        svg.group(Svg.attrs("font-size", "11", "fill", "#52606d"));
        for (Axis.Tick t : y.ticks()) {
            svg.line(LEFT_PX, py(t.value()), right, py(t.value()), Svg.attrs("stroke", "#e4e7eb"));
            svg.text(LEFT_PX - 6, py(t.value()) + 4, t.label(), "end", null);
        }
        for (Axis.Tick t : x.ticks()) {
            svg.line(px(t.value()), bottom, px(t.value()), bottom + 4, Svg.attrs("stroke", "#9aa5b1"));
            svg.text(px(t.value()), bottom + 16, t.label(), "middle", null);
        }
        svg.text((LEFT_PX + right) / 2, heightPx - 6, x.label(), "middle", null);
        svg.text(
                12,
                (TOP_PX + bottom) / 2,
                y.label(),
                "middle",
                Svg.attrs("transform", "rotate(-90 12 " + Svg.n((TOP_PX + bottom) / 2) + ")"));
        svg.end();
    }

    /** Index runs where xs and both value lists are non-null. */
    private static List<List<Integer>> runs(List<Double> xs, List<Double> a, List<Double> b) {
        if (xs.size() != a.size() || xs.size() != b.size()) {
            throw new IllegalArgumentException("x and y lists differ in length");
        }
        List<List<Integer>> runs = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            if (xs.get(i) != null && a.get(i) != null && b.get(i) != null) {
                current.add(i);
            } else if (!current.isEmpty()) {
                runs.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            runs.add(current);
        }
        return runs;
    }

    private static double clamp(double value, Axis axis) {
        return Math.max(axis.min(), Math.min(axis.max(), value));
    }
}
