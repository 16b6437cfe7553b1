package dev.drivenotes.trainer.learning;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import dev.drivenotes.dreamer.model.Params;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam over the named parameters, one parameter group each for the world model, the actor and the
 * critic (own learning rate, own step count for the bias correction, own global-norm gradient
 * clipping as in DreamerV3). Our own rather than DJL's {@code Optimizer.adam()}, which keeps its
 * moments privately: here they can be saved with a checkpoint and restored on resume.
 */
public final class Adam {

    static final float BETA1 = 0.9f;
    static final float BETA2 = 0.999f;
    static final float EPSILON = 1e-8f;
    static final String MEAN = "m/";
    static final String VARIANCE = "v/";

    /** Parameter groups by name prefix: {@code actor.*}, {@code critic.*}, everything else the model. */
    public enum Group {
        MODEL(1000f),
        ACTOR(100f),
        CRITIC(100f);

        /** DreamerV3's global gradient norm limit of the group. */
        final float clipNorm;

        Group(float clipNorm) {
            this.clipNorm = clipNorm;
        }

        static Group of(String name) {
            return name.startsWith("actor") ? ACTOR : name.startsWith("critic") ? CRITIC : MODEL;
        }
    }

    private final Map<String, NDArray> means = new LinkedHashMap<>();
    private final Map<String, NDArray> variances = new LinkedHashMap<>();
    private final Map<Group, Float> rates = new EnumMap<>(Group.class);
    private final Map<Group, Long> steps = new EnumMap<>(Group.class);

    /** Zero moments for every trainable parameter ({@code slow.*} excluded). */
    public Adam(Params params, NDManager manager, float modelLr, float actorLr, float criticLr) {
        params.all().forEach((name, p) -> {
            if (!name.startsWith("slow.")) {
                means.put(name, named(manager.zeros(p.getShape()), MEAN + name));
                variances.put(name, named(manager.zeros(p.getShape()), VARIANCE + name));
            }
        });
        rates.put(Group.MODEL, modelLr);
        rates.put(Group.ACTOR, actorLr);
        rates.put(Group.CRITIC, criticLr);
        for (Group g : Group.values()) {
            steps.put(g, 0L);
        }
    }

    private static NDArray named(NDArray a, String name) {
        a.setName(name);
        return a;
    }

    /**
     * One step on the given parameters with their gradients. When any gradient is not finite no
     * parameter changes and it answers false; otherwise each group present is clipped to its global
     * norm limit, its step count advances, and it answers true.
     */
    public boolean step(Params params, Map<String, NDArray> grads) {
        List<String> names = new ArrayList<>(grads.keySet());
        float[] squares;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDList sums = new NDList();
            for (String name : names) {
                sums.add(grads.get(name).square().sum());
            }
            squares = NDArrays.stack(sums).toFloatArray(); // one host transfer for all gradients
        }
        Map<Group, Double> norms = new EnumMap<>(Group.class);
        for (int i = 0; i < names.size(); i++) {
            if (!Float.isFinite(squares[i])) {
                return false;
            }
            norms.merge(Group.of(names.get(i)), (double) squares[i], Double::sum);
        }
        Map<Group, Float> lrs = new EnumMap<>(Group.class);
        Map<Group, Float> scales = new EnumMap<>(Group.class);
        norms.forEach((g, squareSum) -> {
            long t = steps.merge(g, 1L, Long::sum);
            double correction = Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
            lrs.put(g, (float) (rates.get(g) * correction));
            scales.put(g, (float) Math.min(1.0, g.clipNorm / (Math.sqrt(squareSum) + 1e-6)));
        });
        for (String name : names) {
            Group g = Group.of(name);
            update(params.get(name), grads.get(name), name, scales.get(g), lrs.get(g));
        }
        return true;
    }

    private void update(NDArray weight, NDArray grad, String name, float scale, float lr) {
        NDArray m = moment(means, name);
        NDArray v = moment(variances, name);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray g = scale < 1f ? grad.mul(scale) : grad;
            m.muli(BETA1).addi(g.mul(1f - BETA1));
            v.muli(BETA2).addi(g.square().muli(1f - BETA2));
            weight.subi(m.div(v.sqrt().addi(EPSILON)).muli(lr));
        }
    }

    private static NDArray moment(Map<String, NDArray> moments, String name) {
        NDArray a = moments.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no Adam moments for parameter " + name);
        }
        return a;
    }

    /** Steps taken by a group (its bias correction). */
    public long steps(Group group) {
        return steps.get(group);
    }

    /** Step counts by group name, for the checkpoint's JSON. */
    public Map<String, Long> stepCounts() {
        Map<String, Long> out = new LinkedHashMap<>();
        steps.forEach((g, t) -> out.put(g.name().toLowerCase(java.util.Locale.ROOT), t));
        return out;
    }

    /** Writes the moments as a DJL {@link NDList}, each array named {@code m/<param>} or {@code v/<param>}. */
    public void saveMoments(OutputStream out) throws IOException {
        NDList list = new NDList();
        list.addAll(new ArrayList<>(means.values()));
        list.addAll(new ArrayList<>(variances.values()));
        list.encode(out);
    }

    /**
     * Replaces the moments and step counts with saved ones; every trainable parameter must have both
     * moments with its shape, and every group a non-negative step count.
     */
    public void restore(NDManager manager, InputStream moments, Map<String, Long> stepCounts) throws IOException {
        Map<Group, Long> counts = new EnumMap<>(Group.class);
        for (Group g : Group.values()) {
            Long t = stepCounts == null ? null : stepCounts.get(g.name().toLowerCase(java.util.Locale.ROOT));
            if (t == null || t < 0) {
                throw new IOException("optimizer step count of group " + g + " is missing or negative");
            }
            counts.put(g, t);
        }
        NDList list;
        try {
            list = NDList.decode(manager, moments);
        } catch (RuntimeException e) {
            throw new IOException("optimizer moments are not a readable NDList: " + e.getMessage(), e);
        }
        Map<String, NDArray> byName = new LinkedHashMap<>();
        for (NDArray a : list) {
            byName.put(a.getName(), a);
        }
        try {
            check(byName, means, MEAN);
            check(byName, variances, VARIANCE);
            means.forEach((name, m) -> m.set(byName.get(MEAN + name).toFloatArray()));
            variances.forEach((name, v) -> v.set(byName.get(VARIANCE + name).toFloatArray()));
            steps.putAll(counts);
        } finally {
            list.close();
        }
    }

    private static void check(Map<String, NDArray> saved, Map<String, NDArray> into, String prefix) throws IOException {
        for (Map.Entry<String, NDArray> e : into.entrySet()) {
            NDArray a = saved.get(prefix + e.getKey());
            if (a == null || !a.getShape().equals(e.getValue().getShape())) {
                throw new IOException("optimizer moment " + prefix + e.getKey() + " is missing or has shape "
                        + (a == null ? "none" : a.getShape()) + " instead of "
                        + e.getValue().getShape());
            }
        }
    }
}
