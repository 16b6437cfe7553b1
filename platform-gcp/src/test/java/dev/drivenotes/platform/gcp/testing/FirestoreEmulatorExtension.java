package dev.drivenotes.platform.gcp.testing;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts Google's Firestore emulator once per test run (stopped when the run ends) and injects it
 * as an {@link EmulatorProcess} parameter; point clients at it with {@code
 * FirestoreOptions.setEmulatorHost(hostPort())}. Skips, saying why, where it is not installed.
 */
public final class FirestoreEmulatorExtension implements BeforeAllCallback, ParameterResolver {

    private static final Path LAUNCHER = Emulators.locate(
            "drivenotes.firestore-emulator",
            "/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud_firestore_emulator");

    @Override
    public void beforeAll(ExtensionContext context) {
        Emulators.assumeInstalled("Firestore emulator", LAUNCHER, "google-cloud-cli-firestore-emulator");
        emulator(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmulatorProcess.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return emulator(context);
    }

    private static EmulatorProcess emulator(ExtensionContext context) {
        return context.getRoot()
                .getStore(Emulators.NAMESPACE)
                .computeIfAbsent("firestore", key -> start(), EmulatorProcess.class);
    }

    private static EmulatorProcess start() {
        try {
            return EmulatorProcess.start(
                    "firestore-emulator",
                    port -> List.of("/bin/bash", LAUNCHER.toString(), "start", "--host=127.0.0.1", "--port=" + port));
        } catch (Exception e) {
            throw new IllegalStateException("could not start the Firestore emulator", e);
        }
    }
}
