package dev.drivenotes.dreamer.model;

/**
 * The working arrays of one {@link FusedActor} call: activations as one array per instance row
 * ({@code [rows][width]}, see {@link FusedLayer} for why), the GRU gates of one row, and the
 * activation buffers. Reused from call to call, one call at a time, so that a call allocates only
 * its results.
 */
final class FusedScratch {

    final float[][] obs;
    final float[][] hidden;
    final float[][] embed;
    final float[][] x;
    final float[][] deter;
    final float[][] gates;
    final float[][] next;
    final float[][] post;
    final byte[][] index;
    final float[][] logits;
    final float[][] narration;
    final float[] reset;
    final float[] cand;
    final float[] update;
    final Activations act;

    FusedScratch(DreamerConfig c, int rows) {
        obs = new float[rows][c.obsDim()];
        hidden = new float[rows][c.hidden()];
        embed = new float[rows][c.hidden()];
        x = new float[rows][c.hidden()];
        deter = new float[rows][c.deter()];
        gates = new float[rows][3 * c.deter()];
        next = new float[rows][c.deter()];
        post = new float[rows][c.stochFlat()];
        index = new byte[rows][c.stoch()];
        logits = new float[rows][c.actions()];
        narration = new float[rows][c.narrationClasses()];
        reset = new float[c.deter()];
        cand = new float[c.deter()];
        update = new float[c.deter()];
        act = new Activations(Math.max(c.hidden(), c.deter()));
    }
}
