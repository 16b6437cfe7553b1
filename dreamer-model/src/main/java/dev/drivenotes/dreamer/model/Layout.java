package dev.drivenotes.dreamer.model;

import ai.djl.ndarray.types.Shape;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Shapes of the named parameters, in registration order, and which weights start at zero. */
public final class Layout {

    private final Map<String, Shape> shapes = new LinkedHashMap<>();
    private final Set<String> zero = new HashSet<>();

    /** A dense layer {@code name.w [in, out]}, {@code name.b [out]}. */
    Layout linear(String name, int in, int out, boolean zeroInit) {
        shapes.put(name + ".w", new Shape(in, out));
        shapes.put(name + ".b", new Shape(out));
        if (zeroInit) {
            zero.add(name + ".w");
        }
        return this;
    }

    /** A layer norm {@code name.g}, {@code name.o}. */
    Layout norm(String name, int dim) {
        shapes.put(name + ".g", new Shape(dim));
        shapes.put(name + ".o", new Shape(dim));
        return this;
    }

    /** {@code layers} × (dense, norm, SiLU), the first from {@code in}. */
    Layout mlp(String name, int in, int hidden, int layers) {
        for (int i = 0; i < layers; i++) {
            linear(name + "." + i, i == 0 ? in : hidden, hidden, false);
            norm(name + "." + i + ".n", hidden);
        }
        return this;
    }

    /** A 2-D convolution {@code name.w [out, in, k, k]}, {@code name.b [out]}. */
    Layout conv(String name, int in, int out, int kernel) {
        shapes.put(name + ".w", new Shape(out, in, kernel, kernel));
        shapes.put(name + ".b", new Shape(out));
        return this;
    }

    /** A 2-D transposed convolution {@code name.w [in, out, k, k]} (PyTorch's layout), {@code name.b [out]}. */
    Layout deconv(String name, int in, int out, int kernel) {
        shapes.put(name + ".w", new Shape(in, out, kernel, kernel));
        shapes.put(name + ".b", new Shape(out));
        return this;
    }

    public Map<String, Shape> shapes() {
        return Collections.unmodifiableMap(shapes);
    }

    Set<String> zero() {
        return Collections.unmodifiableSet(zero);
    }
}
