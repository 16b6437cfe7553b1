package dev.drivenotes.carla.map;

import dev.drivenotes.carla.map.opendrive.OpenDriveLoader;
import dev.drivenotes.carla.map.opendrive.OpenDriveMap;
import dev.drivenotes.carla.map.places.PlacesFile;
import dev.drivenotes.model.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Resolves map references and caches loaded maps. A reference is a built-in name (whose supplier
 * produces an .xodr file, e.g. the generated default town) or a path to an .xodr file; the places
 * sidecar next to the file is read when present. A file is cached under its real path, so that
 * {@code a.xodr}, {@code ./a.xodr} and {@code /abs/a.xodr} share one entry; at most {@link
 * #MAX_CACHED_MAPS} maps stay cached (the least recently used is dropped; simulations on it keep
 * their own reference).
 */
public final class MapCatalog {

    /** Maps kept loaded at once: a day's experiments use one or two. */
    public static final int MAX_CACHED_MAPS = 16;

    private record Cached(LoadedMap map, AtomicLong lastUsedNanos) {}

    private final Map<String, Supplier<Path>> builtIns;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public MapCatalog(Map<String, Supplier<Path>> builtIns) {
        this.builtIns = Map.copyOf(builtIns);
    }

    public LoadedMap load(String ref) {
        if (ref == null || ref.isBlank()) {
            throw new InvalidInputException("map", "must not be blank");
        }
        String name = ref.strip();
        String key = builtIns.containsKey(name) ? name : realPath(name).toString();
        Cached cached = cache.computeIfAbsent(
                key, k -> new Cached(loadUncached(name, resolve(name)), new AtomicLong(System.nanoTime())));
        cached.lastUsedNanos().set(System.nanoTime());
        evictBeyondCapacity();
        return cached.map();
    }

    /** Number of maps cached now. */
    int cachedCount() {
        return cache.size();
    }

    private void evictBeyondCapacity() {
        while (cache.size() > MAX_CACHED_MAPS) {
            cache.entrySet().stream()
                    .min(Comparator.comparingLong(
                            e -> e.getValue().lastUsedNanos().get()))
                    .ifPresent(eldest -> cache.remove(eldest.getKey(), eldest.getValue()));
        }
    }

    private Path resolve(String ref) {
        Supplier<Path> builtIn = builtIns.get(ref);
        return builtIn != null ? builtIn.get() : realPath(ref);
    }

    /** The real path of an .xodr file reference. */
    private Path realPath(String ref) {
        if (!ref.toLowerCase(Locale.ROOT).endsWith(".xodr")) {
            throw new InvalidInputException(
                    "map", "'" + ref + "' is neither a built-in map " + builtIns.keySet() + " nor an .xodr file path");
        }
        try {
            Path path = Path.of(ref).toAbsolutePath().normalize();
            if (!Files.isRegularFile(path)) {
                throw new InvalidInputException("map", "no OpenDRIVE file at '" + ref + "'");
            }
            return path.toRealPath();
        } catch (InvalidPathException | IOException e) {
            throw new InvalidInputException("map", "no OpenDRIVE file at '" + ref + "'");
        }
    }

    private static LoadedMap loadUncached(String ref, Path file) {
        OpenDriveMap map = OpenDriveLoader.load(file);
        Path sidecar = PlacesFile.sidecarOf(file);
        return LoadedMap.of(ref, map, Files.isRegularFile(sidecar) ? PlacesFile.read(sidecar) : null);
    }
}
