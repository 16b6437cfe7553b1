/**
 * Named places of a map (junctions, POIs and roads, from the places sidecar file or derived), their
 * anchors on the lane graph, and routes between two named places with the POIs they pass.
 */
package dev.drivenotes.carla.map.places;
