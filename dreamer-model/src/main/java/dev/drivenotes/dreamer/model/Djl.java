package dev.drivenotes.dreamer.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

/**
 * Entry to DJL's PyTorch engine, offline: the native library comes from the {@code
 * pytorch-native-cpu} and {@code pytorch-jni} jars on the classpath, nothing is downloaded. Fails
 * loudly when the engine cannot load. PyTorch runs one intra-op thread unless {@code
 * ai.djl.pytorch.num_threads} says otherwise.
 */
public final class Djl {

    public static final String ENGINE = "PyTorch";

    static {
        System.setProperty("ai.djl.offline", "true");
        // one intra-op thread: with the cores shared, PyTorch's spinning thread pools are far slower
        setDefault("ai.djl.pytorch.num_threads", "1");
        setDefault("ai.djl.pytorch.num_interop_threads", "1");
        setDefault("ai.djl.pytorch.graph_optimizer", "false");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private Djl() {}

    /** A new root manager on the PyTorch engine (CPU). */
    public static NDManager newManager() {
        return Engine.getEngine(ENGINE).newBaseManager();
    }

    /** Seeds the engine's generator (sampling during training). */
    public static void seed(long seed) {
        Engine.getEngine(ENGINE).setRandomSeed((int) seed);
    }
}
