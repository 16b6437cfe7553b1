package dev.drivenotes.model.experiment;

import dev.drivenotes.model.Require;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An episode that could not be driven to its end: every attempt failed on a dependency.
 *
 * @param episodeId unique id ({@code <experimentId>-e<index>})
 * @param index 0-based index in the experiment
 * @param seed the episode's seed
 * @param attempts how many times it was started
 * @param reason why the last attempt failed
 */
public record EpisodeFailure(String episodeId, int index, long seed, int attempts, String reason) {
    public EpisodeFailure {
        Require.notBlank("episodeId", episodeId);
        Require.inRange("index", index, 0, Integer.MAX_VALUE);
        Require.inRange("attempts", attempts, 1, Integer.MAX_VALUE);
        Require.notBlank("reason", reason);
    }

    /** "2 of 4 episodes failed: x-e1 (3 attempts): reason; ..." or null when none failed. */
    public static String summary(int episodes, List<EpisodeFailure> failures) {
        if (failures.isEmpty()) {
            return null;
        }
        return failures.size() + " of " + episodes + " episodes failed: "
                + failures.stream()
                        .map(f -> f.episodeId() + " (" + f.attempts() + (f.attempts() == 1 ? " attempt" : " attempts")
                                + "): " + f.reason())
                        .collect(Collectors.joining("; "));
    }
}
