package dev.drivenotes.orchestrator.schedule;

import dev.drivenotes.orchestrator.experiment.ExperimentStore;
import dev.drivenotes.orchestrator.experiment.LocalExperimentStore;
import java.nio.file.Path;

/** {@link ScheduleTriggerScenarios} on the local stores. */
class LocalScheduleTriggerTest extends ScheduleTriggerScenarios {

    @Override
    protected ExperimentStore experimentStore(Path data) {
        return new LocalExperimentStore(data.resolve("experiments"));
    }

    @Override
    protected ScheduleRuns scheduleRuns(Path data) {
        return new LocalScheduleRuns(data.resolve("schedule-runs"));
    }
}
