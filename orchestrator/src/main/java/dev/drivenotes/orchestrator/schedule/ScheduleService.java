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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs a named schedule for today (UTC) at most once: one experiment, or every cell of a {@link
 * ScheduleMatrix} (each its own experiment). A trigger claims the (name, date) slot under
 * a lease of {@link #CLAIM_LEASE}, creates the slot's experiment(s) under deterministic ids ({@link
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

    /**
     * What a trigger did: {@code started} is true when this call created the day's experiment(s);
     * {@code experimentIds} are the day's experiments of the schedule (one, or a matrix's cells),
     * the run bound to the first.
     */
    public record Triggered(ScheduleRun run, boolean started, List<String> experimentIds) {
        public Triggered {
            experimentIds = List.copyOf(experimentIds);
        }
    }

    public Triggered trigger(String name) {
        Instant now = clock.instant();
        LocalDate date = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Map<String, ExperimentConfig> experimentsOfDay = experimentsFor(name, date);
        List<String> ids = List.copyOf(experimentsOfDay.keySet());
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
            return new Triggered(claim.run(), false, ids);
        }
        boolean created = false;
        try {
            for (Map.Entry<String, ExperimentConfig> e : experimentsOfDay.entrySet()) {
                created |= experiments.submitOnce(e.getKey(), e.getValue()).created();
            }
        } catch (RuntimeException e) {
            runs.release(claim.run());
            throw e;
        }
        String experimentId = ids.getFirst();
        try {
            ScheduleRun bound = runs.started(claim.run(), experimentId);
            log.info(
                    "schedule '{}' for {} {} experiment(s) {}",
                    name,
                    date,
                    created ? "started" : "found its",
                    String.join(", ", ids));
            return new Triggered(bound, created, ids);
        } catch (ScheduleRuns.ClaimLostException lost) {
            // another trigger took the claim over meanwhile; the experiments are the same ones
            log.warn("schedule '{}' for {}: {}; experiments {} stand", name, date, lost.getMessage(), ids);
            ScheduleRun current = lost.current();
            boolean bound = current != null && current.experimentId() != null;
            return new Triggered(bound ? current : claim.run().started(experimentId), false, ids);
        }
    }

    /**
     * The experiments a schedule starts on {@code date}, by their deterministic ids, in order: a
     * definition's one ({@code sched-<name>-<date>}), or a matrix's cells ({@code
     * sched-<name>-<cell>-<date>}). Every trigger of the day computes the same ids, so a trigger that
     * takes over a crashed one's claim submits the same experiments again, and each exists once.
     */
    private Map<String, ExperimentConfig> experimentsFor(String name, LocalDate date) {
        Map<String, ExperimentConfig> out = new LinkedHashMap<>();
        ExperimentConfig definition = properties.definitions().get(name);
        ScheduleMatrix matrix = properties.matrices().get(name);
        if (definition != null) {
            out.put(ScheduleRun.experimentIdFor(name, date), forDate(definition, date));
        } else if (matrix != null) {
            for (ScheduleMatrix.Cell cell : matrix.cells()) {
                out.put(ScheduleRun.experimentIdFor(name + "-" + cell.name(), date), forDate(cell.config(), date));
            }
        } else {
            throw new NotFoundException("schedule", name);
        }
        return out;
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
                c.narrator(),
                c.missedTurnRate());
    }
}
