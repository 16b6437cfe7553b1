package dev.drivenotes.model.sim;

/** A traffic light's state (CARLA's names). */
public enum TrafficLightState {
    RED,
    YELLOW,
    GREEN,
    OFF
}
