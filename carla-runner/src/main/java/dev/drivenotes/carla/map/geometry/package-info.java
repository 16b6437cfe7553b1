/**
 * Plane geometry of maps: the planView records of a road's reference line (the sealed {@link
 * dev.drivenotes.carla.map.geometry.Geometry} family), cubic polynomials, and polylines with
 * cumulative length. Depends on nothing else of the map.
 */
package dev.drivenotes.carla.map.geometry;
