package dev.drivenotes.carla.map.lanes;

import dev.drivenotes.carla.map.geometry.Polyline;

/**
 * A driving lane of one lane section, as a precomputed centre polyline in driving direction (right
 * lanes along increasing s, left lanes against it).
 */
public final class LaneNode {

    private final int index;
    private final String roadId;
    private final int sectionIndex;
    private final int laneId;
    private final String junctionId;
    private final double speedLimitMps;
    private final Polyline polyline;
    private final double[] halfWidthsM;

    /** @param halfWidthsM half the lane width at each point of {@code polyline} */
    LaneNode(
            int index,
            String roadId,
            int sectionIndex,
            int laneId,
            String junctionId,
            double speedLimitMps,
            Polyline polyline,
            double[] halfWidthsM) {
        if (halfWidthsM.length != polyline.pointCount()) {
            throw new IllegalArgumentException(
                    "one half width per point: " + halfWidthsM.length + " for " + polyline.pointCount() + " points");
        }
        this.index = index;
        this.roadId = roadId;
        this.sectionIndex = sectionIndex;
        this.laneId = laneId;
        this.junctionId = junctionId;
        this.speedLimitMps = speedLimitMps;
        this.polyline = polyline;
        this.halfWidthsM = halfWidthsM.clone();
    }

    public int index() {
        return index;
    }

    public String roadId() {
        return roadId;
    }

    public int sectionIndex() {
        return sectionIndex;
    }

    public int laneId() {
        return laneId;
    }

    /** The junction this lane crosses, or null. */
    public String junctionId() {
        return junctionId;
    }

    public double speedLimitMps() {
        return speedLimitMps;
    }

    /** The lane's centre line in driving direction. */
    public Polyline polyline() {
        return polyline;
    }

    public double lengthM() {
        return polyline.lengthM();
    }

    /** Half the lane width at point i of the centre line. */
    public double halfWidthM(int i) {
        return halfWidthsM[i];
    }

    public double entryHeadingRad() {
        return polyline.startHeadingRad();
    }

    public double exitHeadingRad() {
        return polyline.endHeadingRad();
    }

    @Override
    public String toString() {
        return "lane " + roadId + "/" + sectionIndex + "/" + laneId;
    }
}
