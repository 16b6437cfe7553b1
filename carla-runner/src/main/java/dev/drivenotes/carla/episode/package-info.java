/**
 * What every simulator backend computes the same way around its ego vehicle: the route a seed picks,
 * the background traffic model, the ego's sensors, its ground-truth events (red lights, stop signs,
 * lane invasion, route deviation) and the termination rules ({@link
 * dev.drivenotes.carla.episode.EgoEpisode}). Backends supply the ego's pose and its collisions.
 */
package dev.drivenotes.carla.episode;
