package dev.drivenotes.reporter.store;

import dev.drivenotes.model.Require;
import dev.drivenotes.model.experiment.ExperimentStatus;

/**
 * An experiment as the sink knows it.
 *
 * @param experimentId id
 * @param name config name, null when only a failure was recorded
 * @param map map reference, null when only a failure was recorded
 * @param agent agent name, null when only a failure was recorded
 * @param status RUNNING, COMPLETED, FAILED or CANCELLED
 */
public record ExperimentRecord(String experimentId, String name, String map, String agent, ExperimentStatus status) {
    public ExperimentRecord {
        Require.notBlank("experimentId", experimentId);
        Require.notNull("status", status);
    }
}
