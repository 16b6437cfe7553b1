package dev.drivenotes.dreamer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Named parameter tensors of the networks, stored as a DJL {@link NDList} (each array named).
 * Initialisation draws from a Java generator, so it is identical for a seed on every engine.
 */
public final class Params {

    private final Map<String, NDArray> arrays;

    private Params(Map<String, NDArray> arrays) {
        this.arrays = arrays;
    }

    /**
     * Fresh parameters for a layout: weights {@code *.w} uniform in ±√(6/(fan in + fan out)) (zero for
     * output heads the layout marks), biases and norm offsets zero, norm scales one.
     */
    public static Params initialise(NDManager manager, Layout layout, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        layout.shapes().forEach((name, shape) -> {
            float[] values = new float[Math.toIntExact(shape.size())];
            if (name.endsWith(".w") && !layout.zero().contains(name)) {
                // convolution kernels: fan in / out include the receptive field (1 for dense layers)
                long field = shape.dimension() > 2 ? shape.slice(2).size() : 1;
                double limit = Math.sqrt(6.0 / ((shape.get(0) + shape.get(1)) * field));
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) random.nextDouble(-limit, limit);
                }
            } else if (name.endsWith(".g")) {
                java.util.Arrays.fill(values, 1f);
            }
            NDArray array = manager.create(values, shape);
            array.setName(name);
            arrays.put(name, array);
        });
        return new Params(arrays);
    }

    /** Reads parameters written by {@link #save}; they must match the layout exactly. */
    public static Params load(NDManager manager, Layout layout, InputStream in) throws IOException {
        NDList list = NDList.decode(manager, in);
        Map<String, NDArray> byName = new LinkedHashMap<>();
        for (NDArray a : list) {
            byName.put(a.getName(), a);
        }
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        for (Map.Entry<String, Shape> e : layout.shapes().entrySet()) {
            NDArray a = byName.get(e.getKey());
            if (a == null || !a.getShape().equals(e.getValue())) {
                throw new IOException("checkpoint parameter " + e.getKey() + " is missing or has shape "
                        + (a == null ? "none" : a.getShape()) + " instead of " + e.getValue());
            }
            arrays.put(e.getKey(), a);
        }
        return new Params(arrays);
    }

    /**
     * Overwrites every parameter that {@code source} has under the same name and shape with a copy of
     * its values; answers how many were copied (the others keep their values).
     */
    public int copyFrom(Params source) {
        int copied = 0;
        for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
            NDArray from = source.arrays.get(e.getKey());
            if (from != null && from.getShape().equals(e.getValue().getShape())) {
                e.getValue().set(from.toFloatArray());
                copied++;
            }
        }
        return copied;
    }

    public void save(OutputStream out) throws IOException {
        new NDList(arrays.values().toArray(NDArray[]::new)).encode(out);
    }

    public NDArray get(String name) {
        NDArray a = arrays.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no parameter " + name);
        }
        return a;
    }

    /** All parameters, by name, in layout order. */
    public Map<String, NDArray> all() {
        return Collections.unmodifiableMap(arrays);
    }

    /** Parameters whose name starts with a prefix. */
    public Map<String, NDArray> withPrefix(String prefix) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        arrays.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Total number of scalars. */
    public long size() {
        return arrays.values().stream().mapToLong(a -> a.getShape().size()).sum();
    }
}
