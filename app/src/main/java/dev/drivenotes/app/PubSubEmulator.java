package dev.drivenotes.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Google's Pub/Sub emulator (Debian package {@code google-cloud-cli-pubsub-emulator}) as a child
 * process on a free loopback port, run on the current JVM; stopped with everything it spawned.
 */
final class PubSubEmulator implements AutoCloseable {

    /** Overrides where the emulator's launcher is looked for. */
    static final String LAUNCHER_PROPERTY = "drivenotes.pubsub-emulator";

    static final Path DEFAULT_LAUNCHER =
            Path.of("/usr/lib/google-cloud-sdk/platform/pubsub-emulator/bin/cloud-pubsub-emulator");

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final Path log;

    private PubSubEmulator(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static Path launcher() {
        return Path.of(System.getProperty(LAUNCHER_PROPERTY, DEFAULT_LAUNCHER.toString()));
    }

    /**
     * Starts the emulator and waits until it accepts connections.
     *
     * @throws IllegalArgumentException when the emulator is not installed (a usage error: exit 2)
     */
    static PubSubEmulator start(Path launcher, Path logFile) throws IOException, InterruptedException {
        requireInstalled(launcher);
        int port = ProcessSuite.freePort();
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(
                        List.of("/bin/sh", launcher.toString(), "--host=127.0.0.1", "--port=" + port))
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        String javaHome = System.getProperty("java.home");
        builder.environment().put("JAVA_HOME", javaHome);
        builder.environment().put("JAVA", Path.of(javaHome, "bin", "java").toString());
        PubSubEmulator emulator = new PubSubEmulator(builder.start(), port, logFile);
        try {
            emulator.awaitListening();
            return emulator;
        } catch (IOException | InterruptedException | RuntimeException e) {
            emulator.close();
            throw e;
        }
    }

    /** @throws IllegalArgumentException when the emulator is not installed (a usage error: exit 2) */
    static void requireInstalled(Path launcher) {
        if (!Files.isRegularFile(launcher)) {
            throw new IllegalArgumentException("--bus pubsub-emulator: the Pub/Sub emulator is not installed at "
                    + launcher + " (install the Debian package google-cloud-cli-pubsub-emulator)");
        }
    }

    /** {@code 127.0.0.1:PORT}, the value of {@code spring.cloud.gcp.pubsub.emulator-host}. */
    String hostPort() {
        return "127.0.0.1:" + port;
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the Pub/Sub emulator exited with " + process.exitValue() + "; see " + log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException(
                "the Pub/Sub emulator did not listen on port " + port + " within " + STARTUP_TIMEOUT + "; see " + log);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        ProcessSuite.stop(process);
    }
}
