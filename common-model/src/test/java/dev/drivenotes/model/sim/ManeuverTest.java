package dev.drivenotes.model.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.model.InvalidInputException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class ManeuverTest {

    @Test
    void classifiesHeadingChanges() {
        assertThat(Maneuver.fromHeadingChange(Math.PI / 2)).isEqualTo(Maneuver.TURN_LEFT);
        assertThat(Maneuver.fromHeadingChange(-Math.PI / 2)).isEqualTo(Maneuver.TURN_RIGHT);
        assertThat(Maneuver.fromHeadingChange(0.1)).isEqualTo(Maneuver.GO_STRAIGHT);
        // wrapping: +270 degrees is a right turn
        assertThat(Maneuver.fromHeadingChange(3 * Math.PI / 2)).isEqualTo(Maneuver.TURN_RIGHT);
    }

    @Test
    void onlyTurnsAndGoingStraightCrossAJunction() {
        assertThat(java.util.Arrays.stream(Maneuver.values()).filter(Maneuver::atJunction))
                .containsExactlyInAnyOrder(Maneuver.TURN_LEFT, Maneuver.TURN_RIGHT, Maneuver.GO_STRAIGHT);
    }

    @Test
    void readsAndWritesLabels() {
        assertThat(Maneuver.fromLabel("turn_left")).isEqualTo(Maneuver.TURN_LEFT);
        assertThat(Maneuver.CHANGE_LANE_RIGHT.label()).isEqualTo("change_lane_right");
        assertThatThrownBy(() -> Maneuver.fromLabel("fly")).isInstanceOf(InvalidInputException.class);
    }

    @Property
    void normalizedAnglesStayInHalfOpenPiInterval(@ForAll @DoubleRange(min = -100, max = 100) double rad) {
        double a = Maneuver.normalizeAngle(rad);
        assertThat(a).isGreaterThan(-Math.PI).isLessThanOrEqualTo(Math.PI);
        assertThat(Math.cos(a)).isCloseTo(Math.cos(rad), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Math.sin(a)).isCloseTo(Math.sin(rad), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void controlRejectsOutOfRangeValuesNamingTheField() {
        assertThatThrownBy(() -> new Control(1.5, 0, 0))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("steer"));
        assertThat(Control.clamped(2, -1, Double.NaN)).isEqualTo(new Control(1, 0, 0));
    }
}
