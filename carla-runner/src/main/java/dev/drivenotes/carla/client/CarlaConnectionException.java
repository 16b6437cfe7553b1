package dev.drivenotes.carla.client;

/** The server could not be reached, closed the connection, or sent bytes that are not its protocol. */
public final class CarlaConnectionException extends CarlaException {

    public CarlaConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
