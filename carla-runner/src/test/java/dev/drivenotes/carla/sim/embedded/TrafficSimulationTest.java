package dev.drivenotes.carla.sim.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.carla.episode.PurePursuitDriver;
import dev.drivenotes.carla.episode.RouteChooser;
import dev.drivenotes.carla.map.LoadedMap;
import dev.drivenotes.carla.map.TestMaps;
import dev.drivenotes.carla.sensor.BirdEyeView;
import dev.drivenotes.carla.town.TownGenerator;
import dev.drivenotes.carla.traffic.OrientedBox;
import dev.drivenotes.carla.traffic.TrafficFleet;
import dev.drivenotes.carla.traffic.TrafficNetwork;
import dev.drivenotes.model.sim.BirdEyeRaster;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.CreateSimulationRequest;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Observation;
import dev.drivenotes.model.sim.SimulationState;
import dev.drivenotes.model.sim.TrafficLightState;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrafficSimulationTest {

    @TempDir
    static Path dir;

    static LoadedMap town;

    @BeforeAll
    static void catalog() {
        town = TestMaps.defaultTown(dir);
    }

    private static Simulation simulation(long seed, int npcs, int birdEyePx) {
        CreateSimulationRequest request = new CreateSimulationRequest(
                TownGenerator.DEFAULT_TOWN, seed, null, 6000, npcs, 0.5, 0, 0.05, null, birdEyePx, null);
        return new Simulation("sim-" + seed, request, town, RouteChooser.choose(town, seed, null));
    }

    @Test
    void sameSeedAndControlsGiveIdenticalTrajectoriesWithTraffic() {
        Simulation a = simulation(5, 20, 64);
        Simulation b = simulation(5, 20, 64);
        for (int step = 0; step < 600 && !a.state().done(); step++) {
            Control control = PurePursuitDriver.drive(a.state().observation());
            SimulationState sa = a.step(control);
            SimulationState sb = b.step(control);
            assertThat(sb.truth()).isEqualTo(sa.truth());
            assertThat(sb.observation()).isEqualTo(sa.observation());
            for (int i = 0; i < 20; i++) {
                assertThat(b.fleet().x(i)).isEqualTo(a.fleet().x(i));
                assertThat(b.fleet().y(i)).isEqualTo(a.fleet().y(i));
            }
        }
    }

    /** The ego waits at its start; twenty NPCs drive 150 s among themselves and the lights. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void npcsNeitherCollideNorCrossAStopLineOnRed(long seed) {
        Simulation sim = simulation(seed, 20, 0);
        TrafficFleet fleet = sim.fleet();
        TrafficNetwork net = TrafficNetwork.of(town);
        int n = fleet.count();
        int[] lane = new int[n];
        int[] next = new int[n];
        double[] along = new double[n];
        double minSpeedSum = 0;
        for (int step = 0; step < 3000; step++) {
            for (int i = 0; i < n; i++) {
                lane[i] = fleet.lane(i);
                next[i] = fleet.nextLane(i);
                along[i] = fleet.alongM(i);
            }
            double timeS = step * 0.05;
            sim.step(new Control(0, 0, 1));
            for (int i = 0; i < n; i++) {
                if (lane[i] < 0 || net.inJunction(lane[i]) || next[i] < 0 || !net.inJunction(next[i])) {
                    continue;
                }
                double lengthM = town.graph().node(lane[i]).lengthM();
                boolean frontWasBefore = along[i] + TrafficFleet.LENGTH_M / 2 < lengthM;
                boolean frontIsPast = fleet.lane(i) == next[i]
                        || (fleet.lane(i) == lane[i] && fleet.alongM(i) + TrafficFleet.LENGTH_M / 2 >= lengthM);
                if (frontWasBefore && frontIsPast) {
                    assertThat(sim.lights().state(next[i], timeS))
                            .as("NPC %d entering lane %d at %.2f s", i, next[i], timeS)
                            .isNotEqualTo(TrafficLightState.RED);
                }
            }
            for (int i = 0; i < n; i++) {
                minSpeedSum += fleet.speedMps(i);
                for (int j = i + 1; j < n; j++) {
                    assertThat(OrientedBox.overlap(
                                    fleet.x(i),
                                    fleet.y(i),
                                    fleet.yawRad(i),
                                    2.3,
                                    1.0,
                                    fleet.x(j),
                                    fleet.y(j),
                                    fleet.yawRad(j),
                                    2.3,
                                    1.0))
                            .as("NPCs %d and %d at %.2f s", i, j, timeS)
                            .isFalse();
                }
            }
        }
        assertThat(minSpeedSum / (3000.0 * n))
                .as("mean NPC speed (no gridlock)")
                .isGreaterThan(2.0);
    }

    @Test
    void flagsRedLightRunsOnlyWhereTheFrontCrossesARedStopLine() {
        int runs = 0;
        for (long seed = 1; seed <= 12 && runs == 0; seed++) {
            Simulation sim = simulation(seed, 0, 0);
            SimulationState previous = sim.state();
            while (!previous.done()) {
                SimulationState now = sim.step(PurePursuitDriver.drive(previous.observation()));
                if (now.truth().redLightRun()) {
                    runs++;
                    var light = previous.observation().trafficLight();
                    assertThat(light).isNotNull();
                    assertThat(light.state()).isIn(TrafficLightState.RED, TrafficLightState.YELLOW);
                    assertThat(light.distanceM()).isLessThan(TrafficFleet.LENGTH_M / 2 + 1.0);
                }
                previous = now;
            }
        }
        assertThat(runs)
                .as("a driver ignoring lights runs a red light within 12 routes")
                .isPositive();
    }

    @Test
    void trafficLightSensorMeasuresToTheJunctionEntryOfTheRoute() {
        Simulation sim = simulation(3, 0, 0);
        SimulationState state = sim.state();
        int equalSteps = 0;
        while (!state.done()) {
            Observation o = state.observation();
            if (o.trafficLight() != null) {
                assertThat(o.trafficLight().distanceM()).isLessThanOrEqualTo(60);
                if (o.nextManeuver() != Maneuver.FOLLOW_LANE && o.distanceToManeuverM() > 0) {
                    assertThat(o.trafficLight().distanceM()).isGreaterThanOrEqualTo(o.distanceToManeuverM() - 1e-9);
                    equalSteps += Math.abs(o.trafficLight().distanceM() - o.distanceToManeuverM()) < 1e-9 ? 1 : 0;
                }
            }
            state = sim.step(PurePursuitDriver.drive(o));
        }
        assertThat(equalSteps).isPositive();
    }

    @Test
    void reportsALeadOnlyWhereAVehicleIsAheadWithinReach() {
        int leads = 0;
        for (long seed = 1; seed <= 3; seed++) {
            Simulation sim = simulation(seed, 30, 0);
            SimulationState state = sim.state();
            while (!state.done()) {
                var lead = state.observation().lead();
                if (lead != null) {
                    leads++;
                    assertThat(lead.gapM()).isLessThanOrEqualTo(50);
                    boolean someoneThere = false;
                    var pose = state.truth().pose();
                    for (int i = 0; i < sim.fleet().count(); i++) {
                        double dx = sim.fleet().x(i) - pose.x();
                        double dy = sim.fleet().y(i) - pose.y();
                        boolean ahead = dx * Math.cos(pose.yawRad()) + dy * Math.sin(pose.yawRad()) > 0;
                        // along the route plus both half lengths (and the ego's own offset from the route), and the
                        // corridor's lateral reach (≤ 4 m)
                        someoneThere |= ahead && Math.hypot(dx, dy) <= Math.hypot(lead.gapM() + 4.6 + 1.5, 4.0);
                    }
                    assertThat(someoneThere)
                            .as("a vehicle ahead within %.1f m", lead.gapM())
                            .isTrue();
                }
                state = sim.step(PurePursuitDriver.drive(state.observation()));
            }
        }
        assertThat(leads).isPositive();
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 128})
    void birdEyeRasterHasThreeChannelsWithTheEgoAtTheCentreOnItsLaneAndRoute(int sizePx) {
        BirdEyeRaster raster = simulation(4, 5, sizePx).state().observation().birdEye();

        assertThat(raster.sizePx()).isEqualTo(sizePx);
        assertThat(raster.channels()).isEqualTo(BirdEyeView.CHANNELS);
        assertThat(raster.metresPerPx()).isEqualTo(BirdEyeView.VIEW_M / sizePx);
        int plane = sizePx * sizePx;
        int centre = (sizePx / 2) * sizePx + sizePx / 2;
        int aheadPx = (sizePx / 2 - (int) (4 / raster.metresPerPx())) * sizePx + sizePx / 2;
        assertThat(raster.data()[centre]).as("lanes at the ego").isEqualTo((byte) 255);
        assertThat(raster.data()[plane + aheadPx]).as("route 4 m ahead").isEqualTo((byte) 255);
        assertThat(raster.data()[2 * plane + centre]).as("ego in vehicles").isEqualTo((byte) 255);
        assertThat(raster.data()[2 * plane]).as("corner empty").isZero();
    }

    @Test
    void noRasterIsBuiltUnlessAsked() {
        assertThat(simulation(4, 5, 0).state().observation().birdEye()).isNull();
    }
}
