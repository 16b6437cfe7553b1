package dev.drivenotes.dreamer.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * The acting path of {@link DreamerAgent} (encoder, one posterior RSSM step, actor and narration
 * head; latents and action at their mode) as a plain-Java forward over a copy of the parameters. DJL pays a JNI call
 * per tensor op (about sixty per step), which puts batch 1 near a millisecond; this does the same
 * arithmetic in a few tens of microseconds. It exploits that the stochastic state and the previous
 * action enter as one-hots (a sum of weight rows instead of a matmul), that the posterior mode is
 * the arg-max of the raw logits (unimix is monotonic, so no softmax there), and computes SiLU,
 * sigmoid and tanh with a vectorised exp ({@link Activations}). Instances run in chunks of {@link
 * #CHUNK} rows so that each weight row is loaded once per chunk. Scratch arrays come from a pool
 * of at most {@code concurrency}, so a call allocates only its results; thread-safe. The copy is
 * taken at construction: it must not serve parameters that are trained afterwards ({@link
 * DreamerAgent} checks).
 */
final class FusedActor {

    static final int CHUNK = 16;

    private final DreamerConfig c;
    private final FusedLayer enc0;
    private final FusedLayer enc1;
    private final FusedLayer imgIn;
    private final FusedLayer gru;
    private final FusedLayer obsOut;
    private final FusedLayer post;
    private final FusedLayer actor0;
    private final FusedLayer actor1;
    private final FusedLayer actorOut;
    /** The narration head's layers, null for a model without it. */
    private final FusedLayer narration0;

    private final FusedLayer narrationOut;
    private final ArrayBlockingQueue<FusedScratch> pool;

    FusedActor(DreamerNets nets, int concurrency) {
        this.c = nets.config();
        Params p = nets.params();
        this.enc0 = FusedLayer.of(p, "enc.0", true);
        this.enc1 = FusedLayer.of(p, "enc.1", true);
        this.imgIn = FusedLayer.of(p, "img_in.0", true);
        this.gru = FusedLayer.of(p, "gru", true);
        this.obsOut = FusedLayer.of(p, "obs_out.0", true);
        this.post = FusedLayer.of(p, "post", false);
        this.actor0 = FusedLayer.of(p, "actor.0", true);
        this.actor1 = FusedLayer.of(p, "actor.1", true);
        this.actorOut = FusedLayer.of(p, "actor.out", false);
        this.narration0 = c.narrates() ? FusedLayer.of(p, "narration.0", true) : null;
        this.narrationOut = c.narrates() ? FusedLayer.of(p, "narration.out", false) : null;
        this.pool = new ArrayBlockingQueue<>(Math.max(1, concurrency));
    }

    /** Decides a batch; inputs are already validated by {@link DreamerAgent}. */
    List<DreamerAgent.Step> act(List<float[]> observations, List<Carry> carries) {
        FusedScratch s = pool.poll();
        if (s == null) {
            s = new FusedScratch(c, CHUNK);
        }
        try {
            int n = observations.size();
            List<DreamerAgent.Step> out = new ArrayList<>(n);
            for (int from = 0; from < n; from += CHUNK) {
                chunk(s, observations, carries, from, Math.min(CHUNK, n - from), out);
            }
            return out;
        } finally {
            pool.offer(s);
        }
    }

    private void chunk(
            FusedScratch s,
            List<float[]> observations,
            List<Carry> carries,
            int from,
            int rows,
            List<DreamerAgent.Step> out) {
        int o = c.obsDim();
        int h = c.hidden();
        int d = c.deter();
        int classes = c.classes();
        // encoder: symlog, 2 × (dense, norm, SiLU)
        for (int r = 0; r < rows; r++) {
            float[] obs = observations.get(from + r);
            for (int k = 0; k < o; k++) {
                s.obs[r][k] = (float) Math.log1p(Math.abs(obs[k])) * Math.signum(obs[k]);
            }
        }
        enc0.bias(s.hidden, rows);
        enc0.dense(s.obs, o, 0, s.hidden, rows);
        enc0.normSilu(s.hidden, rows, s.act);
        enc1.bias(s.embed, rows);
        enc1.dense(s.hidden, h, 0, s.embed, rows);
        enc1.normSilu(s.embed, rows, s.act);
        // img_in on concat(one-hot stoch, one-hot action); a fresh state is all zeros
        imgIn.bias(s.x, rows);
        for (int r = 0; r < rows; r++) {
            Carry carry = carries.get(from + r);
            if (carry == null) {
                Arrays.fill(s.deter[r], 0f);
                continue;
            }
            System.arraycopy(carry.deter(), 0, s.deter[r], 0, d);
            byte[] index = carry.stochIndex();
            for (int k = 0; k < index.length; k++) {
                imgIn.addRow(k * classes + (index[k] & 0xff), s.x[r]);
            }
            if (carry.prevAction() >= 0) {
                imgIn.addRow(c.stochFlat() + carry.prevAction(), s.x[r]);
            }
        }
        imgIn.normSilu(s.x, rows, s.act);
        gruStep(s, rows);
        // posterior on concat(deter', embed): its mode per latent
        obsOut.bias(s.hidden, rows);
        obsOut.dense(s.next, d, 0, s.hidden, rows);
        obsOut.dense(s.embed, h, d, s.hidden, rows);
        obsOut.normSilu(s.hidden, rows, s.act);
        post.bias(s.post, rows);
        post.dense(s.hidden, h, 0, s.post, rows);
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < c.stoch(); k++) {
                s.index[r][k] = (byte) argMax(s.post[r], k * classes, classes);
            }
        }
        // actor on concat(deter', one-hot stoch)
        features(actor0, s, rows, s.hidden);
        actor0.normSilu(s.hidden, rows, s.act);
        actor1.bias(s.embed, rows);
        actor1.dense(s.hidden, h, 0, s.embed, rows);
        actor1.normSilu(s.embed, rows, s.act);
        actorOut.bias(s.logits, rows);
        actorOut.dense(s.embed, h, 0, s.logits, rows);
        if (narration0 != null) {
            // narration head on the same features: one (dense, norm, SiLU), then its logits
            features(narration0, s, rows, s.hidden);
            narration0.normSilu(s.hidden, rows, s.act);
            narrationOut.bias(s.narration, rows);
            narrationOut.dense(s.hidden, h, 0, s.narration, rows);
        }
        for (int r = 0; r < rows; r++) {
            out.add(step(s, r));
        }
    }

    /** A first dense layer on the features concat(deter', one-hot stoch) into {@code out} (before its norm). */
    private void features(FusedLayer layer, FusedScratch s, int rows, float[][] out) {
        int d = c.deter();
        layer.bias(out, rows);
        layer.dense(s.next, d, 0, out, rows);
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < c.stoch(); k++) {
                layer.addRow(d + k * c.classes() + s.index[r][k], out[r]);
            }
        }
    }

    /** LayerNorm GRU: reset = σ(g₀), cand = tanh(reset·g₁), update = σ(g₂ − 1). */
    private void gruStep(FusedScratch s, int rows) {
        int d = c.deter();
        gru.bias(s.gates, rows);
        gru.dense(s.x, c.hidden(), 0, s.gates, rows);
        gru.dense(s.deter, d, c.hidden(), s.gates, rows);
        gru.norm(s.gates, rows);
        float[] reset = s.reset;
        float[] cand = s.cand;
        float[] update = s.update;
        for (int r = 0; r < rows; r++) {
            // separate arrays indexed alike, so that every loop vectorises
            System.arraycopy(s.gates[r], 0, reset, 0, d);
            System.arraycopy(s.gates[r], d, cand, 0, d);
            System.arraycopy(s.gates[r], 2 * d, update, 0, d);
            s.act.sigmoid(reset, d);
            for (int k = 0; k < d; k++) {
                cand[k] *= reset[k];
                update[k] -= 1f;
            }
            s.act.tanh(cand, d);
            s.act.sigmoid(update, d);
            float[] prev = s.deter[r];
            float[] next = s.next[r];
            for (int k = 0; k < d; k++) {
                next[k] = update[k] * cand[k] + (1f - update[k]) * prev[k];
            }
        }
    }

    /** The actor's 1 % unimix distribution of row {@code r}, its mode and the next carry. */
    private DreamerAgent.Step step(FusedScratch s, int r) {
        int a = c.actions();
        float[] logits = s.logits[r];
        int best = argMax(logits, 0, a);
        double sum = 0;
        for (int k = 0; k < a; k++) {
            sum += Math.exp(logits[k] - logits[best]);
        }
        float probability = (float) ((1 - DreamerNets.UNIMIX) / sum + DreamerNets.UNIMIX / a);
        // Carry copies its arrays, so the scratch rows are free for the next call
        float[] narration = narration0 == null ? null : s.narration[r].clone();
        return new DreamerAgent.Step(best, probability, new Carry(s.next[r], s.index[r], best), narration);
    }

    /** Index of the first largest of {@code n} values from {@code from}. */
    private static int argMax(float[] v, int from, int n) {
        int best = 0;
        for (int k = 1; k < n; k++) {
            if (v[from + k] > v[from + best]) {
                best = k;
            }
        }
        return best;
    }
}
