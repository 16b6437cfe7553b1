package dev.drivenotes.orchestrator.state.firestore;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import dev.drivenotes.orchestrator.experiment.ExperimentStore;
import dev.drivenotes.orchestrator.schedule.ScheduleRuns;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

/**
 * Profile {@code gcp}: orchestrator state (experiments, schedule slots) in Firestore. The client
 * reads project and credentials from the environment; {@code FIRESTORE_EMULATOR_HOST} points it
 * at the emulator.
 */
@Configuration(proxyBeanMethods = false)
@Profile("gcp")
class FirestoreStateConfiguration {

    @Bean(destroyMethod = "close")
    Firestore firestore(@Value("${drivenotes.gcp.firestore.database:(default)}") String database) {
        return FirestoreOptions.newBuilder().setDatabaseId(database).build().getService();
    }

    @Bean
    @Primary
    ExperimentStore firestoreExperimentStore(Firestore firestore) {
        return new FirestoreExperimentStore(firestore);
    }

    @Bean
    ScheduleRuns firestoreScheduleRuns(Firestore firestore) {
        return new FirestoreScheduleRuns(firestore);
    }
}
