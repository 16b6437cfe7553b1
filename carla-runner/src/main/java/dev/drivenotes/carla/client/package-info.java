/**
 * A Java client for a CARLA 0.9.15 server, written from LibCarla 0.9.15's source (no native
 * LibCarla, no Python): {@code rpc} speaks rpclib's msgpack-rpc on the RPC port, {@code protocol}
 * holds CARLA's records with their msgpack layouts, {@code stream} reads the streaming port (episode
 * state and sensor data). {@link dev.drivenotes.carla.client.CarlaClient} puts them together. The
 * package knows nothing of Spring, of the map code or of the simulator backends.
 */
package dev.drivenotes.carla.client;
