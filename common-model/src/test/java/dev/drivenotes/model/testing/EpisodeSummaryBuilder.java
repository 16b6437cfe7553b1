package dev.drivenotes.model.testing;

import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.Infractions;
import dev.drivenotes.model.sim.Termination;
import java.util.List;

/**
 * Test data: a valid {@link EpisodeSummary} (a clean drive from City Hall to the Museum that reached
 * its destination) that a test changes only where it matters.
 */
public final class EpisodeSummaryBuilder {

    private final String episodeId;
    private final int index;
    private long seed = 7;
    private int steps = 400;
    private Termination termination = Termination.REACHED_DESTINATION;
    private double routeCompletion = 1.0;
    private Infractions infractions = Infractions.NONE;
    private int laneInvasions;
    private boolean offRoad;
    private double meanSpeedMps = 6.5;
    private double routeLengthM = 250;
    private String start = "City Hall";
    private String destination = "Museum";
    private int routeDeviations;
    private int controlClamps;
    private String runner;
    private List<String> modelVersions;

    private EpisodeSummaryBuilder(String episodeId, int index) {
        this.episodeId = episodeId;
        this.index = index;
    }

    public static EpisodeSummaryBuilder episode(String episodeId, int index) {
        return new EpisodeSummaryBuilder(episodeId, index);
    }

    public EpisodeSummaryBuilder seed(long v) {
        seed = v;
        return this;
    }

    public EpisodeSummaryBuilder steps(int v) {
        steps = v;
        return this;
    }

    public EpisodeSummaryBuilder termination(Termination v) {
        termination = v;
        return this;
    }

    public EpisodeSummaryBuilder routeCompletion(double v) {
        routeCompletion = v;
        return this;
    }

    public EpisodeSummaryBuilder infractions(Infractions v) {
        infractions = v;
        return this;
    }

    public EpisodeSummaryBuilder laneInvasions(int v) {
        laneInvasions = v;
        return this;
    }

    public EpisodeSummaryBuilder offRoad(boolean v) {
        offRoad = v;
        return this;
    }

    public EpisodeSummaryBuilder meanSpeedMps(double v) {
        meanSpeedMps = v;
        return this;
    }

    public EpisodeSummaryBuilder route(String from, String to, double lengthM) {
        start = from;
        destination = to;
        routeLengthM = lengthM;
        return this;
    }

    public EpisodeSummaryBuilder controlClamps(int v) {
        controlClamps = v;
        return this;
    }

    public EpisodeSummaryBuilder runner(String v) {
        runner = v;
        return this;
    }

    public EpisodeSummaryBuilder modelVersions(String... v) {
        modelVersions = List.of(v);
        return this;
    }

    public EpisodeSummaryBuilder routeDeviations(int v) {
        routeDeviations = v;
        return this;
    }

    public EpisodeSummary build() {
        return new EpisodeSummary(
                episodeId,
                index,
                seed,
                steps,
                termination,
                routeCompletion,
                infractions,
                laneInvasions,
                offRoad,
                meanSpeedMps,
                routeLengthM,
                start,
                destination,
                routeDeviations,
                controlClamps,
                runner,
                modelVersions);
    }
}
