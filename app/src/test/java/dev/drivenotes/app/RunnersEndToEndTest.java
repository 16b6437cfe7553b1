package dev.drivenotes.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.testing.ExperimentConfigBuilder;
import dev.drivenotes.platform.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code run --bus pubsub-emulator --runners 3 --episodes 6}, as the launcher runs it: three
 * carla-runner processes share the episodes over the Pub/Sub emulator, each drives some, and the
 * report says what one runner in one JVM reports for the same seeds (runner ids, ids and times
 * apart). Short episodes: it checks the spread, not the driving.
 */
class RunnersEndToEndTest {

    private static final ExperimentConfig CONFIG = ExperimentConfigBuilder.experiment("runners")
            .agent("autopilot")
            .episodes(6)
            .seed(23L)
            .maxSteps(120)
            .build();

    @TempDir
    Path dir;

    @Test
    void threeRunnersEachDriveEpisodesAndReportWhatOneRunnerReports() throws Exception {
        Assumptions.assumeTrue(
                Files.isRegularFile(PubSubEmulator.launcher()),
                "Pub/Sub emulator not installed at " + PubSubEmulator.launcher()
                        + " (Debian package google-cloud-cli-pubsub-emulator): runner processes cannot share work");
        JsonNode spread;
        try (ProcessSuite suite =
                ProcessSuite.start(new Suite.Settings(0, dir.resolve("spread"), false), 3, (n, u) -> {})) {
            spread = report(suite, dir.resolve("spread-out"));
        }
        JsonNode single;
        try (Suite suite = Suite.start(new Suite.Settings(0, dir.resolve("single"), false))) {
            single = report(suite, dir.resolve("single-out"));
        }

        TreeSet<String> runners = new TreeSet<>();
        spread.get("episodes").forEach(e -> runners.add(e.get("runner").asString()));
        assertThat(runners).as("every runner drove an episode").containsExactly("runner-1", "runner-2", "runner-3");
        single.get("episodes")
                .forEach(e -> assertThat(e.get("runner").asString()).isEqualTo("runner-1"));
        for (String part : List.of("episodes", "notes", "metrics")) {
            assertThat(comparable(spread.get(part), spread)).as(part).isEqualTo(comparable(single.get(part), single));
        }
    }

    private static JsonNode report(RunningSuite suite, Path out) throws Exception {
        int exit = new RunCommand.ExperimentRun(
                        new LocalApi(),
                        suite,
                        new PrintStream(new ByteArrayOutputStream()),
                        Duration.ofMinutes(10),
                        out)
                .run(CONFIG, System.nanoTime());
        assertThat(exit).isZero();
        try (var dirs = Files.list(out)) {
            Path experiment = dirs.findFirst().orElseThrow();
            return Json.mapper().readTree(experiment.resolve("report.json").toFile());
        }
    }

    /** The part as text without runner ids, the experiment's id and times; episodes by index. */
    private static String comparable(JsonNode part, JsonNode report) {
        String experimentId = report.get("experimentId").asString();
        JsonNode copy = part.deepCopy();
        strip(copy);
        List<String> rows = new ArrayList<>();
        if (copy.isArray()) {
            copy.forEach(row -> rows.add(row.toString()));
            rows.sort(null);
        } else {
            rows.add(copy.toString());
        }
        return String.join("\n", rows).replace(experimentId, "EXP");
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String key : List.of("runner", "createdAt", "completedAt", "occurredAt")) {
                object.remove(key);
            }
        }
        for (Map.Entry<String, JsonNode> child : node.properties()) {
            strip(child.getValue());
        }
        if (node.isArray()) {
            node.forEach(RunnersEndToEndTest::strip);
        }
    }
}
