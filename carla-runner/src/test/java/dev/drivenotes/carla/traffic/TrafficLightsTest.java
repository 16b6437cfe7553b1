package dev.drivenotes.carla.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.carla.map.MapCatalog;
import dev.drivenotes.carla.map.TestMaps;
import dev.drivenotes.model.sim.TrafficLightState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrafficLightsTest {

    @TempDir
    static Path dir;

    static TrafficNetwork net;

    @BeforeAll
    static void town() {
        net = TrafficNetwork.of(TestMaps.defaultTown(dir));
    }

    private static List<Integer> signalisedEntries() {
        List<Integer> entries = new ArrayList<>();
        for (int i = 0; i < net.size; i++) {
            if (net.signals.junctionOf(i) >= 0) {
                entries.add(i);
            }
        }
        return entries;
    }

    @Test
    void everyJunctionWithThreeOrMoreIncomingRoadsGetsLights() {
        assertThat(net.signals.junctionCount()).isPositive();
        for (int e : signalisedEntries()) {
            assertThat(net.inJunction[e]).isTrue();
            assertThat(net.entryFrom[e]).isNotNegative();
        }
    }

    @Test
    void eachEntryCyclesGreenTenSecondsYellowThreeThenRed() {
        TrafficLights lights = new TrafficLights(net.signals, 42);
        int entry = signalisedEntries().getFirst();
        double cycleS = TrafficLights.PHASE_S * net.signals.phaseCount(net.signals.junctionOf(entry));
        double greenS = 0;
        double yellowS = 0;
        List<TrafficLightState> order = new ArrayList<>();
        for (double t = 0; t < 2 * cycleS; t += 0.05) {
            TrafficLightState state = lights.state(entry, t);
            greenS += state == TrafficLightState.GREEN ? 0.05 : 0;
            yellowS += state == TrafficLightState.YELLOW ? 0.05 : 0;
            if (order.isEmpty() || order.getLast() != state) {
                order.add(state);
            }
        }
        assertThat(greenS).isCloseTo(2 * TrafficLights.GREEN_S, org.assertj.core.api.Assertions.within(0.11));
        assertThat(yellowS).isCloseTo(2 * TrafficLights.YELLOW_S, org.assertj.core.api.Assertions.within(0.11));
        for (int k = 1; k < order.size(); k++) {
            TrafficLightState previous = order.get(k - 1);
            TrafficLightState next = order.get(k);
            assertThat(next)
                    .as("after %s", previous)
                    .isEqualTo(
                            switch (previous) {
                                case GREEN -> TrafficLightState.YELLOW;
                                case YELLOW -> TrafficLightState.RED;
                                default -> TrafficLightState.GREEN;
                            });
        }
    }

    @Test
    void atMostOnePhaseOfAJunctionIsGreenOrYellowAndEntriesOfOneRoadAgree() {
        TrafficLights lights = new TrafficLights(net.signals, 7);
        for (double t = 0; t < 60; t += 0.25) {
            Map<Integer, Set<Integer>> activePhases = new java.util.HashMap<>();
            for (int e : signalisedEntries()) {
                if (lights.state(e, t) != TrafficLightState.RED) {
                    activePhases
                            .computeIfAbsent(net.signals.junctionOf(e), k -> new HashSet<>())
                            .add(net.signals.phaseOf(e));
                }
            }
            activePhases.values().forEach(p -> assertThat(p).hasSizeLessThanOrEqualTo(1));
        }
    }

    @Test
    void oppositeApproachesShareAPhase() {
        boolean shared = false;
        for (int a : signalisedEntries()) {
            for (int b : signalisedEntries()) {
                double ha = net.graph.node(net.entryFrom[a]).exitHeadingRad();
                double hb = net.graph.node(net.entryFrom[b]).exitHeadingRad();
                if (net.signals.junctionOf(a) == net.signals.junctionOf(b) && Math.cos(ha - hb) < -0.9) {
                    assertThat(net.signals.phaseOf(a)).isEqualTo(net.signals.phaseOf(b));
                    shared = true;
                }
            }
        }
        assertThat(shared).isTrue();
    }

    @Test
    void generatedTownHasNoMapSignalsSoAllLightsAreGenerated() {
        assertThat(net.signals.fromMapCount()).isZero();
    }

    @Test
    void town01LightsComeFromItsSignalsOnePhasePerController() {
        Path town01 = TestMaps.shared("Town01.xodr");
        TrafficNetwork town = TrafficNetwork.of(new MapCatalog(Map.of()).load(town01.toString()));

        assertThat(town.signals.fromMapCount()).isPositive();
        for (int i = 0; i < town.size; i++) {
            int j = town.signals.junctionOf(i);
            if (j >= 0) {
                assertThat(town.signals.phaseOf(i)).isBetween(0, town.signals.phaseCount(j) - 1);
            }
        }
    }

    @Test
    void offsetsDependOnTheSeedOnly() {
        int entry = signalisedEntries().getFirst();
        TrafficLights a = new TrafficLights(net.signals, 3);
        TrafficLights b = new TrafficLights(net.signals, 3);
        for (double t = 0; t < 40; t += 0.5) {
            assertThat(a.state(entry, t)).isEqualTo(b.state(entry, t));
        }
    }
}
