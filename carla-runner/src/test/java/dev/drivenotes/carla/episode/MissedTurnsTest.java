package dev.drivenotes.carla.episode;

import static dev.drivenotes.model.testing.GroundTruthBuilder.truth;
import static dev.drivenotes.model.testing.ObservationBuilder.observation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.RouteInfo;
import dev.drivenotes.model.sim.SimulationState;
import dev.drivenotes.model.sim.Termination;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MissedTurnsTest {

    private static final RouteInfo ROUTE =
            new RouteInfo("City Hall", "Museum", 250, List.of("Museum"), List.of(Maneuver.TURN_LEFT));

    /** A state at heading {@code yawDeg}, in {@code junction} (null: on a road), its plan saying {@code planned}. */
    private static SimulationState at(String junction, double yawDeg, Maneuver planned) {
        return new SimulationState(
                "sim-1",
                "default-town",
                0,
                0,
                observation().nextManeuver(planned, junction == null ? 8 : 0).build(),
                truth().pose(0, 0, Math.toRadians(yawDeg)).junction(junction).build(),
                Termination.RUNNING,
                ROUTE);
    }

    @Test
    void withoutARateNothingIsEverForced() {
        MissedTurns missed = new MissedTurns(0, 1);
        for (int i = 0; i < 50; i++) {
            assertThat(missed.steer(at(i % 2 == 0 ? "J" + i : null, 0, Maneuver.TURN_LEFT)))
                    .isNull();
        }
        assertThat(missed.forcedCount()).isZero();
    }

    @Test
    void atRateOneEveryJunctionIsLeftByAnotherManeuverThanPlannedThenTheDriverHasTheWheelAgain() {
        Set<Maneuver> forced = EnumSet.noneOf(Maneuver.class);
        for (long seed = 0; seed < 40; seed++) {
            MissedTurns missed = new MissedTurns(1, seed);
            assertThat(missed.steer(at(null, 0, Maneuver.TURN_LEFT)))
                    .as("on the road")
                    .isNull();
            Double entry = missed.steer(at("J1", 0, Maneuver.TURN_LEFT));
            assertThat(missed.forced()).isIn(Maneuver.GO_STRAIGHT, Maneuver.TURN_RIGHT);
            forced.add(missed.forced());
            if (missed.forced() == Maneuver.GO_STRAIGHT) {
                assertThat(entry).isZero();
            } else {
                assertThat(entry).as("right turns steer positive").isEqualTo(MissedTurns.TURN_STEER);
                assertThat(missed.steer(at("J1", -60, Maneuver.TURN_LEFT))).isEqualTo(MissedTurns.TURN_STEER);
                assertThat(missed.steer(at("J1", -80, Maneuver.TURN_LEFT)))
                        .as("turned far enough: wheel centred")
                        .isZero();
            }
            assertThat(missed.steer(at(null, -90, Maneuver.FOLLOW_LANE)))
                    .as("out of the junction")
                    .isNull();
            assertThat(missed.forcedCount()).isEqualTo(1);
        }
        assertThat(forced).as("both other maneuvers occur").hasSize(2);
    }

    @Test
    void aPlanWithoutAJunctionManeuverIsNeverForcedAndLeftTurnsSteerNegative() {
        MissedTurns missed = new MissedTurns(1, 3);
        assertThat(missed.steer(at("J1", 0, Maneuver.FOLLOW_LANE))).isNull();
        int lefts = 0;
        for (long seed = 0; seed < 20; seed++) {
            MissedTurns m = new MissedTurns(1, seed);
            Double steer = m.steer(at("J2", 90, Maneuver.GO_STRAIGHT));
            assertThat(m.forced()).isIn(Maneuver.TURN_LEFT, Maneuver.TURN_RIGHT);
            if (m.forced() == Maneuver.TURN_LEFT) {
                assertThat(steer).isEqualTo(-MissedTurns.TURN_STEER);
                lefts++;
            }
        }
        assertThat(lefts).isBetween(1, 19);
    }

    /** {@link #at} in junction {@code junction}, whose lanes allow {@code exits} from where the ego entered. */
    private static SimulationState at(String junction, Maneuver planned, Maneuver... exits) {
        return new SimulationState(
                "sim-1",
                "default-town",
                0,
                0,
                observation().nextManeuver(planned, 0).build(),
                truth().pose(0, 0, 0).junction(junction).junctionExits(exits).build(),
                Termination.RUNNING,
                ROUTE);
    }

    @Test
    void forcesOnlyAnExitTheJunctionHasFromWhereTheEgoEntered() {
        for (long seed = 0; seed < 40; seed++) {
            MissedTurns missed = new MissedTurns(1, seed);
            missed.steer(at("T1", Maneuver.TURN_LEFT, Maneuver.TURN_LEFT, Maneuver.TURN_RIGHT));
            assertThat(missed.forced())
                    .as("the stem of a T: right is the only other exit")
                    .isEqualTo(Maneuver.TURN_RIGHT);
        }
        MissedTurns corner = new MissedTurns(1, 5);
        assertThat(corner.steer(at("L1", Maneuver.TURN_RIGHT, Maneuver.TURN_RIGHT)))
                .as("a corner has no other exit: left as planned")
                .isNull();
        assertThat(corner.forced()).isNull();
        assertThat(corner.forcedCount()).isZero();
    }

    @Test
    void aShareOfJunctionsIsForcedAtTheRate() {
        MissedTurns missed = new MissedTurns(0.3, 11);
        for (int i = 0; i < 2000; i++) {
            missed.steer(at("J" + i, 0, Maneuver.TURN_RIGHT));
            missed.steer(at(null, 0, Maneuver.FOLLOW_LANE));
        }
        assertThat(missed.forcedCount()).isBetween(540, 660);
    }

    @Test
    void aRateOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new MissedTurns(1.5, 1)).hasMessageContaining("missedTurnRate");
        assertThatThrownBy(() -> new MissedTurns(Double.NaN, 1)).hasMessageContaining("missedTurnRate");
    }
}
