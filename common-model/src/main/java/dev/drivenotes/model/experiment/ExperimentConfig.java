package dev.drivenotes.model.experiment;

import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.Require;
import dev.drivenotes.model.sim.CreateSimulationRequest;
import dev.drivenotes.model.sim.RouteSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * What an experiment runs. Only {@code name} and {@code episodes} are required; every other field
 * has a default (null means "use the default").
 *
 * @param name experiment name, 1..100 of letters, digits, '-', '_', '.', ' '
 * @param map map reference: {@code default-town} (generated) or an OpenDRIVE file path (at most
 *     {@link CreateSimulationRequest#MAX_MAP_CHARS} characters)
 * @param agent policy name: {@code autopilot}, {@code dreamer} or {@code random}
 * @param episodes number of episodes, 1..1000
 * @param seed base seed: episode i uses {@code seed + i} unless {@code seeds} is given
 * @param seeds explicit per-episode seeds (size must equal {@code episodes})
 * @param routes explicit routes (at most {@link #MAX_ROUTES}), used round robin; empty lets each
 *     episode's seed pick a route
 * @param maxSteps step limit per episode
 * @param npcCount background vehicles per episode
 * @param gnssNoiseM standard deviation of GNSS noise, metres
 * @param gnssDropoutRate share of steps, 0..1 (default 0), on which the GNSS receiver has no fix
 * @param fixedDeltaSeconds simulation step, seconds
 * @param weather weather preset name (CARLA's names, see {@link CreateSimulationRequest#weather}; the
 *     embedded simulator records it)
 * @param parallelEpisodes episodes driven at once, 1..{@link #MAX_PARALLEL_EPISODES}
 * @param birdEyeSizePx bird's-eye raster in every observation: 0 (default, none), 64 or 128; a
 *     dreamer checkpoint trained with the raster needs its size here
 * @param day the UTC day the experiment counts for in daily metrics and reports, {@value #MIN_DAY}
 *     to {@value #MAX_DAY}; null (the default) means the day it completes. A scheduled run carries its
 *     schedule's date; a local run may set it to replay a series of days
 * @param npcAggressiveness how the background vehicles drive, 0 (cautious) .. 1 (aggressive);
 *     {@value #DEFAULT_NPC_AGGRESSIVENESS} (the default) is the fleet's standard driver
 * @param narrator who declares a note's maneuver: {@code agent} (the default: the driving policy's
 *     own account) or {@code autopilot} (the autopilot's rule from the planned path, on the same
 *     drive), so that narrators can be compared
 * @param missedTurnRate share of junctions, 0..1 (default 0), where the ego vehicle is made to leave
 *     by another maneuver than its plan names, whatever the agent commands (a perturbation, as after
 *     a wrong lane choice or a closed exit; the runner's {@code MissedTurns}): drives on which a
 *     note's account of what was done can differ from the plan, so notes test whether an agent
 *     reports what it did or what it was told
 */
public record ExperimentConfig(
        String name,
        String map,
        String agent,
        Integer episodes,
        Long seed,
        List<Long> seeds,
        List<RouteSpec> routes,
        Integer maxSteps,
        Integer npcCount,
        Double gnssNoiseM,
        Double gnssDropoutRate,
        Double fixedDeltaSeconds,
        String weather,
        Integer parallelEpisodes,
        Integer birdEyeSizePx,
        LocalDate day,
        Double npcAggressiveness,
        String narrator,
        Double missedTurnRate) {

    public static final String MIN_DAY = "2000-01-01";
    public static final String MAX_DAY = "2099-12-31";
    public static final String DEFAULT_MAP = "default-town";
    public static final String DEFAULT_AGENT = "dreamer";
    public static final List<String> AGENTS = List.of("autopilot", "dreamer", "random");
    public static final List<String> NARRATORS = List.of("agent", "autopilot");
    public static final String DEFAULT_NARRATOR = "agent";
    public static final double DEFAULT_NPC_AGGRESSIVENESS = CreateSimulationRequest.DEFAULT_NPC_AGGRESSIVENESS;
    public static final int MAX_EPISODES = 1000;
    public static final int MAX_ROUTES = 64;
    public static final int MAX_PARALLEL_EPISODES = 64;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}");

    public ExperimentConfig {
        Require.notBlank("name", name);
        if (!NAME.matcher(name).matches()) {
            throw new InvalidInputException(
                    "name", "must be 1-100 letters, digits, spaces, '.', '_' or '-', starting with a letter or digit");
        }
        map = map == null ? DEFAULT_MAP : Require.notBlank("map", map, CreateSimulationRequest.MAX_MAP_CHARS);
        agent = agent == null ? DEFAULT_AGENT : agent;
        if (!AGENTS.contains(agent)) {
            throw new InvalidInputException("agent", "unknown agent '" + agent + "'; expected one of " + AGENTS);
        }
        Require.notNull("episodes", episodes);
        Require.inRange("episodes", episodes, 1, MAX_EPISODES);
        seed = seed == null ? 1L : seed;
        seeds = seeds == null || seeds.isEmpty() ? null : List.copyOf(Require.noNullElements("seeds", seeds));
        if (seeds != null && seeds.size() != episodes) {
            throw new InvalidInputException(
                    "seeds", "must hold one seed per episode (" + episodes + "), had " + seeds.size());
        }
        routes = routes == null
                ? List.of()
                : List.copyOf(Require.noNullElements("routes", Require.maxSize("routes", routes, MAX_ROUTES)));
        maxSteps = maxSteps == null ? 6000 : maxSteps;
        Require.inRange("maxSteps", maxSteps, 1, 1_000_000);
        npcCount = npcCount == null ? 0 : npcCount;
        Require.inRange("npcCount", npcCount, 0, 1000);
        gnssNoiseM = gnssNoiseM == null ? 1.0 : gnssNoiseM;
        Require.inRange("gnssNoiseM", gnssNoiseM, 0, 100);
        gnssDropoutRate = gnssDropoutRate == null ? 0.0 : gnssDropoutRate;
        Require.inRange("gnssDropoutRate", gnssDropoutRate, 0, 1);
        fixedDeltaSeconds = fixedDeltaSeconds == null ? 0.05 : fixedDeltaSeconds;
        Require.inRange("fixedDeltaSeconds", fixedDeltaSeconds, 0.001, 0.5);
        weather = CreateSimulationRequest.weather(weather);
        parallelEpisodes = parallelEpisodes == null ? 4 : parallelEpisodes;
        Require.inRange("parallelEpisodes", parallelEpisodes, 1, MAX_PARALLEL_EPISODES);
        birdEyeSizePx = birdEyeSizePx == null ? 0 : birdEyeSizePx;
        if (birdEyeSizePx != 0 && birdEyeSizePx != 64 && birdEyeSizePx != 128) {
            throw new InvalidInputException("birdEyeSizePx", "must be 0 (off), 64 or 128, was " + birdEyeSizePx);
        }
        if (day != null) {
            checkDay("day", day);
        }
        npcAggressiveness = npcAggressiveness == null ? DEFAULT_NPC_AGGRESSIVENESS : npcAggressiveness;
        Require.inRange("npcAggressiveness", npcAggressiveness, 0, 1);
        narrator = narrator == null ? DEFAULT_NARRATOR : narrator;
        if (!NARRATORS.contains(narrator)) {
            throw new InvalidInputException(
                    "narrator", "unknown narrator '" + narrator + "'; expected one of " + NARRATORS);
        }
        missedTurnRate = missedTurnRate == null ? 0.0 : missedTurnRate;
        Require.inRange("missedTurnRate", missedTurnRate, 0, 1);
    }

    /** {@code date} when it lies in {@value #MIN_DAY}..{@value #MAX_DAY}; else an error naming {@code field}. */
    public static LocalDate checkDay(String field, LocalDate date) {
        if (date.isBefore(LocalDate.parse(MIN_DAY)) || date.isAfter(LocalDate.parse(MAX_DAY))) {
            throw new InvalidInputException(field, "must be between " + MIN_DAY + " and " + MAX_DAY + ", was " + date);
        }
        return date;
    }

    /** A config with every default, for tests and the launcher. */
    public static ExperimentConfig of(String name, int episodes) {
        return new ExperimentConfig(
                name, null, null, episodes, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    /** This config counting for {@code date} (null: the day it completes). */
    public ExperimentConfig withDay(LocalDate date) {
        return new ExperimentConfig(
                name,
                map,
                agent,
                episodes,
                seed,
                seeds,
                routes,
                maxSteps,
                npcCount,
                gnssNoiseM,
                gnssDropoutRate,
                fixedDeltaSeconds,
                weather,
                parallelEpisodes,
                birdEyeSizePx,
                date,
                npcAggressiveness,
                narrator,
                missedTurnRate);
    }

    /** The experiment's day: {@code day} when set, else the UTC date of {@code completedAt}. */
    public LocalDate dayOr(Instant completedAt) {
        return day != null ? day : LocalDate.ofInstant(completedAt, ZoneOffset.UTC);
    }

    /** The seed of episode {@code index} (0-based). */
    public long seedOf(int index) {
        return seeds != null ? seeds.get(index) : seed + index;
    }

    /** The seed of every episode, in episode order. */
    public List<Long> episodeSeeds() {
        return IntStream.range(0, episodes).mapToObj(this::seedOf).toList();
    }

    /** The route of episode {@code index}, or null when its seed chooses. */
    public RouteSpec routeOf(int index) {
        return routes.isEmpty() ? null : routes.get(index % routes.size());
    }
}
