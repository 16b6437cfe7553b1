package dev.drivenotes.orchestrator.state.firestore;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import dev.drivenotes.orchestrator.experiment.ExperimentStore;
import dev.drivenotes.orchestrator.schedule.ScheduleRuns;
import dev.drivenotes.orchestrator.schedule.ScheduleTriggerScenarios;
import dev.drivenotes.platform.gcp.emulator.EmulatorProcess;
import dev.drivenotes.platform.gcp.testing.FirestoreEmulatorExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link ScheduleTriggerScenarios} on Firestore (the emulator): claims and experiments in transactions. */
@ExtendWith(FirestoreEmulatorExtension.class)
class FirestoreScheduleTriggerTest extends ScheduleTriggerScenarios {

    private static Firestore firestore;

    @BeforeAll
    static void connect(EmulatorProcess emulator) {
        firestore = FirestoreOptions.newBuilder()
                .setProjectId("drivenotes-test")
                .setEmulatorHost(emulator.hostPort())
                .build()
                .getService();
    }

    @AfterAll
    static void disconnect() throws Exception {
        if (firestore != null) {
            firestore.close();
        }
    }

    @Override
    protected ExperimentStore experimentStore(Path data) {
        return new FirestoreExperimentStore(firestore);
    }

    @Override
    protected ScheduleRuns scheduleRuns(Path data) {
        return new FirestoreScheduleRuns(firestore);
    }
}
