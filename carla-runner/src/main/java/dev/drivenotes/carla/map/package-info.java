/**
 * OpenDRIVE maps, in layers that depend only downwards (checked by {@code DependencyRulesTest}):
 *
 * <ol>
 *   <li>{@code geometry}: plane curves (the sealed {@code Geometry} family of planView records,
 *       cubic polynomials, arc-length tables) and polylines; nothing of the map.
 *   <li>{@code opendrive}: the parsed OpenDRIVE model (roads, lane sections, lanes, road marks,
 *       signals, junctions, controllers) and the reader that builds it from a file.
 *   <li>{@code lanes}: the lane graph of driving lanes with their centre polylines, and the spatial
 *       index that matches a position to a lane.
 *   <li>{@code routing}: shortest lane routes and the route polyline with its junction traversals.
 *   <li>{@code places}: named junctions, POIs and roads (from the places sidecar or derived), and
 *       routes between named places.
 * </ol>
 *
 * This package holds the entry points above them: {@link dev.drivenotes.carla.map.MapCatalog}
 * resolves a map reference to a {@link dev.drivenotes.carla.map.LoadedMap}, which holds every layer
 * of one map; {@link dev.drivenotes.carla.map.MapInspection} gives its consistency figures.
 */
package dev.drivenotes.carla.map;
