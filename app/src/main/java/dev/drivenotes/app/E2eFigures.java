package dev.drivenotes.app;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one {@code bench e2e} run, from the meters' change over the run ({@link
 * E2eMeterTotals}) and the run's wall time (experiment submitted until its report exists). The
 * shares split that wall time into hops that do not overlap:
 *
 * <ul>
 *   <li>simulation: the ticks' step phases (every episode in flight stepped in parallel), times the
 *       part of a step call spent inside carla-runner (its own step time over the client-side call
 *       time, summed over calls);
 *   <li>inference: dreamer-service's own predict time (one batched call per tick, so not
 *       overlapping);
 *   <li>transport: the rest of the predict calls and step phases (HTTP, encoding, decoding);
 *   <li>recording: storing each finished episode's trajectory and announcing it;
 *   <li>orchestration: the rest of driving (creating and deleting simulations, building each
 *       tick's request);
 *   <li>reporting: the wall time outside driving (accepting the experiment, then the reporter's
 *       handling until the report exists).
 * </ul>
 *
 * @param wallSeconds experiment submitted until its report exists
 * @param startupSeconds the suite started until every service is ready
 */
record E2eFigures(E2eMeterTotals run, double wallSeconds, double startupSeconds) {

    E2eFigures {
        if (!(wallSeconds > 0) || !(startupSeconds >= 0)) {
            throw new IllegalArgumentException("wall time must be positive and start-up time not negative (were "
                    + wallSeconds + ", " + startupSeconds + ")");
        }
    }

    /** Environment steps driven over the time spent driving them. */
    double closedLoopStepsPerSecond() {
        return run.driveNanos() > 0 ? run.simulationSteps() / (run.driveNanos() / 1e9) : 0;
    }

    double drivingSeconds() {
        return run.driveNanos() / 1e9;
    }

    /** Each hop's share of the wall time, in the order of the class comment; they sum to 1. */
    Map<String, Double> shares() {
        double wall = wallSeconds * 1e9;
        double callFraction = run.stepCallNanos() > 0 ? Math.min(1, run.simulationNanos() / run.stepCallNanos()) : 0;
        double simulation = run.stepPhaseNanos() * callFraction;
        double inference = Math.min(run.inferenceNanos(), run.predictCallNanos());
        double transport = (run.predictCallNanos() - inference) + (run.stepPhaseNanos() - simulation);
        double recording = run.recordingNanos();
        double orchestration = Math.max(0, run.driveNanos() - run.tickNanos() - recording)
                + Math.max(0, run.tickNanos() - run.predictCallNanos() - run.stepPhaseNanos());
        double reporting = Math.max(0, wall - run.driveNanos());
        Map<String, Double> shares = new LinkedHashMap<>();
        shares.put("simulation", simulation / wall);
        shares.put("inference", inference / wall);
        shares.put("transport", transport / wall);
        shares.put("recording", recording / wall);
        shares.put("orchestration", orchestration / wall);
        shares.put("reporting", reporting / wall);
        return shares;
    }

    /**
     * The parts of a mean tick, in milliseconds: the batched predict call (client side) and
     * dreamer-service's own part of it, the step phase (every episode in flight stepped, joined) and
     * the simulators' own step time summed over the tick's steps (steps run in parallel, so that sum
     * may exceed the phase). Empty without ticks.
     */
    Map<String, Double> perTickMs() {
        Map<String, Double> parts = new LinkedHashMap<>();
        if (run.ticks() == 0) {
            return parts;
        }
        double perTick = run.ticks() * 1e6;
        parts.put("predictCall", run.predictCallNanos() / perTick);
        parts.put("inference", run.inferenceNanos() / perTick);
        parts.put("stepPhase", run.stepPhaseNanos() / perTick);
        parts.put("simulationSteps", run.simulationNanos() / perTick);
        return parts;
    }

    /** Every figure, by its JSON key. */
    Map<String, Object> asMap() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("closedLoopStepsPerSecond", closedLoopStepsPerSecond());
        figures.put("stepLatencyP50Ms", run.tickQuantileMs(0.5));
        figures.put("stepLatencyP99Ms", run.tickQuantileMs(0.99));
        figures.put("shares", shares());
        figures.put("perTickMs", perTickMs());
        figures.put("startupSeconds", startupSeconds);
        figures.put("steps", Math.round(run.simulationSteps()));
        figures.put("ticks", run.ticks());
        figures.put("drivingSeconds", drivingSeconds());
        figures.put("wallSeconds", wallSeconds);
        return figures;
    }
}
