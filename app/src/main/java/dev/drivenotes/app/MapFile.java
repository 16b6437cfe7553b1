package dev.drivenotes.app;

import dev.drivenotes.carla.map.lanes.LaneGraph;
import dev.drivenotes.carla.map.lanes.LaneGraphBuilder;
import dev.drivenotes.carla.map.opendrive.OpenDriveLoader;
import dev.drivenotes.carla.map.opendrive.OpenDriveMap;
import dev.drivenotes.model.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * An OpenDRIVE file given on the command line, loaded the way the simulator loads it (parse + lane
 * graph). Anything that is not a readable OpenDRIVE file is an {@link IllegalArgumentException}
 * with a one-line message.
 */
record MapFile(Path path, OpenDriveMap map, LaneGraph graph, double loadMillis) {

    static MapFile load(Path path) {
        check(path);
        long started = System.nanoTime();
        OpenDriveMap map = OpenDriveLoader.load(path);
        LaneGraph graph = LaneGraphBuilder.build(map);
        return new MapFile(path, map, graph, (System.nanoTime() - started) / 1e6);
    }

    /**
     * A file for the services to load ({@code --map}): its absolute path once it has loaded here, in
     * about a second, rather than after the suite has started; otherwise an exception whose message
     * starts {@code --map:} and names the file.
     */
    static String checkedReference(Path path) {
        if (!path.toString().toLowerCase(Locale.ROOT).endsWith(".xodr")) {
            throw new IllegalArgumentException("--map: " + path + " is not an .xodr file");
        }
        try {
            load(path);
        } catch (InvalidInputException e) {
            throw new IllegalArgumentException("--map: " + e.reason(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--map: " + e.getMessage(), e);
        }
        return path.toAbsolutePath().normalize().toString();
    }

    static void check(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("no such file: " + path);
        }
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException(path + " is a directory, not an OpenDRIVE file");
        }
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException("cannot read " + path);
        }
        try {
            if (Files.size(path) == 0) {
                throw new IllegalArgumentException(path + " is empty, not an OpenDRIVE file");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + path + ": " + e.getMessage());
        }
    }
}
