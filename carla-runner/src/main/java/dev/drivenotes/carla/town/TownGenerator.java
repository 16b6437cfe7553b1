package dev.drivenotes.carla.town;

import dev.drivenotes.carla.map.places.PlacesFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Generates a grid town as an OpenDRIVE file plus its places sidecar, so that the ordinary map
 * loader reads it like any other map. Output is identical for identical settings; files are only
 * rewritten when their content would change.
 */
public final class TownGenerator {

    public static final String DEFAULT_TOWN = "default-town";
    /** The second generated layout, {@link TownSettings#SECOND}. */
    public static final String SECOND_TOWN = "grid-town-2";

    private final TownSettings settings;

    public TownGenerator(TownSettings settings) {
        this.settings = settings;
    }

    /**
     * The generated towns a simulator knows by name ({@link #DEFAULT_TOWN}, {@link #SECOND_TOWN}),
     * each written into {@code dir} when first loaded. Deterministic: the same files every time.
     */
    public static Map<String, Supplier<Path>> builtIns(Path dir) {
        return Map.of(
                DEFAULT_TOWN, () -> new TownGenerator(TownSettings.DEFAULT).writeTo(dir, DEFAULT_TOWN),
                SECOND_TOWN, () -> new TownGenerator(TownSettings.SECOND).writeTo(dir, SECOND_TOWN));
    }

    /** Writes {@code <name>.xodr} and {@code <name>.places.json} into {@code dir}; returns the .xodr path. */
    public Path writeTo(Path dir, String name) {
        TownLayout layout = new TownLayout(settings);
        Path xodr = dir.resolve(name + ".xodr");
        try {
            Files.createDirectories(dir);
            writeIfChanged(xodr, OpenDriveWriter.write(layout, name));
            writeIfChanged(PlacesFile.sidecarOf(xodr), places(layout).toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write town " + name + " into " + dir, e);
        }
        return xodr;
    }

    PlacesFile places(TownLayout layout) {
        List<PlacesFile.Named> junctions = layout.intersections.stream()
                .map(j -> new PlacesFile.Named(Integer.toString(j.id()), j.name()))
                .toList();
        List<PlacesFile.Named> roads = layout.streets.stream()
                .map(s -> new PlacesFile.Named(Integer.toString(s.id()), s.name()))
                .toList();
        List<TownLayout.Street> blocks = new ArrayList<>(layout.streets);
        SplittableRandom random = new SplittableRandom(settings.seed());
        for (int i = blocks.size() - 1; i > 0; i--) {
            int k = random.nextInt(i + 1);
            blocks.set(i, blocks.set(k, blocks.get(i)));
        }
        List<PlacesFile.Poi> pois = new ArrayList<>();
        for (int i = 0; i < Math.min(TownNames.POIS.size(), blocks.size()); i++) {
            TownLayout.Street s = blocks.get(i);
            pois.add(new PlacesFile.Poi(
                    TownNames.POIS.get(i), Integer.toString(s.id()), s.lengthM() / 2, null, null, null, 9.0));
        }
        return new PlacesFile(junctions, roads, pois);
    }

    private static void writeIfChanged(Path file, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (Files.isRegularFile(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
            return;
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(
                tmp,
                file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
