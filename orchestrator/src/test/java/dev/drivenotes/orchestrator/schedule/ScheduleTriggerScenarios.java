package dev.drivenotes.orchestrator.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.orchestrator.episode.FakeServices;
import dev.drivenotes.orchestrator.experiment.Experiment;
import dev.drivenotes.orchestrator.experiment.ExperimentService;
import dev.drivenotes.orchestrator.experiment.ExperimentStore;
import dev.drivenotes.orchestrator.experiment.LocalExperimentServices;
import dev.drivenotes.platform.web.ConflictException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daily trigger under crashes, against real stores (a local folder, or Firestore in the
 * emulator): a claim is a lease a retry takes over, its old holder is fenced off, and one (name,
 * date) never gets two experiments.
 */
public abstract class ScheduleTriggerScenarios {

    private static final Instant MORNING = Instant.parse("2026-11-24T06:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    @TempDir
    Path data;

    private FakeServices fake;
    private ExperimentStore store;
    private ExperimentService experiments;
    private ScheduleRuns runs;
    /** A fresh schedule name per test, so that tests sharing one emulator never meet. */
    private final String name = "daily-" + UUID.randomUUID().toString().substring(0, 8);

    protected abstract ExperimentStore experimentStore(Path data);

    protected abstract ScheduleRuns scheduleRuns(Path data);

    @BeforeEach
    void start() throws Exception {
        fake = new FakeServices();
        store = experimentStore(data);
        runs = scheduleRuns(data);
        experiments = LocalExperimentServices.on(store, fake, data, e -> CompletableFuture.completedFuture(null));
    }

    @AfterEach
    void stop() throws Exception {
        experiments.destroy();
        fake.close();
    }

    private ScheduleService at(Instant now, ScheduleRuns slots) {
        return new ScheduleService(
                new ScheduleProperties(Map.of(name, ExperimentConfig.of(name, 1)), null, null),
                slots,
                experiments,
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private long experimentsOfTheDay() {
        return store.all().stream()
                .map(Experiment::id)
                .filter(id -> id.equals(ScheduleRun.experimentIdFor(name, DAY)))
                .count();
    }

    @Test
    void aRetryAfterACrashBeforeBindingTakesTheLeaseOverAndFindsTheSameExperiment() {
        AtomicBoolean dies = new AtomicBoolean(true);
        ScheduleRuns dyingOnBind = new ScheduleRuns() {
            @Override
            public Claim claim(String n, LocalDate date, Instant now, Duration lease) {
                return runs.claim(n, date, now, lease);
            }

            @Override
            public ScheduleRun started(ScheduleRun claimed, String experimentId) {
                if (dies.getAndSet(false)) {
                    throw new IllegalStateException("the process died before binding");
                }
                return runs.started(claimed, experimentId);
            }

            @Override
            public void release(ScheduleRun claimed) {
                runs.release(claimed);
            }
        };

        assertThatThrownBy(() -> at(MORNING, dyingOnBind).trigger(name)).hasMessageContaining("died");
        assertThatThrownBy(() -> at(MORNING.plusSeconds(30), dyingOnBind).trigger(name))
                .as("within the lease a retry is told to come back")
                .isInstanceOf(ConflictException.class);
        ScheduleService.Triggered retry =
                at(MORNING.plusSeconds(60), dyingOnBind).trigger(name);
        ScheduleService.Triggered later =
                at(MORNING.plusSeconds(180), dyingOnBind).trigger(name);

        assertThat(retry.run().experimentId()).isEqualTo(ScheduleRun.experimentIdFor(name, DAY));
        assertThat(retry.started()).as("the experiment existed already").isFalse();
        assertThat(later.run()).isEqualTo(retry.run());
        assertThat(experimentsOfTheDay()).isEqualTo(1);
    }

    @Test
    void aHolderWhoseLeaseWasTakenOverCanNeitherBindNorReleaseAndStartsNoSecondExperiment() {
        ScheduleRuns.Claim stale = runs.claim(name, DAY, MORNING, ScheduleService.CLAIM_LEASE);
        assertThat(stale.won()).isTrue();

        ScheduleService.Triggered takeover = at(MORNING.plusSeconds(60), runs).trigger(name);
        assertThat(takeover.started()).isTrue();
        assertThat(takeover.run().claimId()).isNotEqualTo(stale.run().claimId());

        // the old holder wakes up: its experiment is the day's one, its claim is no longer the slot's
        ExperimentService.Submitted late = experiments.submitOnce(
                ScheduleRun.experimentIdFor(name, DAY), ScheduleService.forDate(ExperimentConfig.of(name, 1), DAY));
        assertThat(late.created()).isFalse();
        assertThatThrownBy(() -> runs.started(stale.run(), "exp-of-the-old-holder"))
                .isInstanceOf(ScheduleRuns.ClaimLostException.class);
        runs.release(stale.run());

        ScheduleRuns.Claim after = runs.claim(name, DAY, MORNING.plusSeconds(3600), ScheduleService.CLAIM_LEASE);
        assertThat(after.won()).isFalse();
        assertThat(after.run()).isEqualTo(takeover.run());
        assertThat(experimentsOfTheDay()).isEqualTo(1);
    }

    @Test
    void aClaimWithinItsLeaseBlocksAndABoundSlotIsNeverTakenOver() {
        ScheduleRuns.Claim first = runs.claim(name, DAY, MORNING, ScheduleService.CLAIM_LEASE);
        ScheduleRuns.Claim during = runs.claim(name, DAY, MORNING.plusSeconds(44), ScheduleService.CLAIM_LEASE);
        ScheduleRun bound = runs.started(first.run(), "exp-1");
        ScheduleRuns.Claim muchLater = runs.claim(name, DAY, MORNING.plusSeconds(7200), ScheduleService.CLAIM_LEASE);

        assertThat(first.won()).isTrue();
        assertThat(during.won()).isFalse();
        assertThat(during.run().experimentId()).isNull();
        assertThat(muchLater.won()).isFalse();
        assertThat(muchLater.run()).isEqualTo(bound);
    }

    @Test
    void aReleasedClaimCanBeClaimedAtOnce() {
        ScheduleRuns.Claim first = runs.claim(name, DAY, MORNING, ScheduleService.CLAIM_LEASE);
        runs.release(first.run());

        ScheduleRuns.Claim again = runs.claim(name, DAY, MORNING.plusSeconds(1), ScheduleService.CLAIM_LEASE);

        assertThat(again.won()).isTrue();
        assertThat(again.run().claimId()).isNotEqualTo(first.run().claimId());
    }
}
