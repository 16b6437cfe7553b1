package dev.drivenotes.orchestrator.ui;

import dev.drivenotes.model.Require;

/**
 * One experiment's progress as the dashboard's stream sends it.
 *
 * @param id experiment id
 * @param status lifecycle state
 * @param live whether it may still change (PENDING or RUNNING)
 * @param episodesCompleted episodes finished
 * @param episodesPlanned episodes in the config
 * @param stepsPerSecond simulation steps per wall-clock second since the previous sample, all
 *     episodes in flight together; null when this instance is not driving it or has no previous sample
 * @param notes notes the reporter has scored so far; null when the reporter has none or was not asked
 * @param accuracy share of those notes with place, action and next POI all right; null without notes
 * @param accuracyText the accuracy as shown ("83 % of 12 notes", "no notes yet", "reporter unavailable")
 * @param reportUrl the reporter's report page, once written; null before
 */
record LiveProgress(
        String id,
        String status,
        boolean live,
        int episodesCompleted,
        int episodesPlanned,
        Double stepsPerSecond,
        Integer notes,
        Double accuracy,
        String accuracyText,
        String reportUrl) {

    LiveProgress {
        Require.notBlank("id", id);
        Require.notBlank("status", status);
        Require.notNull("accuracyText", accuracyText);
    }
}
