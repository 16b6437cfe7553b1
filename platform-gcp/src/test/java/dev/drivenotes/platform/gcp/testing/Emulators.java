package dev.drivenotes.platform.gcp.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Where the emulators are installed, and the rule for when a test may skip. */
final class Emulators {

    /** Set to {@code true} (CI) to fail instead of skip when an emulator is absent. */
    static final String REQUIRE_PROPERTY = "drivenotes.require-emulators";

    static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Emulators.class);

    private Emulators() {}

    static Path locate(String overrideProperty, String defaultPath) {
        return Path.of(System.getProperty(overrideProperty, defaultPath));
    }

    /** Skips the test class (saying why) when the emulator is not installed, unless emulators are required. */
    static void assumeInstalled(String name, Path launcher, String debianPackage) {
        boolean present = Files.isRegularFile(launcher);
        String why = name + " not installed at " + launcher + " (Debian package " + debianPackage
                + "); skipping the tests that need it";
        if (!present && Boolean.getBoolean(REQUIRE_PROPERTY)) {
            throw new IllegalStateException(why + " — but " + REQUIRE_PROPERTY + "=true");
        }
        Assumptions.assumeTrue(present, why);
    }
}
