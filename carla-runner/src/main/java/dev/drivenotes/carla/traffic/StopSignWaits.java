package dev.drivenotes.carla.traffic;

import java.util.Arrays;

/**
 * How the NPCs of a {@link TrafficFleet} obey stop signs. The next stop line ahead that a vehicle
 * has not yet stopped for is an obstacle to its IDM (placed so that it comes to rest with its front
 * bumper {@link #STAND_BEFORE_LINE_M} before the line); once it has stood below {@link
 * StopLines#STOPPED_MPS} for {@link #HOLD_S} with its front within {@link StopLines#STOP_ZONE_M} of
 * the line, that line is served and the vehicle drives on, yielding at the junction as usual. The
 * served line is forgotten when the vehicle leaves its lane. Flat arrays, no allocation per step.
 */
final class StopSignWaits {

    /** Standstill time at a stop line before a vehicle goes on. */
    static final double HOLD_S = 1.0;

    /** Where a vehicle stopping for a stop line stands: its front bumper this far before the line. */
    static final double STAND_BEFORE_LINE_M = 1.0;

    private final double[][] alongByLane;
    private final int[] servedLane;
    private final double[] servedAlongM;
    private final int[] nextLane;
    private final double[] nextAlongM;
    private final double[] nextFrontGapM;
    private final double[] standingS;
    private final double minGapM;

    /** @param minGapM the fleet's IDM standstill gap: a vehicle stands at the line with it */
    StopSignWaits(StopLines stopLines, int count, double minGapM) {
        this.minGapM = minGapM;
        this.alongByLane = stopLines.alongByLane;
        this.servedLane = new int[count];
        this.servedAlongM = new double[count];
        this.nextLane = new int[count];
        this.nextAlongM = new double[count];
        this.nextFrontGapM = new double[count];
        this.standingS = new double[count];
        Arrays.fill(servedLane, -1);
        Arrays.fill(nextLane, -1);
    }

    /** Starts vehicle i's look ahead for this step: no stop line found yet. */
    void beginScan(int i) {
        nextLane[i] = -1;
    }

    /**
     * The IDM gap (bumper to an obstacle at rest) that the first unserved stop line on {@code lane}
     * imposes on vehicle i, whose front bumper is {@code frontToLaneStartM} before the lane's start
     * (negative once on it); infinite when the lane has none ahead of the front. Remembers the first
     * line found in a scan as the vehicle's next one.
     */
    double gapM(int i, int lane, double frontToLaneStartM) {
        for (double along : alongByLane[lane]) {
            double frontGapM = frontToLaneStartM + along;
            if (frontGapM < 0 || (lane == servedLane[i] && along == servedAlongM[i])) {
                continue;
            }
            if (nextLane[i] < 0) {
                nextLane[i] = lane;
                nextAlongM[i] = along;
                nextFrontGapM[i] = frontGapM;
            }
            return frontGapM - STAND_BEFORE_LINE_M + minGapM;
        }
        return Double.POSITIVE_INFINITY;
    }

    /** After vehicle i's step at {@code speedMps}: counts its standstill at the next line, serving it after {@link #HOLD_S}. */
    void afterStep(int i, double speedMps, double dtS) {
        boolean standing =
                nextLane[i] >= 0 && nextFrontGapM[i] <= StopLines.STOP_ZONE_M && speedMps < StopLines.STOPPED_MPS;
        standingS[i] = standing ? standingS[i] + dtS : 0;
        if (standing && standingS[i] >= HOLD_S - 1e-9) {
            servedLane[i] = nextLane[i];
            servedAlongM[i] = nextAlongM[i];
            standingS[i] = 0;
        }
    }

    /** Vehicle i has left lane {@code lane}: a line served there is behind it. */
    void left(int i, int lane) {
        if (servedLane[i] == lane) {
            servedLane[i] = -1;
        }
    }

    /** Vehicle i was (re)spawned. */
    void reset(int i) {
        servedLane[i] = -1;
        nextLane[i] = -1;
        standingS[i] = 0;
    }
}
