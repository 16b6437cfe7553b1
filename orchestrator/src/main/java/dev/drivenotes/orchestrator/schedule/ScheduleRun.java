package dev.drivenotes.orchestrator.schedule;

import dev.drivenotes.model.Require;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * One (schedule, date) slot: claimed by a trigger under a lease, then bound to the experiment it
 * started. Every later trigger for the slot finds it and starts nothing; a claim whose lease ran out
 * before an experiment was bound is taken over under a new {@code claimId}, and only the holder of
 * the current claim id may bind or release the slot (fencing).
 *
 * @param name schedule name
 * @param date the UTC day the trigger is for
 * @param claimId the current claim's id; a taken-over claim's old holder no longer matches it
 * @param claimedAt when the current claim was made
 * @param leaseExpiresAt when the current claim may be taken over if no experiment is bound yet
 * @param experimentId the experiment started for the slot; null while it is being started
 */
public record ScheduleRun(
        String name, LocalDate date, String claimId, Instant claimedAt, Instant leaseExpiresAt, String experimentId) {

    private static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    public ScheduleRun {
        Require.notBlank("name", name);
        Require.notNull("date", date);
        Require.notBlank("claimId", claimId);
        Require.notNull("claimedAt", claimedAt);
        Require.notNull("leaseExpiresAt", leaseExpiresAt);
    }

    /** A fresh claim of the slot, leased for {@code lease} from {@code now}. */
    public static ScheduleRun claim(String name, LocalDate date, Instant now, Duration lease) {
        return new ScheduleRun(name, date, UUID.randomUUID().toString(), now, now.plus(lease), null);
    }

    /** The slot's id in every store: {@code <name>_<yyyy-MM-dd>}. */
    public String key() {
        return key(name, date);
    }

    public static String key(String name, LocalDate date) {
        return name + "_" + date;
    }

    /**
     * The experiment id of the slot: the same for every trigger of one (name, date), so that
     * creating the experiment is itself idempotent and a day never gets two experiments.
     */
    public static String experimentIdFor(String name, LocalDate date) {
        return "sched-" + name + "-" + COMPACT_DATE.format(date);
    }

    public ScheduleRun started(String id) {
        return new ScheduleRun(name, date, claimId, claimedAt, leaseExpiresAt, Require.notBlank("experimentId", id));
    }

    /** Whether this slot is held under the same claim as {@code other}. */
    public boolean sameClaim(ScheduleRun other) {
        return claimId.equals(other.claimId);
    }

    /** A claim whose holder did not bind an experiment before its lease ran out may be taken over. */
    public boolean abandoned(Instant now) {
        return experimentId == null && !now.isBefore(leaseExpiresAt);
    }
}
