package dev.drivenotes.carla.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.carla.map.LoadedMap;
import dev.drivenotes.carla.map.MapCatalog;
import dev.drivenotes.carla.map.TestMaps;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Background vehicles at the stop-sign junction, with the ego parked far away. */
class StopSignTrafficTest {

    private static final double DT_S = 0.05;
    private static final int NPCS = 6;
    private static final double FAR_M = 10_000;
    /** How long an NPC must stand at a stop line before it goes on. */
    private static final double REQUIRED_STAND_S = 1.0;

    @TempDir
    static Path dir;

    static TrafficNetwork net;

    @BeforeAll
    static void load() {
        LoadedMap map = new MapCatalog(Map.of()).load(TestMaps.stopSigns(dir).toString());
        net = TrafficNetwork.of(map);
    }

    private static TrafficFleet fleet(long seed) {
        return new TrafficFleet(net, new TrafficLights(net.signals(), seed), seed, NPCS, 0.5, FAR_M, FAR_M);
    }

    private static EgoInTraffic farAwayEgo() {
        EgoInTraffic ego = new EgoInTraffic();
        ego.set(-1, 0, FAR_M, FAR_M, 0, 0, -1);
        return ego;
    }

    /**
     * Every time an NPC's front bumper crosses a stop line, it has just stood (below 0.1 m/s) for at
     * least a second with its front within 4 m before that line; and they do go on through.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void npcsStandStillAtAStopLineThenProceed(long seed) {
        TrafficFleet fleet = fleet(seed);
        EgoInTraffic ego = farAwayEgo();
        double[] standS = new double[NPCS];
        double[] longestStandS = new double[NPCS];
        int crossings = 0;
        double closestStandM = Double.POSITIVE_INFINITY;
        for (int step = 0; step < 2400; step++) {
            int[] lane = new int[NPCS];
            double[] frontM = new double[NPCS];
            for (int i = 0; i < NPCS; i++) {
                lane[i] = fleet.lane(i);
                frontM[i] = fleet.alongM(i) + TrafficFleet.LENGTH_M / 2;
            }
            fleet.step(DT_S, step * DT_S, ego);
            for (int i = 0; i < NPCS; i++) {
                if (lane[i] < 0) {
                    continue;
                }
                boolean sameLane = fleet.lane(i) == lane[i];
                for (double lineM : net.stopLines().alongM(lane[i])) {
                    double toLineM = lineM - (fleet.alongM(i) + TrafficFleet.LENGTH_M / 2);
                    boolean standing = sameLane
                            && toLineM >= 0
                            && toLineM <= StopLines.STOP_ZONE_M
                            && fleet.speedMps(i) < StopLines.STOPPED_MPS;
                    standS[i] = standing ? standS[i] + DT_S : 0;
                    longestStandS[i] = Math.max(longestStandS[i], standS[i]);
                    if (standing) {
                        closestStandM = Math.min(closestStandM, toLineM);
                    }
                    if (frontM[i] < lineM && (!sameLane || toLineM <= 0)) {
                        crossings++;
                        assertThat(longestStandS[i])
                                .as("NPC %d at the stop line of lane %d at %.2f s", i, lane[i], step * DT_S)
                                .isGreaterThanOrEqualTo(REQUIRED_STAND_S - 1e-9);
                        longestStandS[i] = 0;
                    }
                }
                if (!sameLane) {
                    standS[i] = 0;
                    longestStandS[i] = 0;
                }
            }
        }
        assertThat(crossings).as("stop lines crossed in 120 s").isGreaterThanOrEqualTo(3);
        assertThat(closestStandM)
                .as("front bumper to the line when standing")
                .isBetween(0.0, StopSignWaits.STAND_BEFORE_LINE_M + 0.5);
    }

    @Test
    void sameSeedGivesTheSameStopsAndGoes() {
        TrafficFleet a = fleet(7);
        TrafficFleet b = fleet(7);
        EgoInTraffic ego = farAwayEgo();
        for (int step = 0; step < 1200; step++) {
            a.step(DT_S, step * DT_S, ego);
            b.step(DT_S, step * DT_S, ego);
            for (int i = 0; i < NPCS; i++) {
                assertThat(b.x(i)).isEqualTo(a.x(i));
                assertThat(b.speedMps(i)).isEqualTo(a.speedMps(i));
            }
        }
    }
}
