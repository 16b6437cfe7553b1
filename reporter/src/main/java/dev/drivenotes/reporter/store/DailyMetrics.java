package dev.drivenotes.reporter.store;

import dev.drivenotes.model.Require;
import dev.drivenotes.reporter.note.Scorecard;
import java.time.LocalDate;

/** The aggregate of every experiment completed on one day (UTC) with one map and agent. */
public record DailyMetrics(LocalDate day, String map, String agent, int experiments, Scorecard scorecard) {
    public DailyMetrics {
        Require.notNull("day", day);
        Require.notBlank("map", map);
        Require.notBlank("agent", agent);
        Require.inRange("experiments", experiments, 0, Integer.MAX_VALUE);
        Require.notNull("scorecard", scorecard);
    }
}
