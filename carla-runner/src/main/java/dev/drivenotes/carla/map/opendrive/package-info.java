/**
 * The OpenDRIVE model as parsed from a file ({@link dev.drivenotes.carla.map.opendrive.OpenDriveMap}:
 * roads with their reference lines, lane sections, lanes and road marks; signals and signal
 * references; junctions and controllers) and {@link dev.drivenotes.carla.map.opendrive.OpenDriveLoader},
 * which reads it. Depends only on {@code map.geometry}.
 */
package dev.drivenotes.carla.map.opendrive;
