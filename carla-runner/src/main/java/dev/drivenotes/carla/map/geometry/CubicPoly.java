package dev.drivenotes.carla.map.geometry;

import java.util.List;

/**
 * A cubic a + b·ds + c·ds² + d·ds³ that starts at {@code start} (an s or sOffset, depending on the
 * record it came from).
 */
public record CubicPoly(double start, double a, double b, double c, double d) {

    public double value(double ds) {
        return a + ds * (b + ds * (c + ds * d));
    }

    public double derivative(double ds) {
        return b + ds * (2 * c + ds * 3 * d);
    }

    /**
     * Evaluates a piecewise cubic (records sorted by start) at {@code pos}: the last record whose
     * start is at or before {@code pos}, or 0 when the profile is empty.
     */
    public static double valueAt(List<CubicPoly> profile, double pos) {
        if (profile.isEmpty()) {
            return 0;
        }
        CubicPoly active = profile.get(0);
        for (int i = 1; i < profile.size(); i++) {
            CubicPoly p = profile.get(i);
            if (p.start() > pos + 1e-9) {
                break;
            }
            active = p;
        }
        return active.value(pos - active.start());
    }
}
