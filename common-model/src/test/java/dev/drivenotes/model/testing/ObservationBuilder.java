package dev.drivenotes.model.testing;

import dev.drivenotes.model.sim.BirdEyeRaster;
import dev.drivenotes.model.sim.LeadVehicle;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Observation;
import dev.drivenotes.model.sim.StopSignAhead;
import dev.drivenotes.model.sim.TrafficLightAhead;
import dev.drivenotes.model.sim.Waypoint;
import java.util.List;

/**
 * Test data: a valid {@link Observation} (cruising at 5 m/s on a straight route, town speed limit,
 * no traffic, no raster) that a test changes only where it matters.
 */
public final class ObservationBuilder {

    private double speedMps = 5;
    private double gnssX;
    private double gnssY;
    private boolean gnssDropout;
    private double compassRad;
    private List<Waypoint> routeWaypoints = List.of(new Waypoint(2, 0), new Waypoint(4, 0));
    private Maneuver nextManeuver = Maneuver.FOLLOW_LANE;
    private double distanceToManeuverM = 50;
    private String nextPoi = "Central Library";
    private double distanceToGoM = 120;
    private double speedLimitMps = 30 / 3.6;
    private double yawRateRadps;
    private LeadVehicle lead;
    private TrafficLightAhead trafficLight;
    private StopSignAhead stopSign;
    private BirdEyeRaster birdEye;
    private boolean replanned;

    private ObservationBuilder() {}

    public static ObservationBuilder observation() {
        return new ObservationBuilder();
    }

    /** A builder that starts from every field of {@code o}. */
    public static ObservationBuilder from(Observation o) {
        ObservationBuilder b = new ObservationBuilder();
        b.speedMps = o.speedMps();
        b.gnssX = o.gnssX();
        b.gnssY = o.gnssY();
        b.compassRad = o.compassRad();
        b.routeWaypoints = o.routeWaypoints();
        b.nextManeuver = o.nextManeuver();
        b.distanceToManeuverM = o.distanceToManeuverM();
        b.nextPoi = o.nextPoi();
        b.distanceToGoM = o.distanceToGoM();
        b.speedLimitMps = o.speedLimitMps();
        b.yawRateRadps = o.yawRateRadps();
        b.gnssDropout = o.gnssDropout();
        b.lead = o.lead();
        b.trafficLight = o.trafficLight();
        b.stopSign = o.stopSign();
        b.birdEye = o.birdEye();
        b.replanned = o.replanned();
        return b;
    }

    public ObservationBuilder speedMps(double v) {
        speedMps = v;
        return this;
    }

    public ObservationBuilder gnss(double x, double y) {
        gnssX = x;
        gnssY = y;
        return this;
    }

    public ObservationBuilder compassRad(double v) {
        compassRad = v;
        return this;
    }

    public ObservationBuilder route(List<Waypoint> v) {
        routeWaypoints = v;
        return this;
    }

    public ObservationBuilder nextManeuver(Maneuver maneuver, double distanceM) {
        nextManeuver = maneuver;
        distanceToManeuverM = distanceM;
        return this;
    }

    public ObservationBuilder nextPoi(String poi, double distanceToGoM) {
        nextPoi = poi;
        this.distanceToGoM = distanceToGoM;
        return this;
    }

    public ObservationBuilder speedLimitMps(double v) {
        speedLimitMps = v;
        return this;
    }

    /** The receiver had no fix this step (its position repeats the last fix). */
    public ObservationBuilder gnssDropout(boolean v) {
        gnssDropout = v;
        return this;
    }

    public ObservationBuilder yawRateRadps(double v) {
        yawRateRadps = v;
        return this;
    }

    public ObservationBuilder lead(LeadVehicle v) {
        lead = v;
        return this;
    }

    public ObservationBuilder trafficLight(TrafficLightAhead v) {
        trafficLight = v;
        return this;
    }

    public ObservationBuilder stopSign(StopSignAhead v) {
        stopSign = v;
        return this;
    }

    public ObservationBuilder replanned(boolean v) {
        replanned = v;
        return this;
    }

    public ObservationBuilder birdEye(BirdEyeRaster v) {
        birdEye = v;
        return this;
    }

    public Observation build() {
        return new Observation(
                speedMps,
                gnssX,
                gnssY,
                gnssDropout,
                compassRad,
                routeWaypoints,
                nextManeuver,
                distanceToManeuverM,
                nextPoi,
                distanceToGoM,
                speedLimitMps,
                yawRateRadps,
                lead,
                trafficLight,
                stopSign,
                birdEye,
                replanned);
    }
}
