package dev.drivenotes.carla.map.lanes;

/** A place on the lane graph: node index and distance along that lane. */
public record LanePosition(int node, double offsetM) {}
