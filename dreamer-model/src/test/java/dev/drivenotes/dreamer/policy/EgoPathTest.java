package dev.drivenotes.dreamer.policy;

import static dev.drivenotes.dreamer.testing.TestObservations.arc;
import static dev.drivenotes.dreamer.testing.TestObservations.cruising;
import static dev.drivenotes.dreamer.testing.TestObservations.straight;
import static dev.drivenotes.model.testing.ObservationBuilder.observation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.policy.PredictInstance;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Observation;
import dev.drivenotes.model.sim.Waypoint;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class EgoPathTest {

    @Test
    void interpolatesTheLookAheadPointWhereTheRouteLeavesTheCircle() {
        EgoPath path = new EgoPath(List.of(new Waypoint(0, 0), new Waypoint(10, 0)));

        Waypoint target = path.lookAheadPoint(-1.4, 5);

        assertThat(target.x()).isCloseTo(3.6, within(1e-9));
        assertThat(target.y()).isCloseTo(0, within(1e-9));
    }

    @Test
    void aimsAtTheLastWaypointWhenTheRouteEndsInsideTheCircle() {
        EgoPath path = new EgoPath(List.of(new Waypoint(1, 0), new Waypoint(2, 0.5)));

        assertThat(path.lookAheadPoint(-1.4, 6)).isEqualTo(new Waypoint(2, 0.5));
    }

    @Test
    void measuresCrossTrackErrorAgainstTheRouteExtendedBackwards() {
        List<Waypoint> offset =
                straight(10).stream().map(p -> new Waypoint(p.x() + 2, -0.8)).toList();

        assertThat(new EgoPath(offset).crossTrackM()).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void findsTheCurvatureOfAnArc() {
        assertThat(new EgoPath(arc(12, false, 15)).maxCurvaturePerM(20)).isCloseTo(1 / 12.0, within(1e-6));
        assertThat(new EgoPath(straight(15)).maxCurvaturePerM(20)).isZero();
        assertThat(new EgoPath(straight(15)).curvatureLimitedSpeedMps(2.5, 2.5)).isInfinite();
    }

    @Property(tries = 300)
    void steersTowardsTheSideTheRouteIsOffsetTo(@ForAll @DoubleRange(min = -3, max = 3) double offsetM) {
        List<Waypoint> route =
                straight(30).stream().map(p -> new Waypoint(p.x(), offsetM)).toList();

        double steer = AutopilotPolicy.steer(new EgoPath(route), 5);

        if (Math.abs(offsetM) < 1e-9) {
            assertThat(steer).isZero();
        } else {
            assertThat(Math.signum(steer)).isEqualTo(-Math.signum(offsetM));
        }
    }

    @Property(tries = 300)
    void decidesWithinBoundsForAnyRoute(
            @ForAll @Size(min = 0, max = 25) List<@DoubleRange(min = -30, max = 30) Double> ys,
            @ForAll @DoubleRange(min = 0, max = 20) double speedMps,
            @ForAll @DoubleRange(min = 0, max = 300) double distanceToGoM) {
        List<Waypoint> route = new ArrayList<>();
        for (int i = 0; i < ys.size(); i++) {
            route.add(new Waypoint(i * 1.5 - 3, ys.get(i)));
        }
        Observation o = observation()
                .speedMps(speedMps)
                .route(route)
                .nextManeuver(Maneuver.TURN_RIGHT, 0)
                .nextPoi("Bakery", distanceToGoM)
                .speedLimitMps(8.33)
                .build();

        Decision d = new AutopilotPolicy(0.05, SessionLimits.of(10))
                .decide(List.of(new PredictInstance("p", o, true, null)))
                .getFirst();

        assertThat(d.confidence()).isBetween(0.0, 1.0);
        assertThat(d.control().steer()).isBetween(-1.0, 1.0);
        assertThat(d.control().throttle() * d.control().brake()).isZero();
    }

    @Test
    void confidenceOnAStraightLaneCentreIsTheBase() {
        Decision d = new AutopilotPolicy(0.05, SessionLimits.of(10))
                .decide(List.of(new PredictInstance("p", cruising(5, straight(30), 200), true, null)))
                .getFirst();

        assertThat(d.confidence()).isEqualTo(Declaration.BASE_CONFIDENCE);
    }
}
