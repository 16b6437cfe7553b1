package dev.drivenotes.carla.sensor;

import java.util.SplittableRandom;

/**
 * A GNSS receiver: the true position plus seeded Gaussian noise, independently per axis; on a share
 * {@code dropoutRate} of steps it has no fix and repeats its last one. Dropouts are drawn from their
 * own generator, and noise is drawn on every step, so the noise sequence is the same whatever the
 * dropout rate (and no dropout is drawn at rate 0).
 */
public final class Gnss {

    private final SplittableRandom random;
    private final SplittableRandom dropouts;
    private final double noiseM;
    private final double dropoutRate;
    private boolean hasFix;
    private double lastX;
    private double lastY;

    public Gnss(long seed, double noiseM, double dropoutRate) {
        if (!(dropoutRate >= 0 && dropoutRate <= 1)) {
            throw new IllegalArgumentException("dropoutRate must be in 0..1 (was " + dropoutRate + ")");
        }
        this.random = new SplittableRandom(seed);
        this.dropouts = new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.noiseM = noiseM;
        this.dropoutRate = dropoutRate;
    }

    /**
     * Writes the measured x, y into {@code out[0..1]}: a new fix, or on a dropout the last one (the
     * true position plus noise when there has been none yet).
     *
     * @return whether this step had no fix (a dropout)
     */
    public boolean measure(double trueX, double trueY, double[] out) {
        double x = trueX + (noiseM > 0 ? random.nextGaussian() * noiseM : 0);
        double y = trueY + (noiseM > 0 ? random.nextGaussian() * noiseM : 0);
        boolean dropout = dropoutRate > 0 && dropouts.nextDouble() < dropoutRate && hasFix;
        if (!dropout) {
            lastX = x;
            lastY = y;
            hasFix = true;
        }
        out[0] = lastX;
        out[1] = lastY;
        return dropout;
    }
}
