package dev.drivenotes.orchestrator.ui;

import dev.drivenotes.model.Require;
import dev.drivenotes.model.experiment.ExperimentView;
import dev.drivenotes.orchestrator.clients.ReporterClient;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One experiment as a dashboard row.
 *
 * @param id experiment id
 * @param name the config's name
 * @param status lifecycle state
 * @param agent policy name
 * @param map map reference
 * @param episodesCompleted episodes finished
 * @param episodesPlanned episodes in the config
 * @param createdAt when it was accepted, UTC, to the second
 * @param reportUrl the reporter's report page, once the reporter wrote it; null before
 * @param dailyReportUrl the reporter's daily report page of the day it was accepted
 * @param failureReason why it failed or was cancelled; null otherwise
 * @param live whether it may still change (PENDING or RUNNING): the page offers to cancel it
 */
record ExperimentRow(
        String id,
        String name,
        String status,
        String agent,
        String map,
        int episodesCompleted,
        int episodesPlanned,
        String createdAt,
        String reportUrl,
        String dailyReportUrl,
        String failureReason,
        boolean live) {

    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    ExperimentRow {
        Require.notBlank("id", id);
        Require.notBlank("status", status);
    }

    static ExperimentRow of(ExperimentView view, ReporterClient reporter) {
        LocalDate day = LocalDate.ofInstant(view.createdAt(), ZoneOffset.UTC);
        return new ExperimentRow(
                view.id(),
                view.name(),
                view.status().name(),
                view.config().agent(),
                view.config().map(),
                view.episodesCompleted(),
                view.episodesPlanned(),
                SHOWN.format(view.createdAt()),
                view.reportUri() == null ? null : reporter.reportHtml(view.id()).toString(),
                reporter.dailyReportHtml(day).toString(),
                view.failureReason(),
                !view.status().terminal());
    }
}
