package dev.drivenotes.carla.map.opendrive;

/** Which end of a road a link touches. */
public enum ContactPoint {
    START,
    END
}
