package dev.drivenotes.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.carla.fake.FakeCarlaServer;
import dev.drivenotes.carla.fake.FakeSettings;
import dev.drivenotes.carla.fake.FakeTowns;
import dev.drivenotes.carla.fake.FakeWorld;
import dev.drivenotes.platform.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code drivenotes run --simulator carla} through all four services against the CARLA protocol
 * fake: the report has the embedded run's shape, with notes and metrics, and the server is left as
 * it was found (no actor alive, its settings restored).
 */
class CarlaEndToEndTest {

    private static final String MAX_STEPS = "600";

    @TempDir
    Path dir;

    @Test
    void runsTwoEpisodesOnACarlaServerAndReportsLikeTheEmbeddedSimulator() throws Exception {
        FakeWorld world = FakeTowns.town(dir).world();
        FakeSettings before = world.settings();
        JsonNode carla;
        try (FakeCarlaServer server = FakeCarlaServer.start(world)) {
            carla = run(
                    "carla",
                    "--simulator",
                    "carla",
                    "--carla-host",
                    "127.0.0.1",
                    "--carla-port",
                    Integer.toString(server.port()));
        }
        JsonNode embedded = run("embedded");

        assertThat(carla.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(carla.get("episodes").size()).isEqualTo(2);
        assertThat(carla.get("notes").size()).isPositive();
        assertThat(carla.get("metrics").get("routeCompletion").asDouble()).isBetween(0.0, 1.0);
        assertThat(shape(carla)).isEqualTo(shape(embedded));
        assertThat(world.spawnedActors()).as("actors left alive").isEmpty();
        assertThat(world.settings()).as("settings restored").isEqualTo(before);
        assertThat(world.calls()).contains("tick_cue", "apply_batch", "get_map_data");
    }

    private JsonNode run(String name, String... simulator) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--agent",
                "autopilot",
                "--episodes",
                "2",
                "--max-steps",
                MAX_STEPS,
                "--port-base",
                "0",
                "--name",
                name,
                "--data",
                dir.resolve(name).resolve("data").toString(),
                "--out",
                dir.resolve(name).resolve("runs").toString()));
        args.addAll(List.of(simulator));
        StringWriter err = new StringWriter();
        int code = DriveNotes.execute(
                new PrintWriter(new ByteArrayOutputStream()), new PrintWriter(err, true), args.toArray(String[]::new));
        assertThat(code).as("exit code of the %s run: %s", name, err).isZero();
        try (Stream<Path> files = Files.walk(dir.resolve(name).resolve("runs"))) {
            Path report =
                    files.filter(p -> p.endsWith("report.json")).findFirst().orElseThrow();
            return Json.mapper().readTree(report.toFile());
        }
    }

    /** Every field path of a JSON document, array elements merged under {@code []}. */
    private static Set<String> shape(JsonNode node) {
        Set<String> paths = new TreeSet<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String path, Set<String> paths) {
        if (node.isObject()) {
            for (String field : node.propertyNames()) {
                String child = path + "." + field;
                paths.add(child);
                collect(node.get(field), child, paths);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, path + "[]", paths);
            }
        }
    }
}
