package dev.drivenotes.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.StepRecord;
import dev.drivenotes.model.port.ArtifactKeys;
import dev.drivenotes.model.sim.GroundTruth;
import dev.drivenotes.model.testing.ExperimentConfigBuilder;
import dev.drivenotes.platform.json.Json;
import dev.drivenotes.platform.json.TrajectoryCodec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The infraction and driving-score path from the simulator to report.json: the real embedded
 * simulator, orchestrator and reporter run an experiment whose policy (a {@link
 * LightBlindPolicyServer} in place of dreamer-service) runs red lights; every figure of the report is
 * checked against the ground truth of the stored trajectories, with the CARLA Leaderboard 2.0
 * penalties written out here.
 */
class DrivingScoreEndToEndTest {

    /** Seeds whose routes on the default town cross signalised junctions while they are red. */
    private static final long SEED = 3;

    private static final int EPISODES = 3;

    @TempDir
    static Path data;

    private static JsonNode report;
    private static final Map<String, List<StepRecord>> trajectories = new LinkedHashMap<>();

    @BeforeAll
    static void runAnExperimentWhosePolicyIgnoresTrafficLights() throws Exception {
        Path out = data.resolve("runs");
        // no NPCs: the light-blind policy does not brake for vehicles either
        ExperimentConfig config = ExperimentConfigBuilder.experiment("red-lights")
                .agent("autopilot")
                .episodes(EPISODES)
                .seed(SEED)
                .maxSteps(3000)
                .npcCount(0)
                .build();
        try (LightBlindPolicyServer policy = LightBlindPolicyServer.start();
                Suite suite = Suite.start(
                        new Suite.Settings(0, data, false),
                        Map.of(SuiteService.DREAMER_SERVICE.serviceName(), policy.uri()))) {
            int exit = new RunCommand.ExperimentRun(
                            new LocalApi(),
                            suite,
                            new PrintStream(new ByteArrayOutputStream()),
                            Duration.ofMinutes(10),
                            out)
                    .run(config, System.nanoTime());
            assertThat(exit).isZero();
        }
        Path dir;
        try (var dirs = Files.list(out)) {
            dir = dirs.findFirst().orElseThrow();
        }
        report = Json.mapper().readTree(dir.resolve("report.json").toFile());
        String experimentId = report.get("experimentId").asString();
        for (JsonNode episode : report.get("episodes")) {
            String episodeId = episode.get("episodeId").asString();
            Path file = data.resolve("artifacts").resolve(ArtifactKeys.trajectory(experimentId, episodeId));
            trajectories.put(episodeId, TrajectoryCodec.decode(Files.readAllBytes(file)));
        }
    }

    @Test
    void theEgoRanAtLeastOneRedLight() {
        assertThat(report.get("episodes")).hasSize(EPISODES);
        assertThat(trajectories.values().stream()
                        .mapToLong(t ->
                                t.stream().filter(r -> r.truth().redLightRun()).count())
                        .sum())
                .as("red lights run in the stored trajectories")
                .isPositive();
    }

    @Test
    void eachEpisodeReportsTheInfractionsOfItsTrajectory() {
        for (JsonNode episode : report.get("episodes")) {
            Counts truth = Counts.of(trajectories.get(episode.get("episodeId").asString()));
            JsonNode infractions = episode.get("infractions");

            assertThat(fieldNames(infractions))
                    .containsExactlyInAnyOrder(
                            "collisionsPedestrian",
                            "collisionsVehicle",
                            "collisionsStatic",
                            "redLightRuns",
                            "stopSignRuns");
            assertThat(infractions.get("redLightRuns").asInt()).isEqualTo(truth.redLightRuns);
            assertThat(infractions.get("stopSignRuns").asInt()).isEqualTo(truth.stopSignRuns);
            assertThat(infractions.get("collisionsPedestrian").asInt()).isEqualTo(truth.pedestrian);
            assertThat(infractions.get("collisionsVehicle").asInt()).isEqualTo(truth.vehicle);
            assertThat(infractions.get("collisionsStatic").asInt()).isEqualTo(truth.other);
            assertThat(episode.get("collisions").asInt()).isEqualTo(truth.pedestrian + truth.vehicle + truth.other);
        }
    }

    @Test
    void eachEpisodesDrivingScoreIsItsRouteCompletionTimesThePenaltyOfEveryInfraction() {
        for (JsonNode episode : report.get("episodes")) {
            List<StepRecord> trajectory =
                    trajectories.get(episode.get("episodeId").asString());
            double routeCompletion = trajectory.getLast().truth().routeCompletion();
            Counts truth = Counts.of(trajectory);
            double expected = routeCompletion
                    * Math.pow(0.50, truth.pedestrian)
                    * Math.pow(0.60, truth.vehicle)
                    * Math.pow(0.65, truth.other)
                    * Math.pow(0.70, truth.redLightRuns)
                    * Math.pow(0.80, truth.stopSignRuns);

            assertThat(episode.get("routeCompletion").asDouble()).isCloseTo(routeCompletion, within(1e-9));
            assertThat(episode.get("drivingScore").asDouble())
                    .as("driving score of %s", episode.get("episodeId").asString())
                    .isCloseTo(expected, within(1e-9));
        }
    }

    @Test
    void theExperimentsDrivingScoreIsTheMeanOverItsEpisodes() {
        double sum = 0;
        for (JsonNode episode : report.get("episodes")) {
            sum += episode.get("drivingScore").asDouble();
        }

        assertThat(report.get("metrics").get("drivingScore").asDouble())
                .isCloseTo(sum / report.get("episodes").size(), within(1e-9));
    }

    @Test
    void theEpisodesTableStoresEachEpisodesRedLightRuns() throws Exception {
        Map<String, Integer> stored = new HashMap<>();
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        Path file = data.resolve("reporter").resolve("drivenotes.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file, readOnly);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT episode_id, red_light_runs FROM episodes")) {
            while (rs.next()) {
                stored.put(rs.getString("episode_id"), rs.getInt("red_light_runs"));
            }
        }

        Map<String, Integer> expected = new HashMap<>();
        trajectories.forEach((id, t) -> expected.put(id, Counts.of(t).redLightRuns));
        assertThat(stored).isEqualTo(expected);
    }

    /** What a trajectory's ground truth says happened, one count per flagged step. */
    private record Counts(int pedestrian, int vehicle, int other, int redLightRuns, int stopSignRuns) {

        static Counts of(List<StepRecord> trajectory) {
            int pedestrian = 0;
            int vehicle = 0;
            int other = 0;
            int redLightRuns = 0;
            int stopSignRuns = 0;
            for (StepRecord r : trajectory) {
                GroundTruth t = r.truth();
                if (t.collision()) {
                    switch (t.collisionWith()) {
                        case "pedestrian" -> pedestrian++;
                        case "vehicle" -> vehicle++;
                        default -> other++;
                    }
                }
                redLightRuns += t.redLightRun() ? 1 : 0;
                stopSignRuns += t.stopSignRun() ? 1 : 0;
            }
            return new Counts(pedestrian, vehicle, other, redLightRuns, stopSignRuns);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.propertyNames().iterator(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
