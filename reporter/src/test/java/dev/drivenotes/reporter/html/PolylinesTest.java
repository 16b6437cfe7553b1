package dev.drivenotes.reporter.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PolylinesTest {

    @Test
    void aStraightLineKeepsOnlyItsEndsAndACornerStays() {
        List<Svg.Point> straight = new ArrayList<>();
        for (int i = 0; i <= 50; i++) {
            straight.add(new Svg.Point(i * 2, 0));
        }
        List<Svg.Point> corner = new ArrayList<>(straight);
        corner.add(new Svg.Point(100, 40));

        assertThat(Polylines.simplify(straight, 0.1)).containsExactly(straight.getFirst(), straight.getLast());
        assertThat(Polylines.simplify(corner, 0.1))
                .containsExactly(straight.getFirst(), new Svg.Point(100, 0), new Svg.Point(100, 40));
    }

    /** Every dropped point lies within the tolerance of the simplified line: the drawing moves no further. */
    @Property(tries = 200)
    void everyPointStaysWithinTheToleranceOfTheSimplifiedLine(
            @ForAll @Size(min = 3, max = 60) List<@DoubleRange(min = -50, max = 50) Double> ys,
            @ForAll @IntRange(min = 1, max = 20) int toleranceTenths) {
        double tolerance = toleranceTenths / 10.0;
        List<Svg.Point> points = new ArrayList<>();
        for (int i = 0; i < ys.size(); i++) {
            points.add(new Svg.Point(i, ys.get(i)));
        }

        List<Svg.Point> kept = Polylines.simplify(points, tolerance);

        assertThat(kept.getFirst()).isEqualTo(points.getFirst());
        assertThat(kept.getLast()).isEqualTo(points.getLast());
        for (Svg.Point p : points) {
            double nearest = Double.POSITIVE_INFINITY;
            for (int k = 1; k < kept.size(); k++) {
                nearest = Math.min(nearest, Polylines.distanceToSegment(p, kept.get(k - 1), kept.get(k)));
            }
            assertThat(nearest).isLessThanOrEqualTo(tolerance + 1e-9);
        }
    }
}
