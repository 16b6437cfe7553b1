package dev.drivenotes.model.experiment;

import dev.drivenotes.model.Require;
import dev.drivenotes.model.policy.PredictResponse;
import dev.drivenotes.model.sim.Termination;
import java.util.List;

/**
 * One finished episode, small enough to travel in an event.
 *
 * @param episodeId unique id ({@code <experimentId>-e<index>})
 * @param index 0-based index in the experiment
 * @param seed the episode's seed
 * @param steps steps driven
 * @param termination why it ended
 * @param routeCompletion share of the route driven, 0..1
 * @param infractions collisions by what was hit, red lights and stop signs run
 * @param laneInvasions lane invasion events
 * @param offRoad whether it left the road
 * @param meanSpeedMps mean true speed
 * @param routeLengthM planned route length
 * @param start named start place
 * @param destination destination POI
 * @param routeDeviations steps off the planned route
 * @param controlClamps controls the orchestrator's safety check had to clamp before sending them
 *     (out of range, not finite, or steering faster than the wheels turn)
 * @param runner the instance id of the runner that drove it (absent in summaries written before
 *     episodes were spread over runners)
 * @param modelVersions the model versions that answered the episode's predict calls ({@code
 *     PredictResponse.modelVersion}): one, or every distinct one in the order they first answered
 *     when the model changed mid-episode (a rolling deploy); null when none was named (episodes
 *     driven before predict responses named their model, or by a service that does not). At most
 *     {@value #MAX_MODEL_VERSIONS}, each at most {@value #MAX_MODEL_VERSION_CHARS} characters
 */
public record EpisodeSummary(
        String episodeId,
        int index,
        long seed,
        int steps,
        Termination termination,
        double routeCompletion,
        Infractions infractions,
        int laneInvasions,
        boolean offRoad,
        double meanSpeedMps,
        double routeLengthM,
        String start,
        String destination,
        int routeDeviations,
        int controlClamps,
        String runner,
        List<String> modelVersions) {

    /** The most distinct model versions an episode records. */
    public static final int MAX_MODEL_VERSIONS = 16;
    /** The longest model version recorded: as {@link PredictResponse} bounds it. */
    public static final int MAX_MODEL_VERSION_CHARS = PredictResponse.MAX_MODEL_VERSION;

    public EpisodeSummary {
        Require.notBlank("episodeId", episodeId);
        Require.inRange("index", index, 0, Integer.MAX_VALUE);
        Require.inRange("steps", steps, 0, Integer.MAX_VALUE);
        Require.notNull("termination", termination);
        Require.inRange("routeCompletion", routeCompletion, 0, 1);
        Require.notNull("infractions", infractions);
        Require.inRange("laneInvasions", laneInvasions, 0, Integer.MAX_VALUE);
        Require.nonNegative("meanSpeedMps", meanSpeedMps);
        Require.nonNegative("routeLengthM", routeLengthM);
        Require.notBlank("start", start);
        Require.notBlank("destination", destination);
        Require.inRange("routeDeviations", routeDeviations, 0, Integer.MAX_VALUE);
        Require.inRange("controlClamps", controlClamps, 0, Integer.MAX_VALUE);
        if (runner != null) {
            Require.notBlank("runner", runner, 64);
        }
        if (modelVersions != null) {
            Require.maxSize(
                    "modelVersions", Require.noNullElements("modelVersions", modelVersions), MAX_MODEL_VERSIONS);
            modelVersions.forEach(v -> Require.notBlank("modelVersions", v, MAX_MODEL_VERSION_CHARS));
            modelVersions = modelVersions.isEmpty() ? null : List.copyOf(modelVersions);
        }
    }

    /** Collisions of every kind. */
    public int collisions() {
        return infractions.collisions();
    }
}
