package dev.drivenotes.carla.sim.carla;

import dev.drivenotes.carla.client.CarlaClient;
import dev.drivenotes.carla.client.CarlaEndpoint;
import dev.drivenotes.carla.client.CarlaException;
import dev.drivenotes.carla.client.protocol.Actor;
import dev.drivenotes.carla.client.protocol.ActorDescription;
import dev.drivenotes.carla.client.protocol.AttachmentType;
import dev.drivenotes.carla.client.protocol.BatchResult;
import dev.drivenotes.carla.client.protocol.CommandBatch;
import dev.drivenotes.carla.client.protocol.EpisodeSettings;
import dev.drivenotes.carla.client.protocol.Transform;
import dev.drivenotes.carla.client.stream.CollisionStream;
import dev.drivenotes.carla.client.stream.EpisodeStateStream;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one simulation holds on a CARLA server, and gives back: its connection and stream
 * subscriptions, the actors it spawned (every id recorded as soon as the server names it) and the
 * episode settings it changed. {@link #close} destroys every recorded actor (children first), puts
 * the saved settings back and closes the connections, on a fresh connection when the old one broke;
 * it never throws, and says what it could not undo.
 */
final class CarlaSession implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CarlaSession.class);

    private final CarlaEndpoint endpoint;
    private final CarlaClient client;
    private final List<Integer> spawned = new ArrayList<>();
    private EpisodeStateStream episode;
    private final List<CollisionStream> sensors = new ArrayList<>();
    private EpisodeSettings original;
    private boolean closed;

    private CarlaSession(CarlaEndpoint endpoint, CarlaClient client) {
        this.endpoint = endpoint;
        this.client = client;
    }

    /** Connects and checks the server's version. */
    static CarlaSession open(CarlaEndpoint endpoint) {
        return new CarlaSession(endpoint, CarlaClient.connectChecked(endpoint));
    }

    CarlaClient client() {
        return client;
    }

    String endpoint() {
        return endpoint.toString();
    }

    /** Subscribes to the episode state stream ({@code get_episode_info}, then its token). */
    EpisodeStateStream subscribeEpisode() {
        episode = client.subscribeEpisode(client.episodeInfo().token());
        return episode;
    }

    /** Saves the episode settings and switches to synchronous mode with a fixed step. */
    void synchronous(double fixedDeltaSeconds) {
        EpisodeSettings saved = client.episodeSettings();
        original = saved;
        client.setEpisodeSettings(saved.synchronous(fixedDeltaSeconds));
    }

    Actor spawn(ActorDescription description, Transform transform) {
        Actor actor = client.spawnActor(description, transform);
        spawned.add(actor.id());
        return actor;
    }

    /** Spawns a sensor on {@code parent} (rigidly attached) and subscribes to its collision events. */
    CollisionStream spawnCollisionSensor(ActorDescription description, int parentId) {
        Actor sensor = client.spawnActorWithParent(description, Transform.IDENTITY, parentId, AttachmentType.RIGID);
        spawned.add(sensor.id());
        CollisionStream stream = client.subscribeCollisions(sensor.token()
                .orElseThrow(() -> new IllegalStateException(
                        "CARLA server " + endpoint + " gave collision sensor " + sensor.id() + " no stream token")));
        sensors.add(stream);
        return stream;
    }

    /** Runs a batch of spawn commands; each actor spawned is recorded. */
    BatchResult spawnBatch(CommandBatch spawns) {
        BatchResult result = client.applyBatch(spawns, false, new BatchResult());
        for (int i = 0; i < result.size(); i++) {
            if (result.error(i) == null) {
                spawned.add(result.actor(i));
            }
        }
        return result;
    }

    /** Actors spawned and not yet destroyed (for tests and logs). */
    List<Integer> spawned() {
        return List.copyOf(spawned);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        sensors.forEach(CollisionStream::close);
        List<String> problems = new ArrayList<>();
        CarlaClient cleaner = client.failure() == null ? client : reconnect(problems);
        if (cleaner != null) {
            destroyActors(cleaner, problems);
            restoreSettings(cleaner, problems);
            if (cleaner != client) {
                cleaner.close();
            }
        }
        if (episode != null) {
            episode.close();
        }
        client.close();
        if (!problems.isEmpty()) {
            log.warn("CARLA server {}: cleanup incomplete: {}", endpoint, String.join("; ", problems));
        }
    }

    private CarlaClient reconnect(List<String> problems) {
        try {
            return CarlaClient.connect(endpoint);
        } catch (CarlaException e) {
            problems.add("actors " + spawned + " not destroyed and settings not restored: " + e.getMessage());
            return null;
        }
    }

    private void destroyActors(CarlaClient cleaner, List<String> problems) {
        if (spawned.isEmpty()) {
            return;
        }
        CommandBatch destroy = new CommandBatch();
        for (int i = spawned.size() - 1; i >= 0; i--) {
            destroy.destroy(spawned.get(i));
        }
        try {
            BatchResult result = cleaner.applyBatch(destroy, false, new BatchResult());
            List<Integer> left = new ArrayList<>();
            for (int i = 0; i < result.size(); i++) {
                if (result.error(i) != null) {
                    problems.add("actor " + destroy.actor(i) + ": " + result.error(i));
                    left.add(destroy.actor(i));
                }
            }
            spawned.clear();
            spawned.addAll(left);
        } catch (CarlaException e) {
            problems.add("actors " + spawned + " not destroyed: " + e.getMessage());
        }
    }

    private void restoreSettings(CarlaClient cleaner, List<String> problems) {
        if (original == null) {
            return;
        }
        try {
            cleaner.setEpisodeSettings(original);
            original = null;
        } catch (CarlaException e) {
            problems.add("settings not restored: " + e.getMessage());
        }
    }
}
