package dev.drivenotes.orchestrator.experiment;

import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.Require;
import dev.drivenotes.model.experiment.Condition;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.ExperimentPage;
import dev.drivenotes.model.experiment.ExperimentStatus;
import dev.drivenotes.model.sim.CreateSimulationRequest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The filters and page of {@code GET /v1/experiments}. Every parameter is optional; an unknown one,
 * a repeated one or a bad value is a 400 naming it.
 *
 * @param status only experiments in this state
 * @param agent only experiments of this agent
 * @param map only experiments on this map reference
 * @param condition only experiments driven in this condition ({@link Condition}, e.g. {@code
 *     gnss5m-drop0-npc20-aggr0.5-dt0.05})
 * @param createdFrom only experiments created at or after this instant
 * @param createdTo only experiments created before this instant
 * @param limit page size, 1..{@link #MAX_LIMIT}
 * @param after where the previous page ended, or null for the first page
 */
public record ExperimentQuery(
        ExperimentStatus status,
        String agent,
        String map,
        String condition,
        Instant createdFrom,
        Instant createdTo,
        int limit,
        PageToken after) {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    static final Set<String> PARAMETERS =
            Set.of("status", "agent", "map", "condition", "createdFrom", "createdTo", "limit", "pageToken");

    /** The longest condition name accepted as a filter. */
    static final int MAX_CONDITION_CHARS = 200;

    /** Newest first; the id orders experiments created at the same instant. */
    static final Comparator<Experiment> NEWEST_FIRST = Comparator.comparing(Experiment::createdAt)
            .thenComparing(Experiment::id)
            .reversed();

    public ExperimentQuery {
        Require.inRange("limit", limit, 1, MAX_LIMIT);
        if (createdFrom != null && createdTo != null && !createdFrom.isBefore(createdTo)) {
            throw new InvalidInputException("createdTo", "must be after createdFrom");
        }
    }

    /** The query of a request's parameters. */
    public static ExperimentQuery parse(Map<String, List<String>> parameters) {
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            if (!PARAMETERS.contains(p.getKey())) {
                String field = p.getKey().length() <= 64 ? p.getKey() : "parameter";
                throw new InvalidInputException(
                        field,
                        "unknown parameter; known: "
                                + PARAMETERS.stream().sorted().toList());
            }
            if (p.getValue().size() > 1) {
                throw new InvalidInputException(p.getKey(), "must be given at most once");
            }
        }
        String token = one(parameters, "pageToken");
        return new ExperimentQuery(
                status(one(parameters, "status")),
                agent(one(parameters, "agent")),
                Require.maxLength("map", one(parameters, "map"), CreateSimulationRequest.MAX_MAP_CHARS),
                Require.maxLength("condition", one(parameters, "condition"), MAX_CONDITION_CHARS),
                instant("createdFrom", one(parameters, "createdFrom")),
                instant("createdTo", one(parameters, "createdTo")),
                limit(one(parameters, "limit")),
                token == null ? null : PageToken.decode(token));
    }

    /** This query's page of {@code experiments}. */
    public ExperimentPage page(List<Experiment> experiments) {
        List<Experiment> matching = experiments.stream()
                .filter(matches())
                .sorted(NEWEST_FIRST)
                .filter(e -> after == null || NEWEST_FIRST.compare(e, boundary()) > 0)
                .limit(limit + 1L)
                .toList();
        boolean more = matching.size() > limit;
        List<Experiment> page = more ? matching.subList(0, limit) : matching;
        String next =
                more ? new PageToken(page.getLast().createdAt(), page.getLast().id()).encode() : null;
        return new ExperimentPage(page.stream().map(Experiment::view).toList(), next);
    }

    private Predicate<Experiment> matches() {
        return e -> (status == null || e.status() == status)
                && (agent == null || agent.equals(e.config().agent()))
                && (map == null || map.equals(e.config().map()))
                && (condition == null || condition.equals(Condition.of(e.config())))
                && (createdFrom == null || !e.createdAt().isBefore(createdFrom))
                && (createdTo == null || e.createdAt().isBefore(createdTo));
    }

    private Experiment boundary() {
        return Experiment.accepted(after.id(), ExperimentConfig.of("page", 1), after.createdAt());
    }

    private static String one(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static ExperimentStatus status(String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(ExperimentStatus.values())
                .filter(s -> s.name().equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "status", "must be one of " + Arrays.toString(ExperimentStatus.values())));
    }

    private static String agent(String value) {
        if (value != null && !ExperimentConfig.AGENTS.contains(value)) {
            throw new InvalidInputException("agent", "must be one of " + ExperimentConfig.AGENTS);
        }
        return value;
    }

    /** An ISO-8601 instant ({@code 2026-11-24T06:00:00Z}) or a UTC date ({@code 2026-11-24}: its start). */
    private static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeException e) {
            throw new InvalidInputException(field, "must be an instant (2026-11-24T06:00:00Z) or a date (2026-11-24)");
        }
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("limit", "must be an integer from 1 to " + MAX_LIMIT);
        }
    }
}
