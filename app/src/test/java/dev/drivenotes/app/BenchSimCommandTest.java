package dev.drivenotes.app;

import static dev.drivenotes.model.testing.ObservationBuilder.observation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Observation;
import dev.drivenotes.model.sim.Waypoint;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchSimCommandTest {

    @TempDir
    Path dir;

    private static String run(int expectedCode, String... args) {
        StringWriter err = new StringWriter();
        int code = DriveNotes.execute(new PrintWriter(err, true), args);
        assertThat(code).as(err.toString()).isEqualTo(expectedCode);
        return err.toString();
    }

    @Test
    void refusesANegativeNpcCountWithOneLine() {
        String err = run(2, "bench", "sim", "--npcs", "-1");
        assertThat(err).startsWith("drivenotes: --npcs").hasLineCount(1);
    }

    @Test
    void refusesAMissingOrNonOpenDriveMapBeforeBenchmarking() throws Exception {
        assertThat(run(2, "bench", "sim", "--map", dir.resolve("absent.xodr").toString()))
                .startsWith("drivenotes: no such file");
        Path html = Files.writeString(dir.resolve("page.xodr"), "<html><body>hi</body></html>");
        assertThat(run(2, "bench", "sim", "--map", html.toString())).contains("expected <OpenDRIVE>");
    }

    @Test
    void benchDriverSteersTowardsAWaypointOnTheLeftAndBrakesWhenTooFast() {
        Observation obs = observation()
                .speedMps(12)
                .route(List.of(new Waypoint(2, 0), new Waypoint(4, 0.5), new Waypoint(6, 2)))
                .nextManeuver(Maneuver.FOLLOW_LANE, 100)
                .nextPoi("poi", 100)
                .speedLimitMps(8.33)
                .build();
        Control control = BenchSimState.drive(obs);
        assertThat(control.steer()).as("steer > 0 is right").isNegative();
        assertThat(control.brake()).isPositive();
        assertThat(control.throttle()).isZero();
    }
}
