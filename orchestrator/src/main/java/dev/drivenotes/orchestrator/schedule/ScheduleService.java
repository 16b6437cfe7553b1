package dev.drivenotes.orchestrator.schedule;

import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.orchestrator.experiment.Experiment;
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
 * Runs a named schedule for today (UTC) at most once: the first trigger claims the (name, date)
 * slot and starts the experiment; a retried or duplicated trigger gets the same run back.
 */
@Service
public class ScheduleService {

    /** A claim whose starter vanished for this long is taken over by the next trigger. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

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

    /** What a trigger did: {@code started} is false when the slot already had its run. */
    public record Triggered(ScheduleRun run, boolean started) {}

    public Triggered trigger(String name) {
        ExperimentConfig definition = properties.definitions().get(name);
        if (definition == null) {
            throw new NotFoundException("schedule", name);
        }
        Instant now = clock.instant();
        LocalDate date = LocalDate.ofInstant(now, ZoneOffset.UTC);
        ScheduleRuns.Claim claim = runs.claim(name, date, now, ABANDONED_AFTER);
        if (!claim.won()) {
            if (claim.run().experimentId() == null) {
                throw new ConflictException("schedule '" + name + "' for " + date + " is being started; retry later");
            }
            log.info(
                    "schedule '{}' for {} already ran as {}; nothing started",
                    name,
                    date,
                    claim.run().experimentId());
            return new Triggered(claim.run(), false);
        }
        Experiment experiment;
        try {
            experiment = experiments.submit(forDate(definition, date));
        } catch (RuntimeException e) {
            runs.release(claim.run());
            throw e;
        }
        log.info("schedule '{}' for {} started experiment {}", name, date, experiment.id());
        return new Triggered(runs.started(claim.run(), experiment.id()), true);
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
                c.fixedDeltaSeconds(),
                c.weather(),
                c.parallelEpisodes(),
                c.birdEyeSizePx(),
                date);
    }
}
