package dev.drivenotes.carla.map.lanes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.carla.map.LoadedMap;
import dev.drivenotes.carla.map.TestMaps;
import dev.drivenotes.model.sim.Maneuver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exits of the generated town's junctions, from each approach lane and from all of them. */
class JunctionExitsTest {

    @TempDir
    static Path dir;

    static LoadedMap map;

    @BeforeAll
    static void load() {
        map = TestMaps.defaultTown(dir);
    }

    @Test
    void aJunctionsExitsAreTheUnionOfItsApproachesExitsAndSomeApproachHasFewerThanThree() {
        LaneGraph graph = map.graph();
        Set<String> junctions = new TreeSet<>();
        graph.nodes().stream().filter(n -> n.junctionId() != null).forEach(n -> junctions.add(n.junctionId()));
        assertThat(junctions).isNotEmpty();
        List<Integer> approachSizes = new ArrayList<>();
        for (String junction : junctions) {
            EnumSet<Maneuver> union = EnumSet.noneOf(Maneuver.class);
            for (LaneNode n : graph.nodes()) {
                if (n.junctionId() == null) {
                    List<Maneuver> exits = JunctionExits.from(graph, n.index(), junction);
                    assertThat(exits).allMatch(Maneuver::atJunction);
                    if (!exits.isEmpty()) {
                        approachSizes.add(exits.size());
                    }
                    union.addAll(exits);
                }
            }
            assertThat(JunctionExits.of(graph, junction)).as(junction).containsExactlyElementsOf(union);
        }
        assertThat(approachSizes)
                .as("the town's edges: approaches with one or two exits, and crossings with three")
                .anyMatch(k -> k < 3)
                .contains(3);
    }

    @Test
    void aLaneThatDoesNotLeadIntoTheJunctionHasNoExitsThere() {
        LaneGraph graph = map.graph();
        LaneNode road = graph.nodes().stream()
                .filter(n -> n.junctionId() == null)
                .findFirst()
                .orElseThrow();
        String elsewhere = graph.nodes().stream()
                .filter(n -> n.junctionId() != null)
                .filter(j -> java.util.Arrays.stream(graph.successors(road.index()))
                        .noneMatch(s -> j.junctionId().equals(graph.node(s).junctionId())))
                .findFirst()
                .orElseThrow()
                .junctionId();

        assertThat(JunctionExits.from(graph, road.index(), elsewhere)).isEmpty();
    }
}
