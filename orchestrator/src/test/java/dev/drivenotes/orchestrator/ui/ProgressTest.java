package dev.drivenotes.orchestrator.ui;

import static dev.drivenotes.model.testing.EpisodeSummaryBuilder.episode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.EpisodeRequested;
import dev.drivenotes.model.event.RunnerProgress;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.orchestrator.clients.ReporterClient;
import dev.drivenotes.orchestrator.clients.ReporterClient.NoteTally;
import dev.drivenotes.orchestrator.episode.FakeServices;
import dev.drivenotes.orchestrator.experiment.Experiment;
import dev.drivenotes.orchestrator.experiment.ExperimentService;
import dev.drivenotes.orchestrator.experiment.LocalExperimentServices;
import dev.drivenotes.orchestrator.experiment.LocalExperimentStore;
import dev.drivenotes.platform.PlatformProperties;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.client.RestClient;

/** What the dashboard's progress stream says about an experiment, sampled without a Spring context. */
class ProgressTest {

    @TempDir
    Path data;

    @Test
    void measuresStepsPerSecondFromTheRunnersAnnouncementsWhileTheExperimentRunsAndNotAfter() throws Exception {
        try (FakeServices carlaRunner = new FakeServices();
                FakeServices reporterWithoutNotes = new FakeServices()) {
            ExperimentService service = LocalExperimentServices.on(
                    new LocalExperimentStore(data.resolve("experiments")),
                    carlaRunner,
                    data,
                    e -> CompletableFuture.completedFuture(null));
            AtomicLong nanos = new AtomicLong();
            ProgressSampler sampler = new ProgressSampler(service, reporterAt(reporterWithoutNotes.uri()), nanos::get);
            try {
                Experiment experiment = service.submit(ExperimentConfig.of("live", 1));
                String id = experiment.id();
                assertThat(service.stepsDriven(id))
                        .as("no runner announced anything yet")
                        .isEqualTo(-1);
                service.progressed(new RunnerProgress(id, "runner-1", 40));

                LiveProgress first = sampler.sample(id);
                nanos.addAndGet(2_000_000_000L);
                service.progressed(new RunnerProgress(id, "runner-1", 100));
                service.progressed(new RunnerProgress(id, "runner-2", 20));
                // a late announcement of fewer steps does not take progress back
                service.progressed(new RunnerProgress(id, "runner-1", 90));
                LiveProgress second = sampler.sample(id);

                assertThat(first.live()).isTrue();
                assertThat(first.stepsPerSecond()).as("no previous sample").isNull();
                assertThat(second.stepsPerSecond())
                        .as("80 steps by two runners in 2 s")
                        .isEqualTo(40.0);
                assertThat(service.stepsDriven(id)).isEqualTo(120);
                assertThat(second.accuracyText()).isEqualTo("no notes yet");

                service.episodeCompleted(new EpisodeCompleted(
                        id,
                        "default-town",
                        "file:///t/0",
                        episode(EpisodeRequested.episodeId(id, 0), 0).build(),
                        null));
                service.progressed(new RunnerProgress(id, "runner-1", 130));

                assertThat(service.get(id).status().terminal()).isTrue();
                assertThat(service.stepsDriven(id)).isEqualTo(-1);
                assertThat(sampler.sample(id).stepsPerSecond()).isNull();
            } finally {
                service.destroy();
            }
        }
    }

    @Test
    void rateIsStepsOverElapsedSecondsAndUnknownAfterARestart() {
        assertThat(ProgressSampler.rate(100, 0, 400, 2_000_000_000L)).isEqualTo(150.0);
        assertThat(ProgressSampler.rate(400, 0, 100, 2_000_000_000L)).isNull();
        assertThat(ProgressSampler.rate(100, 5, 200, 5)).isNull();
    }

    @Test
    void accuracyIsTheShareOfNotesWithAllThreeFieldsRightAndNeverAFakeZero() {
        assertThat(ProgressSampler.LiveAccuracy.of(Optional.of(new NoteTally(12, 9)), true)
                        .text())
                .isEqualTo("75 % of 12 notes");
        assertThat(ProgressSampler.LiveAccuracy.of(Optional.of(new NoteTally(0, 0)), true))
                .satisfies(a -> assertThat(a.accuracy()).isNull())
                .satisfies(a -> assertThat(a.text()).isEqualTo("no notes yet"));
        assertThat(ProgressSampler.LiveAccuracy.of(Optional.empty(), false).text())
                .isEqualTo("no notes");
        assertThatThrownBy(() -> new NoteTally(2, 3)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void followsAtMostAHundredWellFormedIds() {
        assertThat(ProgressStream.parse("exp-1,exp-2,exp-1")).containsExactly("exp-1", "exp-2");
        assertThatThrownBy(() -> ProgressStream.parse("exp-1,../x"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("ids"));
        String many =
                String.join(",", IntStream.range(0, 101).mapToObj(i -> "e" + i).toList());
        assertThatThrownBy(() -> ProgressStream.parse(many))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("ids"));
    }

    private static ReporterClient reporterAt(URI services) {
        return new ReporterClient(
                RestClient.builder(),
                new PlatformProperties(
                        Path.of("."), new PlatformProperties.Services(services, services, services, services)));
    }
}
