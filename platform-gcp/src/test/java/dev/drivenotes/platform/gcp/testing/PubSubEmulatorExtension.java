package dev.drivenotes.platform.gcp.testing;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts Google's Pub/Sub emulator once per test run (shared by every class that uses the
 * extension, stopped when the run ends) and injects it as an {@link EmulatorProcess} parameter.
 * Skips, saying why, where the emulator is not installed.
 */
public final class PubSubEmulatorExtension implements BeforeAllCallback, ParameterResolver {

    private static final Path LAUNCHER = Emulators.locate(
            "drivenotes.pubsub-emulator",
            "/usr/lib/google-cloud-sdk/platform/pubsub-emulator/bin/cloud-pubsub-emulator");

    @Override
    public void beforeAll(ExtensionContext context) {
        Emulators.assumeInstalled("Pub/Sub emulator", LAUNCHER, "google-cloud-cli-pubsub-emulator");
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
                .computeIfAbsent("pubsub", key -> start(), EmulatorProcess.class);
    }

    private static EmulatorProcess start() {
        try {
            return EmulatorProcess.start(
                    "pubsub-emulator",
                    port -> List.of("/bin/sh", LAUNCHER.toString(), "--host=127.0.0.1", "--port=" + port));
        } catch (Exception e) {
            throw new IllegalStateException("could not start the Pub/Sub emulator", e);
        }
    }
}
