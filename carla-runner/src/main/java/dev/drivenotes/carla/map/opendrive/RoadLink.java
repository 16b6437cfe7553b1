package dev.drivenotes.carla.map.opendrive;

/**
 * A road's predecessor or successor.
 *
 * @param elementType a road or a junction
 * @param elementId the id of that road or junction
 * @param contactPoint which end of the linked road touches this one (null for junctions)
 */
public record RoadLink(ElementType elementType, String elementId, ContactPoint contactPoint) {

    /** What a road link points at. */
    public enum ElementType {
        ROAD,
        JUNCTION
    }
}
