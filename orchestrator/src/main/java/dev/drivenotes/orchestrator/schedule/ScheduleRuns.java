package dev.drivenotes.orchestrator.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Where (schedule, date) slots are claimed atomically: a local folder, or Firestore (profile
 * {@code gcp}) so that every orchestrator instance sees the same claims. Binding and releasing are
 * fenced by the claim id: only the current claim's holder changes the slot.
 */
public interface ScheduleRuns {

    /** A claim attempt's outcome: {@code won} when this caller holds the slot and must start the run. */
    record Claim(ScheduleRun run, boolean won) {}

    /** A bind or release by a holder whose claim was taken over; {@code current} is the slot now. */
    final class ClaimLostException extends RuntimeException {
        private final transient ScheduleRun current;

        public ClaimLostException(ScheduleRun lost, ScheduleRun current) {
            super("the claim " + lost.claimId() + " of schedule slot " + lost.key() + " was taken over"
                    + (current == null ? " and released" : " by " + current.claimId()));
            this.current = current;
        }

        /** The slot as it is now; null when the new holder released it. */
        public ScheduleRun current() {
            return current;
        }
    }

    /**
     * Claims the slot under a lease unless someone holds it: a slot with an experiment, or with a
     * claim whose lease has not run out, is returned as it is ({@code won} false).
     */
    Claim claim(String name, LocalDate date, Instant now, Duration lease);

    /**
     * Binds the experiment that the claim started.
     *
     * @throws ClaimLostException when the slot is no longer held under {@code claimed}'s claim id
     */
    ScheduleRun started(ScheduleRun claimed, String experimentId);

    /**
     * Gives a claim back (the experiment could not be started) so that a retry can try at once; a
     * claim that was taken over is left to its new holder.
     */
    void release(ScheduleRun claimed);
}
