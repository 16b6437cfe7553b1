package dev.drivenotes.reporter.html;

import dev.drivenotes.model.Require;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * One axis of a chart: its data range, its ticks and its label.
 *
 * @param label what the axis measures, with its unit
 * @param min data value at the axis start
 * @param max data value at the axis end, above {@code min}
 * @param ticks labelled positions, inside [min, max]
 */
public record Axis(String label, double min, double max, List<Tick> ticks) {

    /** A labelled position on an axis. */
    public record Tick(double value, String label) {}

    public Axis {
        Require.finite("min", min);
        Require.finite("max", max);
        if (max <= min) {
            throw new IllegalArgumentException("axis " + label + ": max " + max + " must exceed min " + min);
        }
        ticks = List.copyOf(ticks);
    }

    /** 0..1 shown as 0 % .. 100 % in steps of 25 %. */
    public static Axis share(String label) {
        List<Tick> ticks = new ArrayList<>();
        for (int p = 0; p <= 100; p += 25) {
            ticks.add(new Tick(p / 100.0, p + " %"));
        }
        return new Axis(label, 0, 1, ticks);
    }

    /**
     * From 0 to at least {@code max} (1 when max is not positive), rounded up to a "nice" step so
     * that about {@code count} ticks fit, labelled by {@code format}.
     */
    public static Axis upTo(String label, double max, int count, DoubleFunction<String> format) {
        double top = max > 0 && Double.isFinite(max) ? max : 1;
        double step = niceStep(top / Math.max(1, count));
        double end = Math.ceil(top / step - 1e-9) * step;
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i * step <= end + 1e-9; i++) {
            ticks.add(new Tick(i * step, format.apply(i * step)));
        }
        return new Axis(label, 0, end, ticks);
    }

    /** A number with as many decimals as the step needs (none for whole numbers). */
    public static String plain(double value) {
        return Math.abs(value - Math.rint(value)) < 1e-9
                ? Long.toString(Math.round(value))
                : String.format(Locale.ROOT, "%.1f", value);
    }

    /** The smallest of 1, 2, 5 × 10^k at or above {@code raw}. */
    static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * magnitude >= raw - 1e-12) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
