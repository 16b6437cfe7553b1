package dev.drivenotes.carla.sim.carla;

import dev.drivenotes.carla.client.protocol.Actor;
import dev.drivenotes.carla.client.stream.CollisionEvent;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns the ego's collision sensor events into the ground truth's collisions. CARLA's sensor sends
 * an event for every frame in which the ego touches something (Sensor/CollisionSensor.cpp:66-83); a
 * collision is reported on the step a contact with a partner starts, that is when the partner had
 * no event in the previous step. The partner's kind comes from its blueprint id: {@code vehicle.*}
 * is a vehicle, {@code walker.*} a pedestrian, anything else (unregistered {@code static.*} actors,
 * props, traffic signs) static. When several contacts start in one step, the most severe on the
 * CARLA leaderboard's scale is reported: pedestrian, then vehicle, then static.
 *
 * <p>Events of a frame may arrive after the frame's episode state (they travel on their own
 * connection); such an event counts on the next step.
 */
final class CollisionTracker {

    static final String VEHICLE = "vehicle";
    static final String PEDESTRIAN = "pedestrian";
    static final String STATIC = "static";

    private Set<String> previous = new HashSet<>();
    private Set<String> current = new HashSet<>();
    private String started;

    /**
     * The partner kind of a contact that started since the last call, or null.
     *
     * @param events hands over the events received since the last call ({@code CollisionStream::drain})
     */
    String update(Consumer<Consumer<CollisionEvent>> events) {
        started = null;
        events.accept(this::accept);
        Set<String> swap = previous;
        previous = current;
        current = swap;
        current.clear();
        return started;
    }

    private void accept(CollisionEvent event) {
        Actor other = event.other();
        String partner = other.id() != 0 ? Integer.toUnsignedString(other.id()) : other.typeId();
        current.add(partner);
        if (!previous.contains(partner)) {
            String kind = kind(other.typeId());
            if (severity(kind) > severity(started)) {
                started = kind;
            }
        }
    }

    static String kind(String typeId) {
        if (typeId.startsWith("vehicle.")) {
            return VEHICLE;
        }
        if (typeId.startsWith("walker.")) {
            return PEDESTRIAN;
        }
        return STATIC;
    }

    private static int severity(String kind) {
        if (kind == null) {
            return 0;
        }
        return switch (kind) {
            case PEDESTRIAN -> 3;
            case VEHICLE -> 2;
            default -> 1;
        };
    }
}
