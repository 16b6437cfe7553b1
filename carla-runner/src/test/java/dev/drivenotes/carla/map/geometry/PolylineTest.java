package dev.drivenotes.carla.map.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PolylineTest {

    /** An L: 10 m east, then 5 m north. */
    private static final Polyline L = new Polyline(new double[] {0, 10, 10}, new double[] {0, 0, 5});

    @Test
    void measuresCumulativeLengthAndSegmentHeadings() {
        assertThat(L.lengthM()).isEqualTo(15);
        assertThat(L.cumM(1)).isEqualTo(10);
        assertThat(L.startHeadingRad()).isEqualTo(0);
        assertThat(L.endHeadingRad()).isCloseTo(Math.PI / 2, within(1e-12));
        assertThat(L.segmentAt(9.99)).isZero();
        assertThat(L.segmentAt(10)).isEqualTo(1);
    }

    @Test
    void interpolatesAndClampsPointsAlongIt() {
        double[] p = new double[3];
        L.pointAt(12, p);
        assertThat(p).containsExactly(new double[] {10, 2, Math.PI / 2}, within(1e-12));
        L.pointAt(-3, p);
        assertThat(p).containsExactly(new double[] {0, 0, 0}, within(1e-12));
        L.pointAt(99, p);
        assertThat(p).containsExactly(new double[] {10, 5, Math.PI / 2}, within(1e-12));
    }

    @Test
    void projectsOntoTheNearestPointWithinTheWindowOnly() {
        assertThat(L.project(4, 1, 0, Double.POSITIVE_INFINITY)).isCloseTo(4, within(1e-12));
        assertThat(L.project(11, 3, 0, Double.POSITIVE_INFINITY)).isCloseTo(13, within(1e-12));
        // the north leg starts at 10 m: a window ending before it sees only the east leg
        assertThat(L.project(11, 3, 0, 5)).isCloseTo(10, within(1e-12));
    }

    @Test
    void rejectsFewerThanTwoPointsOrUnevenArrays() {
        assertThatThrownBy(() -> new Polyline(new double[] {1}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Polyline(new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builderJoinsPiecesWithoutDuplicateJointsAndTagsEveryVertex() {
        PolylineBuilder b = new PolylineBuilder();
        b.append(L, 5, 15, 7);
        Polyline north = new Polyline(new double[] {10, 10}, new double[] {5, 9});
        b.append(north, 0, 4, 8);
        Polyline joined = b.build();
        assertThat(joined.pointCount()).isEqualTo(4);
        assertThat(joined.lengthM()).isEqualTo(14).isEqualTo(b.lengthM());
        assertThat(b.tags()).containsExactly(7, 7, 7, 8);
        assertThat(joined.x(0)).isEqualTo(5);
        assertThat(joined.y(3)).isEqualTo(9);
    }

    @Test
    void builderRepeatsTheOnlyPointOfAZeroLengthPiece() {
        PolylineBuilder b = new PolylineBuilder();
        b.append(L, 3, 3, 1);
        Polyline point = b.build();
        assertThat(point.pointCount()).isEqualTo(2);
        assertThat(point.lengthM()).isZero();
        assertThat(b.tags()).containsExactly(1, 1);
    }
}
