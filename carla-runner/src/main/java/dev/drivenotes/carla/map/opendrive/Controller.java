package dev.drivenotes.carla.map.opendrive;

import java.util.List;

/**
 * An OpenDRIVE {@code <controller>}: signals that switch together (one traffic-light phase group).
 *
 * @param sequence the controller's sequence attribute (phase order within its junction), or -1
 */
public record Controller(String id, String name, int sequence, List<String> signalIds) {

    public Controller {
        signalIds = List.copyOf(new java.util.LinkedHashSet<>(signalIds));
    }
}
