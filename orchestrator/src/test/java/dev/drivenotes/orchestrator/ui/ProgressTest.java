package dev.drivenotes.orchestrator.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.model.InvalidInputException;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
    void measuresStepsPerSecondWhileTheExperimentIsDrivenAndNotAfter() throws Exception {
        CountDownLatch atStepFive = new CountDownLatch(1);
        CountDownLatch sampled = new CountDownLatch(1);
        // the reporter apart: the fake simulator answers nothing while it holds a step
        try (FakeServices fake = new FakeServices();
                FakeServices reporterWithoutNotes = new FakeServices()) {
            fake.onStep = (simulationId, step) -> {
                if (step == 5) {
                    atStepFive.countDown();
                    await(sampled);
                }
            };
            ExperimentService service = LocalExperimentServices.on(
                    new LocalExperimentStore(data.resolve("experiments")),
                    fake,
                    data,
                    e -> CompletableFuture.completedFuture(null));
            AtomicLong nanos = new AtomicLong();
            ProgressSampler sampler = new ProgressSampler(service, reporterAt(reporterWithoutNotes.uri()), nanos::get);
            try {
                Experiment experiment = service.submit(ExperimentConfig.of("live", 1));
                assertThat(atStepFive.await(30, TimeUnit.SECONDS)).isTrue();

                LiveProgress first = sampler.sample(experiment.id());
                nanos.addAndGet(2_000_000_000L);
                LiveProgress second = sampler.sample(experiment.id());
                sampled.countDown();

                assertThat(first.live()).isTrue();
                assertThat(first.stepsPerSecond()).as("no previous sample").isNull();
                assertThat(second.stepsPerSecond())
                        .as("the step is held: nothing driven between samples")
                        .isZero();
                assertThat(service.stepsDriven(experiment.id())).isPositive();
                assertThat(second.accuracyText()).isEqualTo("no notes yet");
                waitUntilFinished(service, experiment.id());
                assertThat(service.stepsDriven(experiment.id())).isEqualTo(-1);
                assertThat(sampler.sample(experiment.id()).stepsPerSecond()).isNull();
            } finally {
                sampled.countDown();
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

    private static void waitUntilFinished(ExperimentService service, String id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!service.get(id).status().terminal() || service.stepsDriven(id) >= 0) {
            assertThat(System.nanoTime()).as("experiment %s finishes", id).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while holding a step", e);
        }
    }
}
