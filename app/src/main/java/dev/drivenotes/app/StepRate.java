package dev.drivenotes.app;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Simulation steps per second, from carla-runner's {@code drivenotes_simulation_steps_total} at
 * {@code /actuator/prometheus}: the rate between two reads. Unknown (NaN) until two reads
 * succeeded or when carla-runner does not answer.
 */
final class StepRate {

    static final String COUNTER = "drivenotes_simulation_steps_total";

    private final LocalApi api;
    private final URI prometheus;
    private double lastSteps = Double.NaN;
    private long lastNanos;

    /** @param carlaRunner its base URL; null when not known (the rate stays unknown) */
    StepRate(LocalApi api, URI carlaRunner) {
        this.api = api;
        this.prometheus = carlaRunner == null ? null : carlaRunner.resolve("/actuator/prometheus");
    }

    double read() {
        if (prometheus == null) {
            return Double.NaN;
        }
        double steps;
        try {
            steps = steps(new String(api.getBytes(prometheus), StandardCharsets.UTF_8));
        } catch (RuntimeException unavailable) {
            // progress goes on without the rate; the run itself does not depend on it
            return Double.NaN;
        }
        long now = System.nanoTime();
        double rate = Double.isNaN(lastSteps) ? Double.NaN : (steps - lastSteps) / ((now - lastNanos) / 1e9);
        lastSteps = steps;
        lastNanos = now;
        return rate;
    }

    /** The counter's total over its series in Prometheus' text format (0 when absent). */
    static double steps(String scrape) {
        return scrape.lines()
                .filter(l -> l.startsWith(COUNTER + "{") || l.startsWith(COUNTER + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
