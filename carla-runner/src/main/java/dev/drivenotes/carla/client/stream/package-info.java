/**
 * CARLA 0.9.15's streaming protocol (the RPC port + 1 by default): a TCP connection per stream, on
 * which the client first writes the stream id and the server then writes messages, each a {@code
 * uint32} size and that many bytes (streaming/detail/tcp/Client.cpp, tcp/Message.h). Every message is
 * a sensor header followed by the sensor's data (sensor/s11n); here the episode state (every actor's
 * transform and velocities each frame) and collision events.
 */
package dev.drivenotes.carla.client.stream;
