package dev.drivenotes.carla.client;

/** The server did not answer a call (or send a frame) within the call's time limit. */
public final class CarlaTimeoutException extends CarlaException {

    public CarlaTimeoutException(String message) {
        super(message, null);
    }
}
