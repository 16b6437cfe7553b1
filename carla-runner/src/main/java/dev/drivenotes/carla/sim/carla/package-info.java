/**
 * The CARLA backend of the simulator port: a CARLA 0.9.15 server driven through the client in
 * {@code dev.drivenotes.carla.client}. The ego is a CARLA vehicle moved by CARLA's physics; the
 * background traffic is the same model as the embedded simulator's ({@link
 * dev.drivenotes.carla.episode.EgoEpisode}), its vehicles spawned in CARLA and placed every tick;
 * ground truth comes from the episode state stream, CARLA's collision sensor and the map code.
 */
package dev.drivenotes.carla.sim.carla;
