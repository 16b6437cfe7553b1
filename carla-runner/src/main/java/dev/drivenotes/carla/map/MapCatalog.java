package dev.drivenotes.carla.map;

import dev.drivenotes.carla.map.opendrive.OpenDriveLoader;
import dev.drivenotes.carla.map.opendrive.OpenDriveMap;
import dev.drivenotes.carla.map.places.PlacesFile;
import dev.drivenotes.model.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Resolves map references and caches loaded maps. A reference is a built-in name (whose supplier
 * produces an .xodr file, e.g. the generated default town) or a path to an .xodr file; the places
 * sidecar next to the file is read when present.
 */
public final class MapCatalog {

    private final Map<String, Supplier<Path>> builtIns;
    private final Map<String, LoadedMap> cache = new ConcurrentHashMap<>();

    public MapCatalog(Map<String, Supplier<Path>> builtIns) {
        this.builtIns = Map.copyOf(builtIns);
    }

    public LoadedMap load(String ref) {
        if (ref == null || ref.isBlank()) {
            throw new InvalidInputException("map", "must not be blank");
        }
        String key = ref.strip();
        LoadedMap cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        return cache.computeIfAbsent(key, k -> loadUncached(k, resolve(k)));
    }

    private Path resolve(String ref) {
        Supplier<Path> builtIn = builtIns.get(ref);
        if (builtIn != null) {
            return builtIn.get();
        }
        if (!ref.toLowerCase(Locale.ROOT).endsWith(".xodr")) {
            throw new InvalidInputException(
                    "map", "'" + ref + "' is neither a built-in map " + builtIns.keySet() + " nor an .xodr file path");
        }
        Path path = Path.of(ref).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            throw new InvalidInputException("map", "no OpenDRIVE file at '" + ref + "'");
        }
        return path;
    }

    private static LoadedMap loadUncached(String ref, Path file) {
        OpenDriveMap map = OpenDriveLoader.load(file);
        Path sidecar = PlacesFile.sidecarOf(file);
        return LoadedMap.of(ref, map, Files.isRegularFile(sidecar) ? PlacesFile.read(sidecar) : null);
    }
}
