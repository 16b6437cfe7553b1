package dev.drivenotes.orchestrator.ui;

import dev.drivenotes.model.InvalidInputException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's filters, as typed in its filter bar (blank meaning "any"). They become the query
 * parameters of {@code GET /v1/experiments}, so the page lists exactly what the API would.
 *
 * @param date a UTC day (yyyy-MM-dd): experiments created that day
 * @param status a lifecycle state
 * @param agent a policy name
 * @param condition a condition name (common-model's {@code Condition})
 * @param pageToken where the previous page ended
 */
record DashboardFilters(String date, String status, String agent, String condition, String pageToken) {

    DashboardFilters {
        date = blankToNull(date);
        status = blankToNull(status);
        agent = blankToNull(agent);
        condition = blankToNull(condition);
        pageToken = blankToNull(pageToken);
    }

    static DashboardFilters none() {
        return new DashboardFilters(null, null, null, null, null);
    }

    /** The API's query parameters for these filters; a date that is no UTC day is a 400 naming {@code date}. */
    Map<String, List<String>> queryParameters() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (date != null) {
            LocalDate day = day();
            query.put("createdFrom", List.of(day.toString()));
            query.put("createdTo", List.of(day.plusDays(1).toString()));
        }
        if (status != null) {
            query.put("status", List.of(status));
        }
        if (agent != null) {
            query.put("agent", List.of(agent));
        }
        if (condition != null) {
            query.put("condition", List.of(condition));
        }
        if (pageToken != null) {
            query.put("pageToken", List.of(pageToken));
        }
        return query;
    }

    /** The same filters on the page that starts at {@code token}. */
    DashboardFilters page(String token) {
        return new DashboardFilters(date, status, agent, condition, token);
    }

    private LocalDate day() {
        try {
            if (date.length() != 10) {
                throw new DateTimeException("not yyyy-MM-dd");
            }
            return LocalDate.parse(date);
        } catch (DateTimeException e) {
            throw new InvalidInputException("date", "must be a UTC date such as 2026-11-24");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
