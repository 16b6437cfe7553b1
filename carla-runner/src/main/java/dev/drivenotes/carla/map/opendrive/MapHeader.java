package dev.drivenotes.carla.map.opendrive;

/**
 * The OpenDRIVE header, kept as metadata.
 *
 * @param geoReference the PROJ string of the map's projection, or null
 */
public record MapHeader(int revMajor, int revMinor, String name, String vendor, String geoReference) {}
