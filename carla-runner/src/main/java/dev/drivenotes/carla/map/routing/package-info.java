/** Shortest routes over the lane graph (A*) and the route as one polyline with its junction traversals. */
package dev.drivenotes.carla.map.routing;
