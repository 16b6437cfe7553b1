package dev.drivenotes.model.testing;

import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.sim.RouteSpec;
import java.time.LocalDate;
import java.util.List;

/**
 * Test data: an {@link ExperimentConfig} named by the test, every setting it does not set left null
 * (the config's default), so a test names only what matters to it instead of 19 positional arguments.
 * {@link #build} validates like the record does.
 */
public final class ExperimentConfigBuilder {

    private final String name;
    private String map;
    private String agent;
    private Integer episodes;
    private Long seed;
    private List<Long> seeds;
    private List<RouteSpec> routes;
    private Integer maxSteps;
    private Integer npcCount;
    private Double gnssNoiseM;
    private Double gnssDropoutRate;
    private Double fixedDeltaSeconds;
    private String weather;
    private Integer parallelEpisodes;
    private Integer birdEyeSizePx;
    private LocalDate day;
    private Double npcAggressiveness;
    private String narrator;
    private Double missedTurnRate;

    private ExperimentConfigBuilder(String name) {
        this.name = name;
    }

    /** A config named {@code name} with every other setting at its default. */
    public static ExperimentConfigBuilder experiment(String name) {
        return new ExperimentConfigBuilder(name);
    }

    public ExperimentConfigBuilder map(String v) {
        map = v;
        return this;
    }

    public ExperimentConfigBuilder agent(String v) {
        agent = v;
        return this;
    }

    public ExperimentConfigBuilder episodes(Integer v) {
        episodes = v;
        return this;
    }

    public ExperimentConfigBuilder seed(Long v) {
        seed = v;
        return this;
    }

    public ExperimentConfigBuilder seeds(List<Long> v) {
        seeds = v;
        return this;
    }

    public ExperimentConfigBuilder routes(List<RouteSpec> v) {
        routes = v;
        return this;
    }

    public ExperimentConfigBuilder maxSteps(Integer v) {
        maxSteps = v;
        return this;
    }

    public ExperimentConfigBuilder npcCount(Integer v) {
        npcCount = v;
        return this;
    }

    public ExperimentConfigBuilder gnssNoiseM(Double v) {
        gnssNoiseM = v;
        return this;
    }

    public ExperimentConfigBuilder gnssDropoutRate(Double v) {
        gnssDropoutRate = v;
        return this;
    }

    public ExperimentConfigBuilder fixedDeltaSeconds(Double v) {
        fixedDeltaSeconds = v;
        return this;
    }

    public ExperimentConfigBuilder weather(String v) {
        weather = v;
        return this;
    }

    public ExperimentConfigBuilder parallelEpisodes(Integer v) {
        parallelEpisodes = v;
        return this;
    }

    public ExperimentConfigBuilder birdEyeSizePx(Integer v) {
        birdEyeSizePx = v;
        return this;
    }

    public ExperimentConfigBuilder day(LocalDate v) {
        day = v;
        return this;
    }

    public ExperimentConfigBuilder npcAggressiveness(Double v) {
        npcAggressiveness = v;
        return this;
    }

    public ExperimentConfigBuilder narrator(String v) {
        narrator = v;
        return this;
    }

    public ExperimentConfigBuilder missedTurnRate(Double v) {
        missedTurnRate = v;
        return this;
    }

    public ExperimentConfig build() {
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
                day,
                npcAggressiveness,
                narrator,
                missedTurnRate);
    }
}
