package dev.drivenotes.carla.sim.carla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.carla.client.CarlaEndpoint;
import dev.drivenotes.carla.fake.FakeCarlaServer;
import dev.drivenotes.carla.fake.FakeTowns;
import dev.drivenotes.carla.fake.FakeWorld;
import dev.drivenotes.carla.map.lanes.LaneGraph;
import dev.drivenotes.carla.map.lanes.LaneGraphBuilder;
import dev.drivenotes.carla.map.lanes.LaneNode;
import dev.drivenotes.carla.map.opendrive.OpenDriveLoader;
import dev.drivenotes.carla.sim.SimulatorFailureException;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's map through {@code get_map_data} into the map code, and loading a map by name. */
class ServerMapTest {

    @TempDir
    Path dir;

    private static CarlaEndpoint endpoint(int port) {
        return new CarlaEndpoint("127.0.0.1", port, Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    @Test
    void mapDataBuildsTheSameLaneGraphAsTheOpenDriveFileItCameFrom() throws Exception {
        FakeTowns.Town town = FakeTowns.town(dir);
        try (FakeCarlaServer server = FakeCarlaServer.start(town.world())) {
            ServerMap map = ServerMap.fetch(endpoint(server.port()), "", Duration.ofSeconds(5), dir.resolve("carla"));

            assertThat(map.name()).isEqualTo(town.reference());
            assertThat(Files.readString(map.xodr())).isEqualTo(town.openDrive());
            LaneGraph fetched = LaneGraphBuilder.build(OpenDriveLoader.load(map.xodr()));
            LaneGraph original = LaneGraphBuilder.build(OpenDriveLoader.parse(
                    new ByteArrayInputStream(town.openDrive().getBytes(StandardCharsets.UTF_8)), "original.xodr"));
            assertThat(fetched.size()).isEqualTo(original.size()).isPositive();
            for (int i = 0; i < original.size(); i++) {
                LaneNode a = original.node(i);
                LaneNode b = fetched.node(i);
                assertThat(b.toString()).isEqualTo(a.toString());
                assertThat(b.lengthM()).isEqualTo(a.lengthM());
                assertThat(b.polyline().pointCount()).isEqualTo(a.polyline().pointCount());
                for (int k = 0; k < a.polyline().pointCount(); k++) {
                    assertThat(b.polyline().x(k)).isEqualTo(a.polyline().x(k));
                    assertThat(b.polyline().y(k)).isEqualTo(a.polyline().y(k));
                }
                assertThat(fetched.successors(i)).containsExactly(original.successors(i));
            }
        }
    }

    @Test
    void aNamedMapIsLoadedFirstAndTheNewEpisodeAwaited() throws Exception {
        FakeTowns.Town town = FakeTowns.town(dir);
        FakeWorld world = town.world();
        try (FakeCarlaServer server = FakeCarlaServer.start(world)) {
            ServerMap map = ServerMap.fetch(
                    endpoint(server.port()), "/Game/" + town.mapName(), Duration.ofSeconds(5), dir.resolve("carla"));

            assertThat(map.name()).isEqualTo(town.reference());
            assertThat(world.calls())
                    .containsSubsequence(
                            "version", "get_episode_info", "load_new_episode", "get_episode_info", "get_map_data");
        }
    }

    @Test
    void aMapTheServerDoesNotHaveIsRefusedWithTheServersMessage() throws Exception {
        try (FakeCarlaServer server = FakeCarlaServer.start(FakeTowns.town(dir).world())) {
            assertThatThrownBy(() -> ServerMap.fetch(endpoint(server.port()), "Town99", Duration.ofSeconds(5), dir))
                    .isInstanceOf(SimulatorFailureException.class)
                    .hasMessageContaining("Map 'Town99' not found");
        }
    }

    @Test
    void anUnreachableServerIsOneLineNamingIt() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        assertThatThrownBy(() -> ServerMap.fetch(endpoint(closedPort), "", Duration.ofSeconds(5), dir))
                .isInstanceOf(SimulatorFailureException.class)
                .hasMessageStartingWith("cannot reach CARLA server 127.0.0.1:" + closedPort)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
