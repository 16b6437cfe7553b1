package dev.drivenotes.carla.map.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

class SpiralGeometryTest {

    /** Integrals of cos and sin of the clothoid heading from 0 to ds by composite Simpson, 20 000 steps. */
    private static double[] reference(double hdg, double curvStart, double rate, double ds) {
        int n = 20_000;
        double h = ds / n;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i <= n; i++) {
            double u = i * h;
            double theta = hdg + curvStart * u + rate * u * u / 2;
            double w = i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2);
            sx += w * Math.cos(theta);
            sy += w * Math.sin(theta);
        }
        return new double[] {sx * h / 3, sy * h / 3};
    }

    @Test
    void samplingALongSpiralEveryMetreIntegratesEachStretchOnce() {
        LongAdder integrand = new LongAdder();
        double lengthM = 2000;
        SpiralGeometry spiral = new SpiralGeometry(0, 0, 0, 0, lengthM, 0, 0.01, integrand);
        long knots = (long) (lengthM / SpiralGeometry.KNOT_SPACING_M);
        assertThat(integrand.sum())
                .as("the knot table: one 4-point panel per knot")
                .isEqualTo(4 * knots);
        double[] out = new double[3];
        int samples = 0;
        for (double ds = 0; ds <= lengthM; ds += 0.7) {
            spiral.evaluate(ds, out);
            samples++;
        }
        // re-integrating from the start for every sample would take about 4 · 1000 · 2858 / 2 evaluations
        assertThat(integrand.sum()).isLessThanOrEqualTo(4 * knots + 4L * samples);
    }

    @Test
    void positionsAgreeWithAnIndependentIntegrationAlongTheWholeSpiral() {
        double hdg = 0.4;
        double curvStart = -0.02;
        double curvEnd = 0.03;
        double lengthM = 613.7;
        SpiralGeometry spiral = new SpiralGeometry(5, 100, -40, hdg, lengthM, curvStart, curvEnd);
        double rate = (curvEnd - curvStart) / lengthM;
        double[] out = new double[3];
        for (int i = 0; i <= 100; i++) {
            double ds = lengthM * i / 100;
            spiral.evaluate(ds, out);
            double[] expected = reference(hdg, curvStart, rate, ds);
            assertThat(out[0]).as("x at %s", ds).isCloseTo(100 + expected[0], within(1e-6));
            assertThat(out[1]).as("y at %s", ds).isCloseTo(-40 + expected[1], within(1e-6));
            assertThat(out[2]).isCloseTo(hdg + curvStart * ds + rate * ds * ds / 2, within(1e-12));
        }
    }
}
