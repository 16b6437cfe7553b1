package dev.drivenotes.carla.traffic;

/**
 * Overlap of two oriented rectangles by the separating-axis theorem: they overlap unless their
 * projections on one of the four edge normals are disjoint. Touching counts as overlap.
 */
public final class OrientedBox {

    private OrientedBox() {}

    /**
     * @param halfLengthAM half extent of box A along its heading
     * @param halfWidthAM half extent of box A across its heading
     */
    public static boolean overlap(
            double ax,
            double ay,
            double aYawRad,
            double halfLengthAM,
            double halfWidthAM,
            double bx,
            double by,
            double bYawRad,
            double halfLengthBM,
            double halfWidthBM) {
        double dx = bx - ax;
        double dy = by - ay;
        double reach = Math.sqrt(halfLengthAM * halfLengthAM + halfWidthAM * halfWidthAM)
                + Math.sqrt(halfLengthBM * halfLengthBM + halfWidthBM * halfWidthBM);
        if (dx * dx + dy * dy > reach * reach) {
            return false;
        }
        double ca = Math.cos(aYawRad);
        double sa = Math.sin(aYawRad);
        double cb = Math.cos(bYawRad);
        double sb = Math.sin(bYawRad);
        return !separates(ca, sa, dx, dy, halfLengthAM, halfWidthAM, ca, sa, halfLengthBM, halfWidthBM, cb, sb)
                && !separates(-sa, ca, dx, dy, halfLengthAM, halfWidthAM, ca, sa, halfLengthBM, halfWidthBM, cb, sb)
                && !separates(cb, sb, dx, dy, halfLengthAM, halfWidthAM, ca, sa, halfLengthBM, halfWidthBM, cb, sb)
                && !separates(-sb, cb, dx, dy, halfLengthAM, halfWidthAM, ca, sa, halfLengthBM, halfWidthBM, cb, sb);
    }

    private static boolean separates(
            double axisX,
            double axisY,
            double dx,
            double dy,
            double hlA,
            double hwA,
            double ca,
            double sa,
            double hlB,
            double hwB,
            double cb,
            double sb) {
        double radiusA = hlA * Math.abs(ca * axisX + sa * axisY) + hwA * Math.abs(-sa * axisX + ca * axisY);
        double radiusB = hlB * Math.abs(cb * axisX + sb * axisY) + hwB * Math.abs(-sb * axisX + cb * axisY);
        return Math.abs(dx * axisX + dy * axisY) > radiusA + radiusB;
    }
}
