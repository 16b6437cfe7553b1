package dev.drivenotes.platform.gcp.testing;

import dev.drivenotes.platform.gcp.emulator.EmulatorProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one of Google's emulators once per test run (shared by every class that uses the
 * extension, stopped when the run ends) and injects it as an {@link EmulatorProcess} parameter.
 * Skips, saying why, where the emulator is not installed.
 */
abstract class EmulatorExtension implements BeforeAllCallback, ParameterResolver {

    private final String key;
    private final String displayName;
    private final Path launcher;
    private final String debianPackage;

    EmulatorExtension(String key, String displayName, Path launcher, String debianPackage) {
        this.key = key;
        this.displayName = displayName;
        this.launcher = launcher;
        this.debianPackage = debianPackage;
    }

    /** The launch command for a port. */
    abstract List<String> command(Path launcher, int port);

    @Override
    public void beforeAll(ExtensionContext context) {
        Emulators.assumeInstalled(displayName, launcher, debianPackage);
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

    private EmulatorProcess emulator(ExtensionContext context) {
        return context.getRoot()
                .getStore(Emulators.NAMESPACE)
                .computeIfAbsent(key, k -> start(), EmulatorProcess.class);
    }

    private EmulatorProcess start() {
        try {
            return EmulatorProcess.start(
                    displayName,
                    port -> command(launcher, port),
                    Files.createTempFile("drivenotes-" + key + "-emulator-", ".log"));
        } catch (Exception e) {
            throw new IllegalStateException("could not start the " + displayName, e);
        }
    }
}
