/**
 * A stand-in for a CARLA 0.9.15 server: RPC on one port, streams on the next, a scripted world.
 * Written from LibCarla 0.9.15's server side (Unreal/.../Server/CarlaServer.cpp, rpc/Server.h,
 * streaming/detail/tcp/ServerSession.cpp, Sensor/WorldObserver.cpp, Sensor/CollisionSensor.cpp)
 * with its own msgpack encodings, never the client's: tests and {@code drivenotes bench carla} run
 * the client against it. It lives in main code only because that benchmark ships in the launcher;
 * nothing in carla-runner's wiring uses it (ArchUnit).
 */
package dev.drivenotes.carla.fake;
