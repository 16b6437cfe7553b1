package dev.drivenotes.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.platform.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void printsEachEpisodesRedLightAndStopSignRunsBesideItsCollisionsAndScore() {
        String report = """
                {"experimentId": "exp-1", "status": "COMPLETED",
                 "metrics": {"routeCompletion": 0.9, "drivingScore": 0.392},
                 "episodes": [{"episodeId": "exp-1-e0", "seed": 11, "steps": 700, "routeCompletion": 0.8,
                               "collisions": 1, "drivingScore": 0.392, "notes": 4,
                               "infractions": {"collisionsPedestrian": 0, "collisionsVehicle": 0,
                                               "collisionsStatic": 1, "redLightRuns": 2, "stopSignRuns": 3}}],
                 "notes": []}""";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Summary.print(
                new PrintStream(bytes, true, StandardCharsets.UTF_8),
                Json.mapper().readTree(report),
                12.5);

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .contains("driving score 0.39 |")
                .contains("exp-1-e0 seed 11: 700 steps, route 0.80, collisions 1, red lights 2, stop signs 3,"
                        + " score 0.39, 4 notes");
    }

    @Test
    void printsNotAvailableForSharesOfARunWithoutNotes() {
        String report = """
                {"experimentId": "exp-2", "status": "COMPLETED",
                 "metrics": {"routeCompletion": 0.5, "drivingScore": 0.5, "locationAccuracy": null,
                             "actionAccuracy": null, "destinationAccuracy": null, "validationRate": null,
                             "meanConfidence": null},
                 "episodes": [], "notes": []}""";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Summary.print(
                new PrintStream(bytes, true, StandardCharsets.UTF_8),
                Json.mapper().readTree(report),
                1.0);

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("location n/a | action n/a | destination n/a | valid n/a | confidence n/a")
                .doesNotContain("0.00 |");
    }
}
