package dev.drivenotes.carla.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class OrientedBoxTest {

    @Property
    void separatingAxisResultIsSymmetric(
            @ForAll @DoubleRange(min = -10, max = 10) double ax,
            @ForAll @DoubleRange(min = -10, max = 10) double ay,
            @ForAll @DoubleRange(min = -4, max = 4) double aYaw,
            @ForAll @DoubleRange(min = -10, max = 10) double bx,
            @ForAll @DoubleRange(min = -10, max = 10) double by,
            @ForAll @DoubleRange(min = -4, max = 4) double bYaw) {
        boolean ab = OrientedBox.overlap(ax, ay, aYaw, 2.3, 1.0, bx, by, bYaw, 3.0, 1.2);
        boolean ba = OrientedBox.overlap(bx, by, bYaw, 3.0, 1.2, ax, ay, aYaw, 2.3, 1.0);

        assertThat(ab).isEqualTo(ba);
    }

    @Property
    void boxesFartherApartThanTheirDiagonalsNeverCollide(
            @ForAll @DoubleRange(min = -4, max = 4) double aYaw,
            @ForAll @DoubleRange(min = -4, max = 4) double bYaw,
            @ForAll @DoubleRange(min = -4, max = 4) double directionRad,
            @ForAll @DoubleRange(min = 5.4, max = 500) double distanceM) {
        double bx = distanceM * Math.cos(directionRad);
        double by = distanceM * Math.sin(directionRad);

        assertThat(OrientedBox.overlap(0, 0, aYaw, 2.3, 1.0, bx, by, bYaw, 2.3, 1.0))
                .isFalse();
    }

    @Property
    void boxesWhoseCentresLieInsideEachOtherAlwaysCollide(
            @ForAll @DoubleRange(min = -4, max = 4) double aYaw,
            @ForAll @DoubleRange(min = -4, max = 4) double bYaw,
            @ForAll @DoubleRange(min = -0.9, max = 0.9) double forwardM,
            @ForAll @DoubleRange(min = -0.9, max = 0.9) double leftM) {
        double bx = forwardM * Math.cos(aYaw) - leftM * Math.sin(aYaw);
        double by = forwardM * Math.sin(aYaw) + leftM * Math.cos(aYaw);

        assertThat(OrientedBox.overlap(0, 0, aYaw, 2.3, 1.0, bx, by, bYaw, 2.3, 1.0))
                .isTrue();
    }

    @Test
    void sideBySideCarsInAdjacentLanesDoNotCollideButOverlappingOnesDo() {
        assertThat(OrientedBox.overlap(0, 0, 0, 2.3, 1.0, 0, 2.1, 0, 2.3, 1.0)).isFalse();
        assertThat(OrientedBox.overlap(0, 0, 0, 2.3, 1.0, 0, 1.9, 0, 2.3, 1.0)).isTrue();
    }

    @Test
    void aRotatedBoxIsSeparatedOnlyWhenItsCornerStaysClear() {
        // b rotated 45° reaches 2.3 cos45° + 1.0 sin45° ≈ 2.33 m along x, so the boxes separate beyond 4.63 m
        double d = 2.3 + 2.2;
        assertThat(OrientedBox.overlap(0, 0, 0, 2.3, 1.0, d, 0, Math.PI / 4, 2.3, 1.0))
                .isTrue();
        assertThat(OrientedBox.overlap(0, 0, 0, 2.3, 1.0, 2.3 + 2.5, 0, Math.PI / 4, 2.3, 1.0))
                .isFalse();
    }
}
