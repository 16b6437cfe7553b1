package dev.drivenotes.trainer.learning;

import dev.drivenotes.dreamer.model.DreamerConfig;
import dev.drivenotes.dreamer.model.ObservationVector;

/**
 * A training batch of {@code batch} sequences of {@code length} steps, time-major (index {@code
 * t·batch + b}).
 *
 * @param obs observation vectors, {@link ObservationVector#DIM} per step
 * @param prevActions the action taken before each observation, −1 at an episode start
 * @param actions the action taken after each observation
 * @param rewards reward received with each observation
 * @param conts 0 where the episode terminated at this observation, else 1
 * @param firsts true on an episode's first observation (the RSSM state resets)
 * @param labels the demonstrator's action for each observation (behaviour cloning target: the action
 *     it took on its own steps, the one it would take on the agent's steps), −1 where there is none
 * @param maneuvers the narration head's target for each observation ({@code Narration.CLASSES} index
 *     of the true maneuver of the junction traversal it belongs to), −1 where there is none
 * @param rasters the bird's-eye raster of each observation, {@link DreamerConfig#rasterBytes()} bytes
 *     per step in the same order, or null for a model without raster input
 */
public record SequenceBatch(
        int batch,
        int length,
        float[] obs,
        int[] prevActions,
        int[] actions,
        float[] rewards,
        float[] conts,
        boolean[] firsts,
        int[] labels,
        int[] maneuvers,
        byte[] rasters) {

    public SequenceBatch {
        int n = batch * length;
        if (batch < 1
                || length < 1
                || obs.length != n * ObservationVector.DIM
                || prevActions.length != n
                || actions.length != n
                || rewards.length != n
                || conts.length != n
                || firsts.length != n
                || labels.length != n
                || maneuvers.length != n
                || (rasters != null && (rasters.length == 0 || rasters.length % n != 0))) {
            throw new IllegalArgumentException("inconsistent sequence batch " + batch + "×" + length);
        }
    }

    /**
     * A batch of zeros for a sampler to fill in place (the arrays are the batch's own), except the
     * maneuver labels, which start at −1 (none).
     *
     * @param rasterBytes raster bytes per step, 0 for a model without raster input
     */
    public static SequenceBatch zeros(int batch, int length, int rasterBytes) {
        int n = batch * length;
        int[] maneuvers = new int[n];
        java.util.Arrays.fill(maneuvers, -1);
        return new SequenceBatch(
                batch,
                length,
                new float[n * ObservationVector.DIM],
                new int[n],
                new int[n],
                new float[n],
                new float[n],
                new boolean[n],
                new int[n],
                maneuvers,
                rasterBytes > 0 ? new byte[n * rasterBytes] : null);
    }
}
