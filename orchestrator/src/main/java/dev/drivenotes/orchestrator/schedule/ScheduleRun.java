package dev.drivenotes.orchestrator.schedule;

import dev.drivenotes.model.Require;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One (schedule, date) slot: claimed by the first trigger of the day, then bound to the experiment
 * it started. Every later trigger for the same slot finds it and starts nothing.
 *
 * @param name schedule name
 * @param date the UTC day the trigger is for
 * @param claimedAt when the winning trigger claimed the slot
 * @param experimentId the experiment started for the slot; null while it is being started
 */
public record ScheduleRun(String name, LocalDate date, Instant claimedAt, String experimentId) {
    public ScheduleRun {
        Require.notBlank("name", name);
        Require.notNull("date", date);
        Require.notNull("claimedAt", claimedAt);
    }

    /** The slot's id in every store: {@code <name>_<yyyy-MM-dd>}. */
    public String key() {
        return key(name, date);
    }

    public static String key(String name, LocalDate date) {
        return name + "_" + date;
    }

    public ScheduleRun started(String id) {
        return new ScheduleRun(name, date, claimedAt, Require.notBlank("experimentId", id));
    }

    /** A claim whose starter died before binding an experiment may be taken over. */
    public boolean abandoned(Instant now, java.time.Duration staleAfter) {
        return experimentId == null && claimedAt.plus(staleAfter).isBefore(now);
    }
}
