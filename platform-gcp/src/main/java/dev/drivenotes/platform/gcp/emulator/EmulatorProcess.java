package dev.drivenotes.platform.gcp.emulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One of Google's emulators (installed from Debian packages; they run on a JDK) as a child process
 * on a free loopback port, run on the current JVM. Used by the emulator tests and by {@code
 * ./drivenotes run --bus pubsub-emulator}; closing it stops everything it spawned.
 */
public final class EmulatorProcess implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private EmulatorProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts an emulator and waits until it accepts connections.
     *
     * @param name for messages, e.g. {@code the Pub/Sub emulator}
     * @param commandForPort the launch command for a given port
     * @param log file that receives the emulator's output
     */
    public static EmulatorProcess start(String name, IntFunction<List<String>> commandForPort, Path log)
            throws IOException, InterruptedException {
        int port = LocalProcesses.freePort();
        Path parent = log.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ProcessBuilder builder = new ProcessBuilder(commandForPort.apply(port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        String javaHome = System.getProperty("java.home");
        builder.environment().put("JAVA_HOME", javaHome);
        builder.environment().put("JAVA", Path.of(javaHome, "bin", "java").toString());
        EmulatorProcess emulator = new EmulatorProcess(name, builder.start(), port, log);
        try {
            emulator.awaitListening();
            return emulator;
        } catch (IOException | InterruptedException | RuntimeException e) {
            emulator.close();
            throw e;
        }
    }

    /** {@code 127.0.0.1:PORT}, what clients' emulator-host settings take. */
    public String hostPort() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " exited with " + process.exitValue() + " (log " + log + "): " + tail());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException(name + " did not listen on port " + port + " within " + STARTUP_TIMEOUT
                + " (log " + log + "): " + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    @Override
    public void close() {
        LocalProcesses.stop(process);
    }
}
