package dev.drivenotes.carla.map;

/**
 * What {@code GET /v1/maps/summary} answers.
 *
 * @param drivingLanes driving lanes counted per lane section (the lane graph's nodes)
 * @param pois number of POIs (from the sidecar or derived)
 */
public record MapSummary(String map, int roads, int junctions, int drivingLanes, double totalRoadLengthM, int pois) {}
