package dev.drivenotes.reporter.note;

import dev.drivenotes.model.Require;
import dev.drivenotes.model.experiment.StepRecord;
import dev.drivenotes.model.sim.Observation;
import java.util.List;

/**
 * The agent's own localisation: where it believes it is at each record, from nothing but what it
 * observed — GNSS fused with its odometry (speed, compass heading and yaw rate) in a Kalman filter
 * per map axis. Pure: the same observations always give the same track.
 *
 * <p>Predict: the position moves {@code speedMps × dt} along the heading at mid-step ({@code
 * compassRad + yawRateRadps × dt / 2}, the constant-turn-rate midpoint), and its variance grows by
 * {@code (ODOMETRY_DRIFT_MPS × dt)²} (slip and speed error the odometry does not see). Update: the
 * GNSS fix pulls the position by the Kalman gain {@code P / (P + R)} with {@code R =
 * RECEIVER_SIGMA_M²}, the receiver's specified accuracy (the agent does not know the noise of the
 * day). A record without a fix ({@code gnssDropout}) only predicts. The first record starts at its
 * GNSS fix with variance R; {@code dt} is the records' simulated-time difference.
 */
final class Localisation {

    /** The GNSS accuracy (1 σ per axis) the agent assumes of its receiver. */
    static final double RECEIVER_SIGMA_M = 5;
    /** How fast position error the odometry misses grows (1 σ), metres per second. */
    static final double ODOMETRY_DRIFT_MPS = 0.5;

    private Localisation() {}

    /** The position {@code [x, y]} {@code localiser} believes at each record of {@code trajectory}. */
    static double[][] track(List<StepRecord> trajectory, Localiser localiser) {
        Require.notNull("localiser", localiser);
        return switch (localiser) {
            case FILTER -> track(trajectory);
            case GNSS -> fixes(trajectory);
        };
    }

    /** Each record's GNSS fix, as read (a dropout repeats the receiver's last fix). */
    static double[][] fixes(List<StepRecord> trajectory) {
        Require.noNullElements("trajectory", trajectory);
        double[][] fixes = new double[trajectory.size()][];
        for (int i = 0; i < fixes.length; i++) {
            Observation o = trajectory.get(i).observation();
            fixes[i] = new double[] {o.gnssX(), o.gnssY()};
        }
        return fixes;
    }

    /** The filter's believed position {@code [x, y]} at each record of {@code trajectory}. */
    static double[][] track(List<StepRecord> trajectory) {
        Require.noNullElements("trajectory", trajectory);
        double r = RECEIVER_SIGMA_M * RECEIVER_SIGMA_M;
        double[][] belief = new double[trajectory.size()][];
        double x = 0;
        double y = 0;
        double p = r;
        for (int i = 0; i < trajectory.size(); i++) {
            Observation o = trajectory.get(i).observation();
            if (i == 0) {
                x = o.gnssX();
                y = o.gnssY();
            } else {
                Observation previous = trajectory.get(i - 1).observation();
                double dtS = Math.max(
                        0, trajectory.get(i).simTimeS() - trajectory.get(i - 1).simTimeS());
                double headingRad = previous.compassRad() + previous.yawRateRadps() * dtS / 2;
                x += previous.speedMps() * Math.cos(headingRad) * dtS;
                y += previous.speedMps() * Math.sin(headingRad) * dtS;
                p += (ODOMETRY_DRIFT_MPS * dtS) * (ODOMETRY_DRIFT_MPS * dtS);
                if (!o.gnssDropout()) {
                    double gain = p / (p + r);
                    x += gain * (o.gnssX() - x);
                    y += gain * (o.gnssY() - y);
                    p *= 1 - gain;
                }
            }
            belief[i] = new double[] {x, y};
        }
        return belief;
    }
}
