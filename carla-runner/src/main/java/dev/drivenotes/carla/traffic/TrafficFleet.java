package dev.drivenotes.carla.traffic;

import dev.drivenotes.model.sim.TrafficLightState;
import java.util.SplittableRandom;

/**
 * Background vehicles of one simulation, kinematic along lane centre lines: IDM car following
 * behind vehicles on their planned lanes, stopping at red (and stoppable yellow) lights at the
 * junction entry, standing at stop signs' stop lines ({@link StopSignWaits}), yielding at junction
 * entries (see {@link #mustStopAtEntry}), random seeded
 * successors at junctions, respawned away from the ego when they reach a dead end. State lives in
 * flat arrays and one step allocates nothing; vehicles are found by lane through {@link LaneOccupancy}.
 */
public final class TrafficFleet {

    public static final double LENGTH_M = 4.6;
    public static final double WIDTH_M = 2.0;
    static final double HALF_LENGTH_M = LENGTH_M / 2;
    static final double HALF_WIDTH_M = WIDTH_M / 2;
    static final int PATH_LANES = 5;
    static final double LOOK_AHEAD_M = 60;
    /** Entries are checked for conflicting traffic, and approaching vehicles announced, within this gap. */
    static final double YIELD_RANGE_M = 15;
    /** A yellow light stops a vehicle that can stop at this deceleration. */
    static final double YELLOW_DECEL_MPS2 = 3.5;

    static final double SPAWN_GAP_M = 15;
    static final double SPAWN_EGO_CLEARANCE_M = 30;
    static final double RESPAWN_EGO_CLEARANCE_M = 40;
    static final double MIN_SPAWN_LANE_M = 8;
    static final double MIN_SPEED_FACTOR = 0.75;
    static final double MAX_SPEED_FACTOR = 1.0;
    private static final int SPAWN_ATTEMPTS = 64;

    private final TrafficNetwork net;
    private final TrafficLights lights;
    private final Idm idm;
    private final SplittableRandom random;
    private final int count;
    private final int[] spawnLanes;
    private final int[][] path;
    private final double[] s;
    private final double[] v;
    private final double[] acc;
    private final double[] speedFactor;
    private final double[] x;
    private final double[] y;
    private final double[] yaw;
    private final LaneOccupancy occupancy;
    private final StopSignWaits stopSigns;
    private final double[] point = new double[3];

    /** @param aggressiveness the drivers' aggressiveness, 0..1, setting the IDM parameters ({@link Idm}) */
    public TrafficFleet(
            TrafficNetwork net,
            TrafficLights lights,
            long seed,
            int count,
            double aggressiveness,
            double egoX,
            double egoY) {
        this.net = net;
        this.idm = Idm.forAggressiveness(aggressiveness);
        this.lights = lights;
        this.random = new SplittableRandom(seed * 0x2545F4914F6CDD1DL + 7);
        this.count = count;
        this.spawnLanes = java.util.stream.IntStream.range(0, net.size)
                .filter(i -> !net.inJunction[i] && net.lengthM[i] >= MIN_SPAWN_LANE_M && net.successors[i].length > 0)
                .toArray();
        this.path = new int[count][PATH_LANES];
        this.s = new double[count];
        this.v = new double[count];
        this.acc = new double[count];
        this.speedFactor = new double[count];
        this.x = new double[count];
        this.y = new double[count];
        this.yaw = new double[count];
        this.occupancy = new LaneOccupancy(net.size, count);
        this.stopSigns = new StopSignWaits(net.stopLines, count, idm.minGapM());
        for (int i = 0; i < count; i++) {
            path[i][0] = -1;
        }
        for (int i = 0; i < count; i++) {
            spawn(i, egoX, egoY, SPAWN_EGO_CLEARANCE_M);
        }
    }

    /** Advances every vehicle by {@code dtS}; {@code timeS} is the time at the start of the step. */
    public void step(double dtS, double timeS, EgoInTraffic ego) {
        occupancy.update(path, s, v, ego);
        occupancy.markApproaches(net, lights, path, s, timeS);
        for (int i = 0; i < count; i++) {
            acc[i] = path[i][0] < 0 ? 0 : acceleration(i, timeS, ego);
        }
        for (int i = 0; i < count; i++) {
            if (path[i][0] < 0) {
                spawn(i, ego.x, ego.y, RESPAWN_EGO_CLEARANCE_M);
            } else {
                advance(i, dtS, ego);
                stopSigns.afterStep(i, v[i], dtS);
            }
        }
    }

    private double acceleration(int i, double timeS, EgoInTraffic ego) {
        int[] p = path[i];
        double desiredMps = net.speedLimitMps[p[0]] * speedFactor[i];
        double gapM = Double.POSITIVE_INFINITY;
        double leaderMps = 0;
        double base = -s[i];
        stopSigns.beginScan(i);
        for (int k = 0; k < PATH_LANES && p[k] >= 0 && base < LOOK_AHEAD_M; k++) {
            int lane = p[k];
            double stopGapM = stopSigns.gapM(i, lane, base - HALF_LENGTH_M);
            if (stopGapM < gapM) {
                gapM = stopGapM;
                leaderMps = 0;
            }
            if (k > 0 && net.inJunction[lane] && !net.inJunction[p[k - 1]]) {
                double frontGapM = base - HALF_LENGTH_M;
                if (frontGapM >= 0 && mustStopAtEntry(i, lane, frontGapM, timeS, ego)) {
                    gapM = frontGapM;
                    leaderMps = 0;
                    break;
                }
            }
            for (int j = occupancy.head(lane); j >= 0; j = occupancy.next(j)) {
                double ahead = base + occupancy.alongM(j);
                if (j != i && ahead > 0 && ahead - LENGTH_M < gapM) {
                    gapM = ahead - LENGTH_M;
                    leaderMps = occupancy.speedMps(j);
                }
            }
            if (gapM != Double.POSITIVE_INFINITY) {
                break;
            }
            base += net.lengthM[lane];
        }
        double egoGapM = egoGapAheadM(i, ego);
        if (egoGapM < gapM) {
            gapM = egoGapM;
            leaderMps = Math.max(0, ego.speedMps * Math.cos(ego.yawRad - yaw[i]));
        }
        return idm.accelerationMps2(v[i], desiredMps, Math.max(0, gapM), leaderMps);
    }

    /** The ego as an obstacle seen from NPC i's box, whatever lane it is on; infinite when clear. */
    private double egoGapAheadM(int i, EgoInTraffic ego) {
        double dx = ego.x - x[i];
        double dy = ego.y - y[i];
        if (ego.lane == path[i][0] || dx * dx + dy * dy > 15 * 15) {
            return Double.POSITIVE_INFINITY;
        }
        double c = Math.cos(yaw[i]);
        double sn = Math.sin(yaw[i]);
        double ex = dx * c + dy * sn;
        double ey = -dx * sn + dy * c;
        double dPsi = ego.yawRad - yaw[i];
        double across = HALF_LENGTH_M * Math.abs(Math.sin(dPsi)) + HALF_WIDTH_M * Math.abs(Math.cos(dPsi));
        if (ex <= 0 || Math.abs(ey) > HALF_WIDTH_M + across + 0.3) {
            return Double.POSITIVE_INFINITY;
        }
        double along = HALF_LENGTH_M * Math.abs(Math.cos(dPsi)) + HALF_WIDTH_M * Math.abs(Math.sin(dPsi));
        return ex - HALF_LENGTH_M - along;
    }

    /**
     * A vehicle stops at a junction entry for a red light, for a yellow one it can stop for at
     * {@link #YELLOW_DECEL_MPS2}, and — within {@link #YIELD_RANGE_M} — while a conflicting junction
     * lane is occupied (by anyone), is approached by the ego, or is approached by a vehicle of
     * higher priority (lower yield rank, then lower lane index: a total order, so no waiting cycle).
     * Vehicles inside a junction never wait for conflicts, so the junction always clears.
     */
    boolean mustStopAtEntry(int i, int lane, double frontGapM, double timeS, EgoInTraffic ego) {
        TrafficLightState light = lights.state(lane, timeS);
        if (light == TrafficLightState.RED) {
            return true;
        }
        if (light == TrafficLightState.YELLOW && frontGapM >= v[i] * v[i] / (2 * YELLOW_DECEL_MPS2)) {
            return true;
        }
        if (frontGapM >= YIELD_RANGE_M) {
            return false;
        }
        for (int c : net.conflicts[lane]) {
            if (occupancy.head(c) >= 0 || c == ego.approachLane) {
                return true;
            }
            if (occupancy.approached(c)
                    && (net.yieldRank[c] < net.yieldRank[lane]
                            || (net.yieldRank[c] == net.yieldRank[lane] && c < lane))) {
                return true;
            }
        }
        return false;
    }

    private void advance(int i, double dtS, EgoInTraffic ego) {
        double a = Math.max(acc[i], -v[i] / dtS);
        v[i] = Math.max(0, v[i] + a * dtS);
        s[i] += v[i] * dtS;
        int[] p = path[i];
        while (s[i] >= net.lengthM[p[0]]) {
            if (p[1] < 0) {
                spawn(i, ego.x, ego.y, RESPAWN_EGO_CLEARANCE_M);
                return;
            }
            s[i] -= net.lengthM[p[0]];
            stopSigns.left(i, p[0]);
            System.arraycopy(p, 1, p, 0, PATH_LANES - 1);
            p[PATH_LANES - 1] = p[PATH_LANES - 2] < 0 ? -1 : choose(p[PATH_LANES - 2]);
        }
        pose(i);
    }

    private int choose(int lane) {
        int[] next = net.successors[lane];
        return next.length == 0 ? -1 : next[random.nextInt(next.length)];
    }

    private void pose(int i) {
        net.graph.node(path[i][0]).polyline().pointAt(s[i], point);
        x[i] = point[0];
        y[i] = point[1];
        yaw[i] = point[2];
    }

    /** Places NPC i at rest on a random lane clear of the ego and of the others; inactive when none is found. */
    private void spawn(int i, double egoX, double egoY, double egoClearanceM) {
        path[i][0] = -1;
        v[i] = 0;
        stopSigns.reset(i);
        if (spawnLanes.length == 0) {
            return;
        }
        for (int attempt = 0; attempt < SPAWN_ATTEMPTS; attempt++) {
            int lane = spawnLanes[random.nextInt(spawnLanes.length)];
            double along = 2 + random.nextDouble() * (net.lengthM[lane] - 4);
            net.graph.node(lane).polyline().pointAt(along, point);
            if (Math.hypot(point[0] - egoX, point[1] - egoY) >= egoClearanceM && clearOfOthers(i, point[0], point[1])) {
                path[i][0] = lane;
                for (int k = 1; k < PATH_LANES; k++) {
                    path[i][k] = path[i][k - 1] < 0 ? -1 : choose(path[i][k - 1]);
                }
                s[i] = along;
                speedFactor[i] = (MIN_SPEED_FACTOR + random.nextDouble() * (MAX_SPEED_FACTOR - MIN_SPEED_FACTOR))
                        * idm.desiredSpeedScale();
                pose(i);
                return;
            }
        }
    }

    private boolean clearOfOthers(int i, double px, double py) {
        for (int j = 0; j < count; j++) {
            if (j != i && path[j][0] >= 0 && Math.hypot(x[j] - px, y[j] - py) < SPAWN_GAP_M) {
                return false;
            }
        }
        return true;
    }

    public int count() {
        return count;
    }

    public boolean active(int i) {
        return path[i][0] >= 0;
    }

    public int lane(int i) {
        return path[i][0];
    }

    /** The lane NPC i will drive after its current one, or -1. */
    public int nextLane(int i) {
        return path[i][1];
    }

    public double alongM(int i) {
        return s[i];
    }

    public double x(int i) {
        return x[i];
    }

    public double y(int i) {
        return y[i];
    }

    public double yawRad(int i) {
        return yaw[i];
    }

    public double speedMps(int i) {
        return v[i];
    }
}
