package dev.drivenotes.carla.map.opendrive;

import java.util.List;

/**
 * An OpenDRIVE junction.
 *
 * @param name the name attribute (may be blank)
 * @param type "default", "direct" or "virtual"
 * @param controllerIds the junction's {@code <controller id>} references, in sequence order
 */
public record Junction(String id, String name, String type, List<Connection> connections, List<String> controllerIds) {

    public Junction {
        connections = List.copyOf(connections);
        controllerIds = List.copyOf(controllerIds);
    }

    public boolean direct() {
        return "direct".equals(type);
    }

    /**
     * One junction connection.
     *
     * @param incomingRoad the road that leads into the junction
     * @param connectingRoad the road inside the junction (for a direct junction: the linked road)
     * @param contactPoint the end of the connecting road that touches the incoming road
     * @param laneLinks pairs {from lane of the incoming road, to lane of the connecting road}
     */
    public record Connection(
            String incomingRoad, String connectingRoad, ContactPoint contactPoint, List<int[]> laneLinks) {

        public Connection {
            laneLinks = List.copyOf(laneLinks);
        }
    }
}
