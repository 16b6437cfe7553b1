package dev.drivenotes.carla.map;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the team's shared sample maps: {@code ../shared/maps} seen from the repository root, which
 * is {@code ../../shared/maps} from the module directory where Surefire runs.
 */
final class SharedMaps {

    private SharedMaps() {}

    static Optional<Path> find(String file) {
        return Stream.of(Path.of("..", "shared", "maps", file), Path.of("..", "..", "shared", "maps", file))
                .filter(Files::isRegularFile)
                .findFirst();
    }
}
