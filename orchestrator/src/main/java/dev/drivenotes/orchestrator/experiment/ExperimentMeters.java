package dev.drivenotes.orchestrator.experiment;

import dev.drivenotes.model.experiment.ExperimentStatus;
import dev.drivenotes.model.sim.Termination;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The orchestrator's counters: {@value #EXPERIMENTS} (experiments entering a status, tag {@code
 * status}) and {@value #EPISODES} (episodes finished, tag {@code outcome}: how they ended).
 */
final class ExperimentMeters {

    static final String EXPERIMENTS = "drivenotes.experiments";
    static final String EPISODES = "drivenotes.episodes";

    private final MeterRegistry meters;

    ExperimentMeters(MeterRegistry meters) {
        this.meters = meters;
        // every status from the start: a dashboard shows 0 failed runs, not "no data"
        for (ExperimentStatus status : ExperimentStatus.values()) {
            experiments(status);
        }
    }

    void entered(ExperimentStatus status) {
        experiments(status).increment();
    }

    void episodeEnded(Termination outcome) {
        Counter.builder(EPISODES)
                .tag("outcome", outcome.name())
                .description("episodes finished, by how they ended")
                .register(meters)
                .increment();
    }

    private Counter experiments(ExperimentStatus status) {
        return Counter.builder(EXPERIMENTS)
                .tag("status", status.name())
                .description("experiments entering a status")
                .register(meters);
    }
}
