/**
 * The embedded backend of the simulator port: the pure-Java simulator over OpenDRIVE maps (ego
 * vehicle, background traffic, traffic lights, sensors, ground-truth events).
 */
package dev.drivenotes.carla.sim.embedded;
