package dev.drivenotes.app;

import dev.drivenotes.platform.gcp.emulator.EmulatorProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where Google's Pub/Sub emulator (Debian package {@code google-cloud-cli-pubsub-emulator}) is
 * installed, and how the launcher starts it on a free loopback port.
 */
final class PubSubEmulator {

    /** Overrides where the emulator's launcher is looked for. */
    static final String LAUNCHER_PROPERTY = "drivenotes.pubsub-emulator";

    static final Path DEFAULT_LAUNCHER =
            Path.of("/usr/lib/google-cloud-sdk/platform/pubsub-emulator/bin/cloud-pubsub-emulator");

    private PubSubEmulator() {}

    static Path launcher() {
        return Path.of(System.getProperty(LAUNCHER_PROPERTY, DEFAULT_LAUNCHER.toString()));
    }

    /**
     * Starts the emulator and waits until it accepts connections.
     *
     * @throws IllegalArgumentException when the emulator is not installed (a usage error: exit 2)
     */
    static EmulatorProcess start(Path launcher, Path logFile) throws IOException, InterruptedException {
        requireInstalled(launcher);
        return EmulatorProcess.start(
                "the Pub/Sub emulator",
                port -> List.of("/bin/sh", launcher.toString(), "--host=127.0.0.1", "--port=" + port),
                logFile);
    }

    /** @throws IllegalArgumentException when the emulator is not installed (a usage error: exit 2) */
    static void requireInstalled(Path launcher) {
        if (!Files.isRegularFile(launcher)) {
            throw new IllegalArgumentException("--bus pubsub-emulator: the Pub/Sub emulator is not installed at "
                    + launcher + " (install the Debian package google-cloud-cli-pubsub-emulator)");
        }
    }
}
