package dev.drivenotes.carla.sensor;

import java.util.SplittableRandom;

/** A GNSS receiver: the true position plus seeded Gaussian noise, independently per axis. */
public final class Gnss {

    private final SplittableRandom random;
    private final double noiseM;

    public Gnss(long seed, double noiseM) {
        this.random = new SplittableRandom(seed);
        this.noiseM = noiseM;
    }

    /** Writes the measured x, y into {@code out[0..1]}. */
    public void measure(double trueX, double trueY, double[] out) {
        out[0] = trueX + (noiseM > 0 ? random.nextGaussian() * noiseM : 0);
        out[1] = trueY + (noiseM > 0 ? random.nextGaussian() * noiseM : 0);
    }
}
