package dev.drivenotes.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.drivenotes.carla.fake.FakeCarlaServer;
import dev.drivenotes.carla.fake.FakeTowns;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --simulator carla} refuses a server it cannot use: one line, exit code 1, within 30 s. */
class CarlaLauncherTest {

    private static final Duration REFUSAL_LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private int run(StringWriter err, int carlaPort) {
        return DriveNotes.execute(
                new PrintWriter(err, true),
                "run",
                "--simulator",
                "carla",
                "--carla-host",
                "127.0.0.1",
                "--carla-port",
                Integer.toString(carlaPort),
                "--port-base",
                "0",
                "--data",
                dir.resolve("data").toString(),
                "--out",
                dir.resolve("runs").toString());
    }

    @Test
    void upRefusesAnUnreachableServerWithOneLineBeforeStartingServices() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        StringWriter err = new StringWriter();

        int code = assertTimeoutPreemptively(
                REFUSAL_LIMIT,
                () -> DriveNotes.execute(
                        new PrintWriter(err, true),
                        "up",
                        "--simulator",
                        "carla",
                        "--carla-host",
                        "127.0.0.1",
                        "--carla-port",
                        Integer.toString(closedPort),
                        "--port-base",
                        "0",
                        "--data",
                        dir.resolve("data").toString()));

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("drivenotes: cannot reach CARLA server 127.0.0.1:" + closedPort);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(dir.resolve("data").resolve("logs")).doesNotExist();
    }

    @Test
    void refusesAnUnreachableServerWithOneLine() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        StringWriter err = new StringWriter();

        int code = assertTimeoutPreemptively(REFUSAL_LIMIT, () -> run(err, closedPort));

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("drivenotes: cannot reach CARLA server 127.0.0.1:" + closedPort);
        assertThat(err.toString().strip().lines()).hasSize(1);
    }

    @Test
    void refusesAServerOfAnotherVersionNamingBoth() throws Exception {
        try (FakeCarlaServer server =
                FakeCarlaServer.start(FakeTowns.town(dir).world().version("0.9.14"))) {
            StringWriter err = new StringWriter();

            int code = assertTimeoutPreemptively(REFUSAL_LIMIT, () -> run(err, server.port()));

            assertThat(code).isEqualTo(1);
            assertThat(err.toString())
                    .startsWith("drivenotes: CARLA server")
                    .contains("'0.9.14'")
                    .contains("0.9.15");
            assertThat(err.toString().strip().lines()).hasSize(1);
            assertThat(server.world().spawnedActors()).isEmpty();
        }
    }

    @Test
    void refusesAPortWithoutRoomForTheStreamsAsBadInput() {
        StringWriter err = new StringWriter();

        int code = run(err, 65535);

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("drivenotes: --carla-port: must be between 1 and 65534");
        assertThat(err.toString().strip().lines()).hasSize(1);
    }

    @Test
    void refusesAnUnknownSimulatorAsBadInput() {
        StringWriter err = new StringWriter();

        int code = DriveNotes.execute(new PrintWriter(err, true), "run", "--simulator", "unreal");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip())
                .isEqualTo("drivenotes: --simulator: expected embedded or carla (was unreal)");
    }
}
