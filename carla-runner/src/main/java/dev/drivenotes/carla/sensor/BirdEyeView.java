package dev.drivenotes.carla.sensor;

import dev.drivenotes.carla.map.LoadedMap;
import dev.drivenotes.carla.map.lanes.LaneIndex;
import dev.drivenotes.carla.map.routing.Route;
import dev.drivenotes.carla.traffic.TrafficFleet;
import dev.drivenotes.model.sim.BirdEyeRaster;
import dev.drivenotes.model.sim.VehicleSpec;
import java.util.List;

/**
 * A bird's-eye raster around the ego like CarDreamer's {@code birdeye_wpt}: a square of {@link
 * #VIEW_M} metres (0.5 m/px at 64 px, 0.25 m/px at 128 px), ego at the centre heading up (row 0 is
 * ahead, column 0 is left). Channels: {@code lanes} (inside a driving lane), {@code route} (the
 * planned route ahead, 2 m wide) and {@code vehicles} (the boxes of the NPCs and the ego); 255 = set.
 */
public final class BirdEyeView {

    public static final double VIEW_M = 32;
    public static final List<String> CHANNELS = List.of("lanes", "route", "vehicles");
    static final double ROUTE_HALF_WIDTH_M = 1.0;

    private final LoadedMap map;
    private final Route route;
    private final TrafficFleet fleet;
    private final int sizePx;
    private final double metresPerPx;
    private final LaneIndex.Match match = new LaneIndex.Match();
    private final double[] point = new double[3];

    public BirdEyeView(LoadedMap map, Route route, TrafficFleet fleet, int sizePx) {
        this.map = map;
        this.route = route;
        this.fleet = fleet;
        this.sizePx = sizePx;
        this.metresPerPx = VIEW_M / sizePx;
    }

    public BirdEyeRaster render(double egoX, double egoY, double egoYawRad, double progressM) {
        int plane = sizePx * sizePx;
        byte[] data = new byte[CHANNELS.size() * plane];
        double c = Math.cos(egoYawRad);
        double s = Math.sin(egoYawRad);
        for (int r = 0; r < sizePx; r++) {
            double forward = (sizePx / 2.0 - r - 0.5) * metresPerPx;
            for (int col = 0; col < sizePx; col++) {
                double left = (sizePx / 2.0 - col - 0.5) * metresPerPx;
                map.index().match(egoX + forward * c - left * s, egoY + forward * s + left * c, egoYawRad, match);
                if (match.node() >= 0 && match.outsideM() <= 0) {
                    data[r * sizePx + col] = (byte) 255;
                }
            }
        }
        double stepM = metresPerPx / 2;
        for (double d = Math.max(0, progressM - VIEW_M);
                d <= Math.min(route.lengthM(), progressM + VIEW_M);
                d += stepM) {
            route.polyline().pointAt(d, point);
            paintDisc(data, plane, egoX, egoY, c, s, point[0], point[1]);
        }
        paintBox(data, 2 * plane, egoX, egoY, c, s, egoX, egoY, egoYawRad);
        for (int i = 0; i < fleet.count(); i++) {
            if (fleet.active(i) && Math.hypot(fleet.x(i) - egoX, fleet.y(i) - egoY) < VIEW_M) {
                paintBox(data, 2 * plane, egoX, egoY, c, s, fleet.x(i), fleet.y(i), fleet.yawRad(i));
            }
        }
        return new BirdEyeRaster(sizePx, metresPerPx, CHANNELS, data);
    }

    private void paintDisc(byte[] data, int offset, double ex, double ey, double c, double s, double wx, double wy) {
        double dx = wx - ex;
        double dy = wy - ey;
        double forward = dx * c + dy * s;
        double left = -dx * s + dy * c;
        int radius = (int) Math.ceil(ROUTE_HALF_WIDTH_M / metresPerPx);
        int r0 = (int) Math.floor(sizePx / 2.0 - forward / metresPerPx);
        int c0 = (int) Math.floor(sizePx / 2.0 - left / metresPerPx);
        for (int r = r0 - radius; r <= r0 + radius; r++) {
            for (int col = c0 - radius; col <= c0 + radius; col++) {
                if (r >= 0
                        && r < sizePx
                        && col >= 0
                        && col < sizePx
                        && (r - r0) * (r - r0) + (col - c0) * (col - c0) <= radius * radius) {
                    data[offset + r * sizePx + col] = (byte) 255;
                }
            }
        }
    }

    private void paintBox(
            byte[] data, int offset, double ex, double ey, double c, double s, double bx, double by, double byaw) {
        double halfL = VehicleSpec.EGO.halfLengthM();
        double halfW = VehicleSpec.EGO.widthM() / 2;
        double reach = Math.hypot(halfL, halfW);
        double dx = bx - ex;
        double dy = by - ey;
        double forward = dx * c + dy * s;
        double left = -dx * s + dy * c;
        int r0 = (int) Math.floor(sizePx / 2.0 - (forward + reach) / metresPerPx);
        int r1 = (int) Math.ceil(sizePx / 2.0 - (forward - reach) / metresPerPx);
        int c0 = (int) Math.floor(sizePx / 2.0 - (left + reach) / metresPerPx);
        int c1 = (int) Math.ceil(sizePx / 2.0 - (left - reach) / metresPerPx);
        double bc = Math.cos(byaw);
        double bs = Math.sin(byaw);
        for (int r = Math.max(0, r0); r <= Math.min(sizePx - 1, r1); r++) {
            double f = (sizePx / 2.0 - r - 0.5) * metresPerPx;
            for (int col = Math.max(0, c0); col <= Math.min(sizePx - 1, c1); col++) {
                double l = (sizePx / 2.0 - col - 0.5) * metresPerPx;
                double px = ex + f * c - l * s - bx;
                double py = ey + f * s + l * c - by;
                if (Math.abs(px * bc + py * bs) <= halfL && Math.abs(-px * bs + py * bc) <= halfW) {
                    data[offset + r * sizePx + col] = (byte) 255;
                }
            }
        }
    }
}
