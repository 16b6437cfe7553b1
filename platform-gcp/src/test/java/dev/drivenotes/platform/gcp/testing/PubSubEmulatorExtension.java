package dev.drivenotes.platform.gcp.testing;

import java.nio.file.Path;
import java.util.List;

/** Google's Pub/Sub emulator for tests; see {@link EmulatorExtension}. */
public final class PubSubEmulatorExtension extends EmulatorExtension {

    public PubSubEmulatorExtension() {
        super(
                "pubsub",
                "Pub/Sub emulator",
                Emulators.locate(
                        "drivenotes.pubsub-emulator",
                        "/usr/lib/google-cloud-sdk/platform/pubsub-emulator/bin/cloud-pubsub-emulator"),
                "google-cloud-cli-pubsub-emulator");
    }

    @Override
    List<String> command(Path launcher, int port) {
        return List.of("/bin/sh", launcher.toString(), "--host=127.0.0.1", "--port=" + port);
    }
}
