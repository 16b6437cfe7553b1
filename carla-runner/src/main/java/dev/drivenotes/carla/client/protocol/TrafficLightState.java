package dev.drivenotes.carla.client.protocol;

/**
 * {@code carla::rpc::TrafficLightState}, a {@code uint8_t} enum (rpc/TrafficLightState.h:16-22):
 * Red 0, Yellow 1, Green 2, Off 3, Unknown 4. It is one byte of a traffic light's record in the
 * episode state stream ({@code TrafficLightData::state}, sensor/data/ActorDynamicState.h:97-108).
 */
public enum TrafficLightState {
    RED,
    YELLOW,
    GREEN,
    OFF,
    UNKNOWN;

    public static TrafficLightState of(int code) {
        return code >= 0 && code < values().length ? values()[code] : UNKNOWN;
    }
}
