package dev.drivenotes.carla.map;

import java.util.List;

/** An OpenDRIVE junction: its id, its name attribute (may be blank) and its connections. */
public record Junction(String id, String name, List<Connection> connections) {

    public Junction {
        connections = List.copyOf(connections);
    }

    /**
     * One junction connection.
     *
     * @param incomingRoad the road that leads into the junction
     * @param connectingRoad the road inside the junction
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
