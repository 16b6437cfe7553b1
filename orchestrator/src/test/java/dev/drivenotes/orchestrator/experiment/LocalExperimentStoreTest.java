package dev.drivenotes.orchestrator.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.event.ExperimentCompleted;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.ExperimentStatus;
import dev.drivenotes.model.testing.EpisodeSummaryBuilder;
import dev.drivenotes.platform.web.NotFoundException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalExperimentStoreTest {

    @TempDir
    Path folder;

    private static final Instant T0 = Instant.parse("2026-11-24T06:00:00Z");

    private static EpisodeCompleted episode(String experimentId, int index) {
        EpisodeSummary summary = EpisodeSummaryBuilder.episode("e-" + index, index)
                .seed(index)
                .steps(50)
                .meanSpeedMps(5)
                .route("A", "B", 100)
                .build();
        return new EpisodeCompleted(experimentId, "default-town", "file:///trajectories/e-" + index, summary, null);
    }

    @Test
    void keepsStateAcrossRestartsSoRunsCanResume() {
        LocalExperimentStore store = new LocalExperimentStore(folder);
        store.create(Experiment.accepted("exp-a", ExperimentConfig.of("daily", 3), T0));
        store.update("exp-a", e -> e.running(T0.plusSeconds(1)));
        store.update("exp-a", e -> e.withEpisode(episode("exp-a", 0), T0.plusSeconds(2)));

        LocalExperimentStore reopened = new LocalExperimentStore(folder);

        Experiment back = reopened.find("exp-a").orElseThrow();
        assertThat(back.status()).isEqualTo(ExperimentStatus.RUNNING);
        assertThat(back.episodeDone(0)).isTrue();
        assertThat(back.episodeDone(1)).isFalse();
        assertThat(back.config()).isEqualTo(ExperimentConfig.of("daily", 3));
    }

    @Test
    void recordsAnEpisodeOnceEvenWhenReportedTwice() {
        LocalExperimentStore store = new LocalExperimentStore(folder);
        store.create(Experiment.accepted("exp-b", ExperimentConfig.of("daily", 2), T0));
        store.update("exp-b", e -> e.withEpisode(episode("exp-b", 1), T0));
        Experiment after = store.update("exp-b", e -> e.withEpisode(episode("exp-b", 1), T0));
        assertThat(after.episodes()).hasSize(1);
        assertThat(after.view().episodesCompleted()).isEqualTo(1);
    }

    @Test
    void createsAnIdOnceAndRefusesUnknownUpdates() {
        LocalExperimentStore store = new LocalExperimentStore(folder);
        assertThat(store.create(Experiment.accepted("exp-c", ExperimentConfig.of("daily", 1), T0)))
                .isTrue();
        assertThat(store.create(Experiment.accepted("exp-c", ExperimentConfig.of("x", 1), T0)))
                .isFalse();
        assertThat(store.find("exp-c").orElseThrow().config().name()).isEqualTo("daily");
        assertThatThrownBy(() -> store.update("nope", e -> e)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void keepsEachStateChangesEventInTheOutboxWithItUntilPublished() {
        LocalExperimentStore store = new LocalExperimentStore(folder);
        store.create(Experiment.accepted("exp-o", ExperimentConfig.of("daily", 1), T0));
        // the last episode recorded completes the experiment in the same write
        store.update("exp-o", e -> e.running(T0).withEpisode(episode("exp-o", 0), T0.plusSeconds(5)));

        Experiment reopened = new LocalExperimentStore(folder).find("exp-o").orElseThrow();
        assertThat(reopened.outbox())
                .extracting(EventEnvelope::type)
                .containsExactly("ExperimentStarted", "EpisodeRequested", "ExperimentCompleted");
        ExperimentCompleted completed =
                (ExperimentCompleted) reopened.outbox().getLast().payload();
        assertThat(completed.episodes()).isEqualTo(reopened.episodes());

        List<String> firstTwo =
                reopened.outbox().stream().limit(2).map(EventEnvelope::eventId).toList();
        Experiment after = store.update("exp-o", e -> e.published(firstTwo));
        assertThat(after.outbox()).extracting(EventEnvelope::type).containsExactly("ExperimentCompleted");
        assertThat(after.updatedAt()).as("publishing is no lifecycle change").isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void terminalExperimentsCannotRestart() {
        Experiment done = Experiment.accepted("exp-d", ExperimentConfig.of("x", 1), T0)
                .running(T0)
                .completed(List.of(), T0);
        assertThatThrownBy(() -> done.running(T0)).isInstanceOf(IllegalStateException.class);
        assertThat(done.failed("late", T0)).isSameAs(done);
    }
}
