package dev.drivenotes.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * What {@code bench e2e} reads from the services' meters at one moment; two readings, one before
 * and one after the experiment, give the run's figures ({@link #minus}). Times are in nanoseconds,
 * summed over every series of a meter (the predict timer has one per policy).
 *
 * @param simulationSteps carla-runner's {@value #SIMULATION_STEPS}
 * @param simulationNanos carla-runner's own time in step calls ({@value #SIMULATION_STEP})
 * @param inferenceNanos dreamer-service's own time in predict calls ({@value #PREDICT})
 * @param driveNanos the runner driving episodes ({@value #DRIVE})
 * @param ticks closed-loop ticks ({@value #TICK})
 * @param tickNanos time in those ticks
 * @param predictCallNanos the runner's predict calls, client side ({@value #PREDICT_CALL})
 * @param stepPhaseNanos the ticks' step phases, client side ({@value #STEP_PHASE})
 * @param stepCallNanos every step call, client side ({@value #STEP_CALL}); calls overlap
 * @param recordingNanos storing and announcing finished episodes ({@value #RECORDING})
 * @param tickBucketsNanos upper bounds of the tick histogram's buckets
 * @param tickBucketCounts ticks at or under each bound (cumulative)
 */
record E2eMeterTotals(
        double simulationSteps,
        double simulationNanos,
        double inferenceNanos,
        double driveNanos,
        long ticks,
        double tickNanos,
        double predictCallNanos,
        double stepPhaseNanos,
        double stepCallNanos,
        double recordingNanos,
        double[] tickBucketsNanos,
        double[] tickBucketCounts) {

    /** carla-runner's counter and timer (SimulationController). */
    static final String SIMULATION_STEPS = "drivenotes.simulation.steps";

    static final String SIMULATION_STEP = "drivenotes.simulation.step.latency";

    /** dreamer-service's timer (PredictController). */
    static final String PREDICT = "drivenotes.predict.latency";

    /** The runner's closed-loop timers (carla-runner's ClosedLoopMeters). */
    static final String DRIVE = "drivenotes.closedloop.drive";

    static final String TICK = "drivenotes.closedloop.tick";
    static final String PREDICT_CALL = "drivenotes.closedloop.predict.call";
    static final String STEP_PHASE = "drivenotes.closedloop.step.phase";
    static final String STEP_CALL = "drivenotes.closedloop.step.call";
    static final String RECORDING = "drivenotes.closedloop.recording";

    E2eMeterTotals {
        if (tickBucketsNanos.length != tickBucketCounts.length) {
            throw new IllegalArgumentException(
                    "tick histogram: " + tickBucketsNanos.length + " bounds, " + tickBucketCounts.length + " counts");
        }
        tickBucketsNanos = tickBucketsNanos.clone();
        tickBucketCounts = tickBucketCounts.clone();
    }

    /** Reads the suite's meters now. */
    static E2eMeterTotals read(Suite suite) {
        MeterRegistry carla = suite.meters(SuiteService.CARLA_RUNNER);
        Timer tick = carla.get(TICK).timer();
        CountAtBucket[] buckets = tick.takeSnapshot().histogramCounts();
        return new E2eMeterTotals(
                carla.get(SIMULATION_STEPS).counters().stream()
                        .mapToDouble(c -> c.count())
                        .sum(),
                nanos(carla, SIMULATION_STEP),
                nanos(suite.meters(SuiteService.DREAMER_SERVICE), PREDICT),
                nanos(carla, DRIVE),
                tick.count(),
                tick.totalTime(TimeUnit.NANOSECONDS),
                nanos(carla, PREDICT_CALL),
                nanos(carla, STEP_PHASE),
                nanos(carla, STEP_CALL),
                nanos(carla, RECORDING),
                Arrays.stream(buckets)
                        .mapToDouble(b -> b.bucket(TimeUnit.NANOSECONDS))
                        .toArray(),
                Arrays.stream(buckets).mapToDouble(CountAtBucket::count).toArray());
    }

    /** Total time of every timer named {@code name} (0 when none was registered yet). */
    private static double nanos(MeterRegistry registry, String name) {
        return registry.find(name).timers().stream()
                .mapToDouble(t -> t.totalTime(TimeUnit.NANOSECONDS))
                .sum();
    }

    /** What happened between {@code earlier} and this reading. */
    E2eMeterTotals minus(E2eMeterTotals earlier) {
        if (!Arrays.equals(tickBucketsNanos, earlier.tickBucketsNanos)) {
            throw new IllegalStateException("the tick histogram's buckets changed between two readings");
        }
        double[] counts = new double[tickBucketCounts.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = tickBucketCounts[i] - earlier.tickBucketCounts[i];
        }
        return new E2eMeterTotals(
                simulationSteps - earlier.simulationSteps,
                simulationNanos - earlier.simulationNanos,
                inferenceNanos - earlier.inferenceNanos,
                driveNanos - earlier.driveNanos,
                ticks - earlier.ticks,
                tickNanos - earlier.tickNanos,
                predictCallNanos - earlier.predictCallNanos,
                stepPhaseNanos - earlier.stepPhaseNanos,
                stepCallNanos - earlier.stepCallNanos,
                recordingNanos - earlier.recordingNanos,
                tickBucketsNanos,
                counts);
    }

    /**
     * The tick latency at quantile {@code q} (0..1], in milliseconds: the upper bound of the first
     * histogram bucket that holds that share of the ticks (Micrometer's percentile buckets, each
     * about a third above the one before); NaN without ticks.
     */
    double tickQuantileMs(double q) {
        if (ticks == 0) {
            return Double.NaN;
        }
        double wanted = q * ticks;
        for (int i = 0; i < tickBucketCounts.length; i++) {
            if (tickBucketCounts[i] >= wanted) {
                return tickBucketsNanos[i] / 1e6;
            }
        }
        // beyond the histogram's last bound: that bound is all the meters know
        return tickBucketsNanos.length == 0 ? Double.NaN : tickBucketsNanos[tickBucketsNanos.length - 1] / 1e6;
    }
}
