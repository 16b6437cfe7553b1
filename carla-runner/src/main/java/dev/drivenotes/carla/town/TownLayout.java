package dev.drivenotes.carla.town;

import java.util.ArrayList;
import java.util.List;

/**
 * The roads and junctions of a grid town, as plain geometry: street segments between intersection
 * footprints, and one single-lane connecting road per (incoming arm, outgoing arm) pair inside each
 * junction — a line for straight on, a quarter arc for a turn.
 */
final class TownLayout {

    /** Half the side of a junction footprint: where streets stop and connecting roads begin. */
    static final double JUNCTION_HALF_M = 12;

    static final double LANE_WIDTH_M = 3.5;

    /** A street segment: a straight road from junction {@code from} to junction {@code to}. */
    record Street(
            int id, String name, double x, double y, double hdg, double lengthM, int fromJunction, int toJunction) {}

    /** A connecting road: contact with its incoming street at its start, outgoing street at its end. */
    record Connector(
            int id,
            String name,
            int junction,
            Arm in,
            Arm out,
            double x,
            double y,
            double hdg,
            double lengthM,
            double curvature) {}

    /** Where a street touches a junction; {@code atStart} when the street starts there. */
    record Arm(int streetId, boolean atStart, double x, double y, double outwardRad) {

        int incomingLane() {
            return atStart ? 1 : -1;
        }

        int outgoingLane() {
            return atStart ? -1 : 1;
        }
    }

    /** One intersection. */
    record Intersection(int id, String name, List<Arm> arms) {}

    final List<Street> streets = new ArrayList<>();
    final List<Connector> connectors = new ArrayList<>();
    final List<Intersection> intersections = new ArrayList<>();

    TownLayout(TownSettings settings) {
        int cols = settings.columns();
        int rows = settings.rows();
        double b = settings.blockM();
        double len = b - 2 * JUNCTION_HALF_M;
        int nextId = 1;
        int[][] east = new int[cols][rows];
        int[][] north = new int[cols][rows];
        for (int j = 0; j < rows; j++) {
            for (int i = 0; i + 1 < cols; i++) {
                east[i][j] = nextId;
                streets.add(new Street(
                        nextId++,
                        TownNames.STREETS.get(j),
                        i * b + JUNCTION_HALF_M,
                        j * b,
                        0,
                        len,
                        junctionId(i, j, cols),
                        junctionId(i + 1, j, cols)));
            }
        }
        for (int i = 0; i < cols; i++) {
            for (int j = 0; j + 1 < rows; j++) {
                north[i][j] = nextId;
                streets.add(new Street(
                        nextId++,
                        TownNames.AVENUES.get(i),
                        i * b,
                        j * b + JUNCTION_HALF_M,
                        Math.PI / 2,
                        len,
                        junctionId(i, j, cols),
                        junctionId(i, j + 1, cols)));
            }
        }
        int connectorId = 1000;
        double h = JUNCTION_HALF_M;
        for (int j = 0; j < rows; j++) {
            for (int i = 0; i < cols; i++) {
                double cx = i * b;
                double cy = j * b;
                List<Arm> arms = new ArrayList<>();
                if (i + 1 < cols) {
                    arms.add(new Arm(east[i][j], true, cx + h, cy, 0));
                }
                if (j + 1 < rows) {
                    arms.add(new Arm(north[i][j], true, cx, cy + h, Math.PI / 2));
                }
                if (i > 0) {
                    arms.add(new Arm(east[i - 1][j], false, cx - h, cy, Math.PI));
                }
                if (j > 0) {
                    arms.add(new Arm(north[i][j - 1], false, cx, cy - h, -Math.PI / 2));
                }
                int jid = junctionId(i, j, cols);
                String name = TownNames.shortName(TownNames.STREETS.get(j)) + " & "
                        + TownNames.shortName(TownNames.AVENUES.get(i));
                intersections.add(new Intersection(jid, name, arms));
                for (Arm in : arms) {
                    for (Arm out : arms) {
                        if (in != out) {
                            connectors.add(connector(connectorId++, jid, in, out));
                        }
                    }
                }
            }
        }
    }

    private Connector connector(int id, int junction, Arm in, Arm out) {
        double hdgIn = in.outwardRad() + Math.PI;
        double turn = Math.IEEEremainder(out.outwardRad() - hdgIn, 2 * Math.PI);
        double h = JUNCTION_HALF_M;
        String name = streetName(out.streetId());
        if (Math.abs(turn) < 1e-6) {
            return new Connector(id, name, junction, in, out, in.x(), in.y(), hdgIn, 2 * h, 0);
        }
        double curvature = Math.signum(turn) / h;
        return new Connector(id, name, junction, in, out, in.x(), in.y(), hdgIn, Math.PI * h / 2, curvature);
    }

    String streetName(int streetId) {
        return streets.stream()
                .filter(s -> s.id() == streetId)
                .findFirst()
                .orElseThrow()
                .name();
    }

    private static int junctionId(int i, int j, int cols) {
        return 100 + j * cols + i;
    }
}
