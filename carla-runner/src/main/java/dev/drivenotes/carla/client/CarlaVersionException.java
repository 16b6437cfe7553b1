package dev.drivenotes.carla.client;

/** The server runs another CARLA release than the one this client speaks. */
public final class CarlaVersionException extends CarlaException {

    public CarlaVersionException(String message) {
        super(message, null);
    }
}
