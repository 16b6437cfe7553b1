package dev.drivenotes.platform.gcp.testing;

import java.nio.file.Path;
import java.util.List;

/**
 * Google's Firestore emulator for tests; point clients at it with {@code
 * FirestoreOptions.setEmulatorHost(hostPort())}. See {@link EmulatorExtension}.
 */
public final class FirestoreEmulatorExtension extends EmulatorExtension {

    public FirestoreEmulatorExtension() {
        super(
                "firestore",
                "Firestore emulator",
                Emulators.locate(
                        "drivenotes.firestore-emulator",
                        "/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud_firestore_emulator"),
                "google-cloud-cli-firestore-emulator");
    }

    @Override
    List<String> command(Path launcher, int port) {
        return List.of("/bin/bash", launcher.toString(), "start", "--host=127.0.0.1", "--port=" + port);
    }
}
