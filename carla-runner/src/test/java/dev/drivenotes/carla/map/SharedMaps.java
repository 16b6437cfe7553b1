package dev.drivenotes.carla.map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the team's shared sample maps: {@code ../shared/maps} seen from the repository root, which
 * is {@code ../../shared/maps} from the module directory where Surefire runs.
 */
public final class SharedMaps {

    private SharedMaps() {}

    public static Optional<Path> find(String file) {
        return Stream.of(Path.of("..", "shared", "maps", file), Path.of("..", "..", "shared", "maps", file))
                .filter(Files::isRegularFile)
                .findFirst();
    }

    /** The shared map {@code file}; skips the calling test when it is absent (a user's clone has no ../shared). */
    public static Path require(String file) {
        Optional<Path> path = find(file);
        assumeTrue(path.isPresent(), "../shared/maps/" + file + " absent (a user's clone has no ../shared): skipping");
        return path.orElseThrow();
    }
}
