package dev.drivenotes.carla.traffic;

import dev.drivenotes.model.sim.TrafficLightState;
import java.util.Arrays;

/**
 * Who is where at the start of a traffic step: every vehicle in a linked list per lane (the NPCs by
 * index, the ego as index {@code count}) with its distance along the lane and its speed, and the
 * junction lanes that a first-in-lane NPC is about to enter. Rebuilt every step without allocation.
 */
final class LaneOccupancy {

    private final int count;
    private final int[] laneHead;
    private final int[] nextInLane;
    private final int[] laneOf;
    private final double[] alongOf;
    private final double[] speedOf;
    private final boolean[] approached;
    private final int[] approachMarks;
    private int approachMarkCount;

    /** @param count the number of NPCs; index {@code count} is the ego */
    LaneOccupancy(int laneCount, int count) {
        this.count = count;
        this.laneHead = new int[laneCount];
        Arrays.fill(laneHead, -1);
        this.nextInLane = new int[count + 1];
        this.laneOf = new int[count + 1];
        Arrays.fill(laneOf, -1);
        this.alongOf = new double[count + 1];
        this.speedOf = new double[count + 1];
        this.approached = new boolean[laneCount];
        this.approachMarks = new int[count];
    }

    /** Places every NPC (lane {@code path[i][0]}, -1 when inactive) and the ego on their lanes. */
    void update(int[][] path, double[] s, double[] v, EgoInTraffic ego) {
        for (int k = 0; k <= count; k++) {
            if (laneOf[k] >= 0) {
                laneHead[laneOf[k]] = -1;
            }
        }
        for (int k = 0; k <= count; k++) {
            int lane = k < count ? path[k][0] : ego.lane;
            laneOf[k] = lane;
            if (lane >= 0) {
                alongOf[k] = k < count ? s[k] : ego.alongM;
                speedOf[k] = k < count ? v[k] : ego.speedMps;
                nextInLane[k] = laneHead[lane];
                laneHead[lane] = k;
            }
        }
    }

    /**
     * Marks the junction lane each NPC will enter next when it is the first of its lane, within
     * {@link TrafficFleet#YIELD_RANGE_M} of the entry, and not held by a red light: the vehicles
     * behind the first cannot enter first.
     */
    void markApproaches(TrafficNetwork net, TrafficLights lights, int[][] path, double[] s, double timeS) {
        for (int m = 0; m < approachMarkCount; m++) {
            approached[approachMarks[m]] = false;
        }
        approachMarkCount = 0;
        for (int i = 0; i < count; i++) {
            int lane = path[i][0];
            if (lane < 0 || net.inJunction[lane] || !firstInLane(i, lane, s[i])) {
                continue;
            }
            double base = net.lengthM[lane] - s[i];
            for (int k = 1;
                    k < TrafficFleet.PATH_LANES
                            && path[i][k] >= 0
                            && base - TrafficFleet.HALF_LENGTH_M < TrafficFleet.YIELD_RANGE_M;
                    k++) {
                int next = path[i][k];
                if (net.inJunction[next]) {
                    if (lights.state(next, timeS) != TrafficLightState.RED && !approached[next]) {
                        approached[next] = true;
                        approachMarks[approachMarkCount++] = next;
                    }
                    break;
                }
                base += net.lengthM[next];
            }
        }
    }

    private boolean firstInLane(int i, int lane, double alongM) {
        for (int j = laneHead[lane]; j >= 0; j = nextInLane[j]) {
            if (j != i && alongOf[j] > alongM) {
                return false;
            }
        }
        return true;
    }

    /** The first vehicle in the list of {@code lane}, or -1 when it is empty. */
    int head(int lane) {
        return laneHead[lane];
    }

    /** The vehicle after {@code vehicle} in its lane's list, or -1. */
    int next(int vehicle) {
        return nextInLane[vehicle];
    }

    double alongM(int vehicle) {
        return alongOf[vehicle];
    }

    double speedMps(int vehicle) {
        return speedOf[vehicle];
    }

    /** Whether an NPC is about to enter junction lane {@code lane} (see {@link #markApproaches}). */
    boolean approached(int lane) {
        return approached[lane];
    }
}
