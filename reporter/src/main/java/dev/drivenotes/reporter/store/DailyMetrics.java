package dev.drivenotes.reporter.store;

import dev.drivenotes.model.Require;
import dev.drivenotes.model.experiment.Condition;
import dev.drivenotes.reporter.note.Scorecard;
import java.time.LocalDate;

/**
 * The aggregate of every experiment completed on one day (UTC) with one map, agent and {@link
 * Condition}. A row or document written before daily rows had a condition (null here) reads as
 * {@link Condition#DEFAULT}, as the experiment, episode and note rows do.
 */
public record DailyMetrics(
        LocalDate day, String map, String agent, String condition, int experiments, Scorecard scorecard) {
    public DailyMetrics {
        Require.notNull("day", day);
        Require.notBlank("map", map);
        Require.notBlank("agent", agent);
        condition = condition == null ? Condition.DEFAULT : condition;
        Require.notBlank("condition", condition);
        Require.inRange("experiments", experiments, 0, Integer.MAX_VALUE);
        Require.notNull("scorecard", scorecard);
    }

    /** Whether {@code other} is a row of the same configuration (map, agent and condition). */
    public boolean sameConfiguration(DailyMetrics other) {
        return map.equals(other.map) && agent.equals(other.agent) && condition.equals(other.condition);
    }
}
