/**
 * The lane graph built from the OpenDRIVE model: one node per driving lane of a lane section, with
 * its centre polyline in driving direction, successor and lane-change edges, and the spatial index
 * that matches a pose to a lane.
 */
package dev.drivenotes.carla.map.lanes;
