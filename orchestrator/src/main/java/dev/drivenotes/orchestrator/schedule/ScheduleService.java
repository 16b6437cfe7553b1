package dev.drivenotes.orchestrator.schedule;

import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.orchestrator.experiment.ExperimentService;
import dev.drivenotes.platform.web.ConflictException;
import dev.drivenotes.platform.web.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs a named schedule for today (UTC) at most once. A trigger claims the (name, date) slot under
 * a lease of {@link #CLAIM_LEASE}, creates the slot's experiment under its deterministic id ({@link
 * ScheduleRun#experimentIdFor}) and binds it to the slot. A retried or duplicated trigger gets the
 * same run back; one that finds a claim whose holder died before binding (its lease ran out) takes
 * it over, and since the experiment id is the same for every trigger of the day, creating it again
 * returns the one that exists: never two experiments for one (name, date).
 */
@Service
public class ScheduleService {

    /**
     * How long a claim without an experiment blocks other triggers. Shorter than Cloud Scheduler's
     * first retry back-off (terraform/scheduler.tf, checked by {@code TerraformCrossCheckTest}), so
     * the retry after a crash finds the lease run out and takes the claim over.
     */
    public static final Duration CLAIM_LEASE = Duration.ofSeconds(45);

    private static final Logger log = LoggerFactory.getLogger(ScheduleService.class);

    private final ScheduleProperties properties;
    private final ScheduleRuns runs;
    private final ExperimentService experiments;
    private final Clock clock;

    public ScheduleService(
            ScheduleProperties properties, ScheduleRuns runs, ExperimentService experiments, Clock clock) {
        this.properties = properties;
        this.runs = runs;
        this.experiments = experiments;
        this.clock = clock;
    }

    /** What a trigger did: {@code started} is true when this call created the day's experiment. */
    public record Triggered(ScheduleRun run, boolean started) {}

    public Triggered trigger(String name) {
        ExperimentConfig definition = properties.definitions().get(name);
        if (definition == null) {
            throw new NotFoundException("schedule", name);
        }
        Instant now = clock.instant();
        LocalDate date = LocalDate.ofInstant(now, ZoneOffset.UTC);
        ScheduleRuns.Claim claim = runs.claim(name, date, now, CLAIM_LEASE);
        if (!claim.won()) {
            if (claim.run().experimentId() == null) {
                throw new ConflictException("schedule '" + name + "' for " + date + " is being started; retry after "
                        + claim.run().leaseExpiresAt());
            }
            log.info(
                    "schedule '{}' for {} already ran as {}; nothing started",
                    name,
                    date,
                    claim.run().experimentId());
            return new Triggered(claim.run(), false);
        }
        ExperimentService.Submitted submitted;
        try {
            submitted = experiments.submitOnce(ScheduleRun.experimentIdFor(name, date), forDate(definition, date));
        } catch (RuntimeException e) {
            runs.release(claim.run());
            throw e;
        }
        String experimentId = submitted.experiment().id();
        try {
            ScheduleRun bound = runs.started(claim.run(), experimentId);
            log.info(
                    "schedule '{}' for {} {} experiment {}",
                    name,
                    date,
                    submitted.created() ? "started" : "found its",
                    experimentId);
            return new Triggered(bound, submitted.created());
        } catch (ScheduleRuns.ClaimLostException lost) {
            // another trigger took the claim over meanwhile; the experiment is the same one
            log.warn("schedule '{}' for {}: {}; experiment {} stands", name, date, lost.getMessage(), experimentId);
            ScheduleRun current = lost.current();
            boolean bound = current != null && current.experimentId() != null;
            return new Triggered(bound ? current : claim.run().started(experimentId), false);
        }
    }

    /** The schedule's experiment for one date: named {@code <name>-<date>}, counting for that date. */
    static ExperimentConfig forDate(ExperimentConfig c, LocalDate date) {
        String name = c.name().length() > 88 ? c.name().substring(0, 88) : c.name();
        return new ExperimentConfig(
                name + "-" + date,
                c.map(),
                c.agent(),
                c.episodes(),
                c.seed(),
                c.seeds(),
                c.routes(),
                c.maxSteps(),
                c.npcCount(),
                c.gnssNoiseM(),
                c.gnssDropoutRate(),
                c.fixedDeltaSeconds(),
                c.weather(),
                c.parallelEpisodes(),
                c.birdEyeSizePx(),
                date,
                c.npcAggressiveness(),
                c.narrator());
    }
}
