package dev.drivenotes.orchestrator.ui;

import dev.drivenotes.model.Require;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.orchestrator.clients.ReporterClient;
import dev.drivenotes.orchestrator.experiment.Experiment;
import dev.drivenotes.orchestrator.schedule.ScheduleRun;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A named schedule and its last days: each day's slot shows the experiment the trigger started (found
 * by the slot's deterministic id, {@link ScheduleRun#experimentIdFor}) or that none ran.
 *
 * @param name schedule name
 * @param summary what it starts: agent, map, episodes
 * @param slots the last days, newest first
 */
record ScheduleView(String name, String summary, List<Slot> slots) {

    ScheduleView {
        Require.notBlank("name", name);
        slots = List.copyOf(slots);
    }

    /**
     * One day of a schedule.
     *
     * @param date the UTC day
     * @param experimentId the day's experiment; null when none ran
     * @param status its state; null when none ran
     * @param reportUrl its report page, once written
     * @param dailyReportUrl the day's daily report page
     */
    record Slot(String date, String experimentId, String status, String reportUrl, String dailyReportUrl) {}

    static ScheduleView of(
            String name,
            ExperimentConfig definition,
            LocalDate today,
            int days,
            Map<String, Experiment> experimentsById,
            ReporterClient reporter) {
        List<Slot> slots = new ArrayList<>(days);
        for (int back = 0; back < days; back++) {
            LocalDate date = today.minusDays(back);
            Experiment run = experimentsById.get(ScheduleRun.experimentIdFor(name, date));
            String daily = reporter.dailyReportHtml(date).toString();
            slots.add(
                    run == null
                            ? new Slot(date.toString(), null, null, null, daily)
                            : new Slot(
                                    date.toString(),
                                    run.id(),
                                    run.status().name(),
                                    run.reportUri() == null
                                            ? null
                                            : reporter.reportHtml(run.id()).toString(),
                                    daily));
        }
        String summary = definition.agent() + " on " + definition.map() + ", " + definition.episodes() + " episode"
                + (definition.episodes() == 1 ? "" : "s");
        return new ScheduleView(name, summary, slots);
    }
}
