package dev.drivenotes.model.experiment;

import java.math.BigDecimal;

/**
 * The name of the conditions an experiment drives in, the one place it is derived: GNSS noise,
 * GNSS dropout rate, background vehicles, their aggressiveness, the simulation step and, when not 0,
 * the share of junctions left by another maneuver than planned on purpose, as {@code
 * gnss<M>m-drop<R>-npc<N>-aggr<A>-dt<S>[-miss<F>]} with plain decimals and no trailing zeros, e.g.
 * {@code gnss5m-drop0-npc20-aggr0.5-dt0.05} or {@code gnss5m-drop0-npc20-aggr0.5-dt0.05-miss0.3}
 * (names from before missed turns existed stay what they were). Notes and metrics carry it so that dashboards slice by
 * condition; map, agent and narrator have columns of their own, and weather is not a condition of
 * the embedded simulator.
 */
public final class Condition {

    /**
     * The condition of a config with every default, which rows written before conditions existed
     * read as.
     */
    public static final String DEFAULT = of(ExperimentConfig.of("default", 1));

    private Condition() {}

    public static String of(ExperimentConfig config) {
        return "gnss" + plain(config.gnssNoiseM()) + "m-drop" + plain(config.gnssDropoutRate()) + "-npc"
                + config.npcCount() + "-aggr" + plain(config.npcAggressiveness()) + "-dt"
                + plain(config.fixedDeltaSeconds())
                + (config.missedTurnRate() > 0 ? "-miss" + plain(config.missedTurnRate()) : "");
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
