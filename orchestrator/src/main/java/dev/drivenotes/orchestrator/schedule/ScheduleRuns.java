package dev.drivenotes.orchestrator.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Where (schedule, date) slots are claimed atomically: a local folder, or Firestore (profile
 * {@code gcp}) so that every orchestrator instance sees the same claims.
 */
public interface ScheduleRuns {

    /** A claim attempt's outcome: {@code won} when this caller must start the run. */
    record Claim(ScheduleRun run, boolean won) {}

    /**
     * Claims the slot unless someone holds it; a claim left without an experiment for longer than
     * {@code staleAfter} is taken over.
     */
    Claim claim(String name, LocalDate date, Instant now, Duration staleAfter);

    /** Binds the experiment that the winning claim started. */
    ScheduleRun started(ScheduleRun claimed, String experimentId);

    /** Gives a claim back (the experiment could not be started) so that a retry can try again. */
    void release(ScheduleRun claimed);
}
