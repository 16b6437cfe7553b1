package dev.drivenotes.carla.sim.carla;

import dev.drivenotes.carla.client.CarlaClient;
import dev.drivenotes.carla.client.CarlaEndpoint;
import dev.drivenotes.carla.client.CarlaException;
import dev.drivenotes.carla.client.CarlaRpcException;
import dev.drivenotes.carla.client.CarlaTimeoutException;
import dev.drivenotes.carla.client.protocol.MapInfo;
import dev.drivenotes.carla.client.protocol.MapLayer;
import dev.drivenotes.carla.sim.SimulatorFailureException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The map a CARLA server has loaded, fetched once when the backend starts: its short name ({@code
 * Town01}, the map reference simulations use) and its OpenDRIVE text ({@code get_map_data}) written
 * to a file that the map catalog loads like any other, so routes, places, notes and ground truth
 * come from the same code as with the embedded simulator.
 *
 * @param name the map's reference: the last element of the server's map name
 * @param xodr the OpenDRIVE file written from {@code get_map_data}
 */
public record ServerMap(String name, Path xodr) {

    /** How often to ask whether a map being loaded has become the new episode (LibCarla waits 50 ms, Simulator.cpp:91-111). */
    static final Duration LOAD_POLL = Duration.ofMillis(50);

    /**
     * Connects, checks the version, loads {@code loadMap} first when it is given (as {@code
     * client.load_world} does: {@code load_new_episode}, then waiting for the episode to change), and
     * writes the loaded map's OpenDRIVE into {@code dir}.
     *
     * @throws SimulatorFailureException naming the server when it cannot be used
     */
    public static ServerMap fetch(CarlaEndpoint endpoint, String loadMap, Duration loadTimeout, Path dir) {
        try (CarlaClient client = CarlaClient.connectChecked(endpoint)) {
            if (loadMap != null && !loadMap.isBlank()) {
                load(client, loadMap.strip(), loadTimeout);
            }
            MapInfo info = client.mapInfo();
            String name = info.shortName();
            Path file = dir.resolve(name + ".xodr");
            Files.createDirectories(dir);
            Files.writeString(file, client.mapData(), StandardCharsets.UTF_8);
            return new ServerMap(name, file);
        } catch (CarlaException e) {
            throw new SimulatorFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the CARLA map into " + dir, e);
        }
    }

    private static void load(CarlaClient client, String map, Duration timeout) {
        long before = client.episodeInfo().id();
        client.loadNewEpisode(map, true, MapLayer.ALL);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (client.episodeSettings().synchronousMode()) {
                    client.tickCue();
                }
                if (client.episodeInfo().id() != before) {
                    return;
                }
            } catch (CarlaRpcException e) {
                // "episode not ready" while the new level loads: ask again
            }
            sleep(LOAD_POLL);
        }
        throw new CarlaTimeoutException("CARLA server " + client.endpoint() + " did not start map '" + map + "' within "
                + timeout.toSeconds() + " s");
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CarlaTimeoutException("interrupted while a CARLA map loads");
        }
    }
}
