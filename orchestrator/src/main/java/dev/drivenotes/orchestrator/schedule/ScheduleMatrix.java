package dev.drivenotes.orchestrator.schedule;

import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.Require;
import dev.drivenotes.model.experiment.ExperimentConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A schedule that runs agents × conditions × maps, every cell its own experiment: the {@code base}
 * config with the cell's agent, map and condition settings. Bound from Spring configuration, e.g.
 * YAML:
 *
 * <pre>
 * drivenotes.schedules.matrices.daily:
 *   base: {name: daily, episodes: 4}
 *   agents: [dreamer, autopilot]
 *   maps: [default-town, grid-town-2]
 *   conditions:
 *     clean: {gnss-noise-m: 0, npc-count: 20}
 *     gnss5m: {gnss-noise-m: 5, npc-count: 20}
 * </pre>
 *
 * A cell is named {@code <agent>-<condition>-<map>} (the map's file name without {@code .xodr} for a
 * path; lower case, other characters than letters, digits and '-' as '-'), its experiment {@code
 * <base name>-<cell>-<date>}; cells run in the order agents × conditions (by name) × maps.
 *
 * @param base what every cell shares (episodes, seeds, steps, …); its agent and map are replaced
 * @param agents the agents, at least one
 * @param conditions condition name → its settings, at least one
 * @param maps the maps, at least one
 */
public record ScheduleMatrix(
        ExperimentConfig base, List<String> agents, Map<String, Settings> conditions, List<String> maps) {

    public ScheduleMatrix {
        Require.notNull("base", base);
        agents = List.copyOf(Require.noNullElements("agents", agents == null ? List.of() : agents));
        maps = List.copyOf(Require.noNullElements("maps", maps == null ? List.of() : maps));
        conditions = conditions == null ? Map.of() : new TreeMap<>(conditions);
        if (agents.isEmpty() || maps.isEmpty() || conditions.isEmpty()) {
            throw new InvalidInputException("matrix", "needs at least one agent, one condition and one map");
        }
        conditions = Collections.unmodifiableMap(conditions);
    }

    /**
     * One condition's settings; a setting left out keeps the base config's.
     *
     * @param gnssNoiseM GNSS noise, metres
     * @param gnssDropoutRate share of steps without a GNSS fix
     * @param npcCount background vehicles
     * @param npcAggressiveness how they drive, 0..1
     * @param fixedDeltaSeconds simulation step
     * @param missedTurnRate share of junctions left by another maneuver than planned, on purpose
     */
    public record Settings(
            Double gnssNoiseM,
            Double gnssDropoutRate,
            Integer npcCount,
            Double npcAggressiveness,
            Double fixedDeltaSeconds,
            Double missedTurnRate) {}

    /** One cell: its name and the experiment it runs. */
    public record Cell(String name, ExperimentConfig config) {}

    /** Every cell, each config checked (a bad one is an error naming its field). */
    public List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (String agent : agents) {
            for (Map.Entry<String, Settings> condition : conditions.entrySet()) {
                for (String map : maps) {
                    String name = slug(agent + "-" + condition.getKey() + "-" + mapName(map));
                    cells.add(new Cell(name, config(name, agent, condition.getValue(), map)));
                }
            }
        }
        return cells;
    }

    private ExperimentConfig config(String cell, String agent, Settings s, String map) {
        ExperimentConfig b = base;
        String name = b.name() + "-" + cell;
        return new ExperimentConfig(
                name.length() > 88 ? name.substring(0, 88) : name,
                map,
                agent,
                b.episodes(),
                b.seed(),
                b.seeds(),
                b.routes(),
                b.maxSteps(),
                s.npcCount() != null ? s.npcCount() : b.npcCount(),
                s.gnssNoiseM() != null ? s.gnssNoiseM() : b.gnssNoiseM(),
                s.gnssDropoutRate() != null ? s.gnssDropoutRate() : b.gnssDropoutRate(),
                s.fixedDeltaSeconds() != null ? s.fixedDeltaSeconds() : b.fixedDeltaSeconds(),
                b.weather(),
                b.parallelEpisodes(),
                b.birdEyeSizePx(),
                b.day(),
                s.npcAggressiveness() != null ? s.npcAggressiveness() : b.npcAggressiveness(),
                b.narrator(),
                s.missedTurnRate() != null ? s.missedTurnRate() : b.missedTurnRate());
    }

    private static String mapName(String map) {
        String file = Path.of(map).getFileName().toString();
        return file.endsWith(".xodr") ? file.substring(0, file.length() - ".xodr".length()) : file;
    }

    private static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }
}
