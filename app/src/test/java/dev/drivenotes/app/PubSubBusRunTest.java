package dev.drivenotes.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.platform.gcp.emulator.EmulatorProcess;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pieces of {@code run --bus pubsub-emulator}: the emulator process, the bus option's errors and
 * how a service's main class is launched. The whole command needs the packaged jar (see README).
 */
class PubSubBusRunTest {

    @TempDir
    Path dir;

    @Test
    void emulatorListensOnAFreeLoopbackPortAndStopsOnClose() throws Exception {
        Path launcher = PubSubEmulator.launcher();
        Assumptions.assumeTrue(
                Files.isRegularFile(launcher),
                "Pub/Sub emulator not installed at " + launcher
                        + " (Debian package google-cloud-cli-pubsub-emulator); skipping");
        EmulatorProcess emulator = PubSubEmulator.start(launcher, dir.resolve("emulator.log"));
        String[] hostPort;
        try {
            hostPort = emulator.hostPort().split(":");
            assertThat(hostPort[0]).isEqualTo("127.0.0.1");
            assertThat(Loopback.accepts(Integer.parseInt(hostPort[1]))).isTrue();
        } finally {
            emulator.close();
        }
        assertThat(emulator.isAlive()).isFalse();
        assertThat(Loopback.accepts(Integer.parseInt(hostPort[1]))).isFalse();
    }

    @Test
    void missingEmulatorIsAUsageErrorNamingThePackage() {
        assertThatThrownBy(() -> PubSubEmulator.start(dir.resolve("absent"), dir.resolve("emulator.log")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("google-cloud-cli-pubsub-emulator");
    }

    @Test
    void unknownBusExitsTwoWithOneLineBeforeStartingAnything() {
        StringWriter err = new StringWriter();
        int code = DriveNotes.execute(
                new PrintWriter(err, true),
                "run",
                "--bus",
                "kafka",
                "--data",
                dir.resolve("data").toString(),
                "--out",
                dir.resolve("out").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("drivenotes: --bus:").doesNotContain("\n");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void severalRunnersWithoutTheEmulatorBusExitTwoWithOneLineBeforeStartingAnything() {
        StringWriter err = new StringWriter();
        int code = DriveNotes.execute(
                new PrintWriter(err, true),
                "run",
                "--runners",
                "3",
                "--data",
                dir.resolve("data").toString(),
                "--out",
                dir.resolve("out").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip())
                .startsWith("drivenotes: --runners:")
                .contains("pubsub-emulator")
                .doesNotContain("\n");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void servicesStartFromTheExecutableJarThroughBootsPropertiesLauncher() {
        assertThat(ProcessSuite.mainClassCommand("/opt/drivenotes.jar", "a.b.Main"))
                .containsExactly(
                        "-cp",
                        "/opt/drivenotes.jar",
                        "-Dloader.main=a.b.Main",
                        "org.springframework.boot.loader.launch.PropertiesLauncher");
    }

    @Test
    void servicesStartStraightFromAPlainClassPath() {
        String classPath = String.join(File.pathSeparator, List.of("/x/classes", "/x/lib.jar"));

        assertThat(ProcessSuite.mainClassCommand(classPath, "a.b.Main")).containsExactly("-cp", classPath, "a.b.Main");
    }

    @Test
    void servicesStartStraightFromTheJarExtractedForClassDataSharing() throws Exception {
        Path jar = dir.resolve("drivenotes.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.drivenotes.app.DriveNotes");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, "lib/a.jar lib/b.jar");
        new JarOutputStream(Files.newOutputStream(jar), manifest).close();

        assertThat(ProcessSuite.mainClassCommand(jar.toString(), "a.b.Main"))
                .containsExactly("-cp", jar.toString(), "a.b.Main");
    }
}
