package dev.drivenotes.dreamer.model;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;

/**
 * One session's recurrent state between steps: the RSSM deterministic state, the class index of
 * each stochastic latent, and the previous action (−1 none). Travels as base64 in predictions.
 */
public record Carry(float[] deter, byte[] stochIndex, int prevAction) {

    private static final byte VERSION = 1;

    public Carry {
        deter = deter.clone();
        stochIndex = stochIndex.clone();
    }

    /** The same state followed by another action (e.g. an exploratory one the agent did not choose). */
    public Carry withPrevAction(int action) {
        return new Carry(deter, stochIndex, action);
    }

    /** Base64 of: version, deter size, latent count, previous action, deter floats, indices. */
    public String encode() {
        ByteBuffer buf = ByteBuffer.allocate(1 + 4 + 4 + 1 + 4 * deter.length + stochIndex.length);
        buf.put(VERSION).putInt(deter.length).putInt(stochIndex.length).put((byte) prevAction);
        for (float f : deter) {
            buf.putFloat(f);
        }
        buf.put(stochIndex);
        return Base64.getEncoder().encodeToString(buf.array());
    }

    /**
     * Decodes a carry for a model with these sizes.
     *
     * @throws IllegalArgumentException when the text is not a carry of this model
     */
    public static Carry decode(String base64, DreamerConfig config) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("carry is not base64", e);
        }
        int expected = 1 + 4 + 4 + 1 + 4 * config.deter() + config.stoch();
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        if (bytes.length != expected
                || buf.get() != VERSION
                || buf.getInt() != config.deter()
                || buf.getInt() != config.stoch()) {
            throw new IllegalArgumentException("carry does not belong to this model (" + config.preset() + ")");
        }
        int prev = buf.get();
        float[] deter = new float[config.deter()];
        for (int i = 0; i < deter.length; i++) {
            deter[i] = buf.getFloat();
        }
        byte[] idx = new byte[config.stoch()];
        buf.get(idx);
        Carry carry = new Carry(deter, idx, prev);
        String mismatch = carry.mismatch(config);
        if (mismatch != null) {
            throw new IllegalArgumentException("carry: " + mismatch);
        }
        return carry;
    }

    /**
     * Why this carry cannot be a state of a model with these sizes (sizes, a latent class or the
     * previous action out of range), or null when it can.
     */
    public String mismatch(DreamerConfig config) {
        if (deter.length != config.deter() || stochIndex.length != config.stoch()) {
            return "sizes " + deter.length + "/" + stochIndex.length + ", the model expects " + config.deter() + "/"
                    + config.stoch();
        }
        for (byte index : stochIndex) {
            if ((index & 0xff) >= config.classes()) {
                return "latent class " + (index & 0xff) + " out of range 0.." + (config.classes() - 1);
            }
        }
        if (prevAction < -1 || prevAction >= config.actions()) {
            return "previous action " + prevAction + " out of range -1.." + (config.actions() - 1);
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Carry c
                && Arrays.equals(deter, c.deter)
                && Arrays.equals(stochIndex, c.stochIndex)
                && prevAction == c.prevAction;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(deter) + Arrays.hashCode(stochIndex)) + prevAction;
    }

    @Override
    public String toString() {
        return "Carry[deter=" + deter.length + ", stoch=" + stochIndex.length + ", prevAction=" + prevAction + "]";
    }
}
