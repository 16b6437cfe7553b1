package dev.drivenotes.model.experiment;

/**
 * The driving score of CARLA Leaderboard 2.0: route completion × the product of one penalty factor
 * per infraction, {@code Π penalty^count}. The one rule for the reporter, the trainer and eval.
 */
public final class DrivingScore {

    /** Penalty factor per collision with a pedestrian. */
    public static final double PEDESTRIAN_COLLISION = 0.50;

    /** Penalty factor per collision with another vehicle. */
    public static final double VEHICLE_COLLISION = 0.60;

    /** Penalty factor per collision with the layout or a static object. */
    public static final double STATIC_COLLISION = 0.65;

    /** Penalty factor per red light run. */
    public static final double RED_LIGHT = 0.70;

    /** Penalty factor per stop sign run. */
    public static final double STOP_SIGN = 0.80;

    private DrivingScore() {}

    /** The product of every infraction's penalty factor, 1 without infractions. */
    public static double penalty(Infractions infractions) {
        return Math.pow(PEDESTRIAN_COLLISION, infractions.collisionsPedestrian())
                * Math.pow(VEHICLE_COLLISION, infractions.collisionsVehicle())
                * Math.pow(STATIC_COLLISION, infractions.collisionsStatic())
                * Math.pow(RED_LIGHT, infractions.redLightRuns())
                * Math.pow(STOP_SIGN, infractions.stopSignRuns());
    }

    /** Route completion (0..1) × {@link #penalty(Infractions)}. */
    public static double of(double routeCompletion, Infractions infractions) {
        return routeCompletion * penalty(infractions);
    }

    /** An episode's driving score. */
    public static double of(EpisodeSummary episode) {
        return of(episode.routeCompletion(), episode.infractions());
    }
}
