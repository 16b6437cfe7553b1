package dev.drivenotes.reporter.note;

import static dev.drivenotes.model.testing.GroundTruthBuilder.truth;
import static dev.drivenotes.model.testing.ObservationBuilder.observation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.model.experiment.StepRecord;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.reporter.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The agent's localisation against its raw GNSS on a drive through {@link Fixtures#TOWN}: east along
 * Main Street, a left turn of radius 8 m through Main & Oak, north on Oak Avenue, at 8 m/s with 0.05 s
 * steps, GNSS with Gaussian noise per axis, odometry (speed, compass, yaw rate) exact as the
 * simulator gives it. Location accuracy is the share of records whose position, matched to the map,
 * names the true place; it prints both figures (see docs/agent.md).
 */
class LocalisationTest {

    private static final double SPEED_MPS = 8;
    private static final double STEP_S = 0.05;
    private static final double TURN_RADIUS_M = 8;
    private static final int SEEDS = 20;

    /**
     * The drive with GNSS noise of {@code noiseM} (1 σ per axis) and a share {@code dropoutRate} of
     * records without a fix (repeating the last fix, as the simulator's receiver does), seeded.
     */
    private static List<StepRecord> drive(double noiseM, double dropoutRate, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        SplittableRandom dropouts = new SplittableRandom(1000 + seed);
        double fixX = 0;
        double fixY = 0;
        double straightM = 100 - TURN_RADIUS_M;
        double arcM = TURN_RADIUS_M * Math.PI / 2;
        double lengthM = straightM + arcM + 80;
        List<StepRecord> steps = new ArrayList<>();
        for (int i = 0; i * STEP_S * SPEED_MPS <= lengthM; i++) {
            double s = i * STEP_S * SPEED_MPS;
            double x;
            double y;
            double yawRad;
            double yawRateRadps = 0;
            if (s <= straightM) {
                x = s;
                y = 0;
                yawRad = 0;
            } else if (s <= straightM + arcM) {
                double angle = (s - straightM) / TURN_RADIUS_M;
                x = straightM + TURN_RADIUS_M * Math.sin(angle);
                y = TURN_RADIUS_M * (1 - Math.cos(angle));
                yawRad = angle;
                yawRateRadps = SPEED_MPS / TURN_RADIUS_M;
            } else {
                x = 100;
                y = TURN_RADIUS_M + s - straightM - arcM;
                yawRad = Math.PI / 2;
            }
            boolean dropout = i > 0 && dropouts.nextDouble() < dropoutRate;
            if (!dropout) {
                fixX = x + random.nextGaussian() * noiseM;
                fixY = y + random.nextGaussian() * noiseM;
            }
            var observation = observation()
                    .speedMps(SPEED_MPS)
                    .gnss(fixX, fixY)
                    .gnssDropout(dropout)
                    .compassRad(yawRad)
                    .yawRateRadps(yawRateRadps)
                    .route(List.of())
                    .nextManeuver(Maneuver.FOLLOW_LANE, 10)
                    .nextPoi(Fixtures.MUSEUM, 100)
                    .speedLimitMps(8.33)
                    .build();
            var groundTruth = truth().pose(x, y, yawRad)
                    .place(Fixtures.MATCHER.match(x, y))
                    .build();
            steps.add(new StepRecord(i, i * STEP_S, observation, null, groundTruth));
        }
        return steps;
    }

    /** {meanErrorM, locationAccuracy} of raw GNSS (the random baseline's {@link Localiser#GNSS}) and of the filter, over {@link #SEEDS} drives. */
    private static double[][] measure(double noiseM, double dropoutRate) {
        double[] raw = new double[2];
        double[] filtered = new double[2];
        int records = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            List<StepRecord> steps = drive(noiseM, dropoutRate, seed);
            double[][] belief = Localisation.track(steps, Localiser.FILTER);
            double[][] fixes = Localisation.track(steps, Localiser.GNSS);
            for (int i = 0; i < steps.size(); i++) {
                var o = steps.get(i).observation();
                var t = steps.get(i).truth();
                assertThat(fixes[i]).containsExactly(o.gnssX(), o.gnssY());
                raw[0] += t.pose().distanceTo(fixes[i][0], fixes[i][1]);
                raw[1] += Fixtures.MATCHER.match(fixes[i][0], fixes[i][1]).equals(t.place()) ? 1 : 0;
                filtered[0] += t.pose().distanceTo(belief[i][0], belief[i][1]);
                filtered[1] +=
                        Fixtures.MATCHER.match(belief[i][0], belief[i][1]).equals(t.place()) ? 1 : 0;
            }
            records += steps.size();
        }
        for (int k = 0; k < 2; k++) {
            raw[k] /= records;
            filtered[k] /= records;
        }
        System.out.printf(
                Locale.ROOT,
                "localisation at %.0f m GNSS noise, %.0f %% dropouts, %d drives of %d records: raw GNSS"
                        + " %.2f m, location accuracy %.3f; filter %.2f m, location accuracy %.3f%n",
                noiseM,
                dropoutRate * 100,
                SEEDS,
                records / SEEDS,
                raw[0],
                raw[1],
                filtered[0],
                filtered[1]);
        return new double[][] {raw, filtered};
    }

    @Test
    void beatsSnappedRawGnssAtFiveMetresOfNoise() {
        double[][] figures = measure(5, 0);

        assertThat(figures[1][0]).as("mean position error, filter vs raw").isLessThan(figures[0][0] / 2);
        assertThat(figures[1][1]).as("location accuracy, filter vs raw").isGreaterThan(figures[0][1] + 0.1);
    }

    @Test
    void stillBeatsRawGnssWhenHalfTheFixesDropOut() {
        double[][] figures = measure(5, 0.5);

        assertThat(figures[1][1]).isGreaterThan(figures[0][1]);
    }

    @Test
    void followsExactGnssWithoutLag() {
        List<StepRecord> steps = drive(0, 0, 1);
        double[][] belief = Localisation.track(steps);

        for (int i = 0; i < steps.size(); i++) {
            assertThat(steps.get(i).truth().pose().distanceTo(belief[i][0], belief[i][1]))
                    .as("record %d", i)
                    .isLessThan(0.2);
        }
    }

    @Test
    void deadReckonsThroughADropoutFromItsOdometry() {
        List<StepRecord> steps = drive(0, 1, 1);

        double[][] belief = Localisation.track(steps);

        var end = steps.getLast().truth().pose();
        assertThat(end.distanceTo(belief[steps.size() - 1][0], belief[steps.size() - 1][1]))
                .as("after %d records without a fix", steps.size() - 1)
                .isLessThan(1.0);
    }
}
