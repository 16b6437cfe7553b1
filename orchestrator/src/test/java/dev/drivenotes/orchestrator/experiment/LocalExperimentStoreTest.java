package dev.drivenotes.orchestrator.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.ExperimentStatus;
import dev.drivenotes.model.testing.EpisodeSummaryBuilder;
import dev.drivenotes.platform.web.NotFoundException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalExperimentStoreTest {

    @TempDir
    Path folder;

    private static final Instant T0 = Instant.parse("2026-11-24T06:00:00Z");

    private static EpisodeSummary episode(int index) {
        return EpisodeSummaryBuilder.episode("e-" + index, index)
                .seed(index)
                .steps(50)
                .meanSpeedMps(5)
                .route("A", "B", 100)
                .build();
    }

    @Test
    void keepsStateAcrossRestartsSoRunsCanResume() {
        LocalExperimentStore store = new LocalExperimentStore(folder);
        store.create(Experiment.accepted("exp-a", ExperimentConfig.of("daily", 3), T0));
        store.update("exp-a", e -> e.running(T0.plusSeconds(1)));
        store.update("exp-a", e -> e.withEpisode(episode(0), T0.plusSeconds(2)));

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
        store.update("exp-b", e -> e.withEpisode(episode(1), T0));
        Experiment after = store.update("exp-b", e -> e.withEpisode(episode(1), T0));
        assertThat(after.episodes()).hasSize(1);
        assertThat(after.view().episodesCompleted()).isEqualTo(1);
    }

    @Test
    void refusesDuplicateIdsAndUnknownUpdates() {
        LocalExperimentStore store = new LocalExperimentStore(folder);
        store.create(Experiment.accepted("exp-c", ExperimentConfig.of("daily", 1), T0));
        assertThatThrownBy(() -> store.create(Experiment.accepted("exp-c", ExperimentConfig.of("x", 1), T0)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.update("nope", e -> e)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void terminalExperimentsCannotRestart() {
        Experiment done = Experiment.accepted("exp-d", ExperimentConfig.of("x", 1), T0)
                .running(T0)
                .completed(T0);
        assertThatThrownBy(() -> done.running(T0)).isInstanceOf(IllegalStateException.class);
        assertThat(done.failed("late", T0)).isSameAs(done);
    }
}
