package dev.drivenotes.carla.client;

/**
 * A call to a CARLA server did not give a result. The message is one line naming the server, so it
 * can stand as a failure reason on its own.
 */
public abstract sealed class CarlaException extends RuntimeException
        permits CarlaConnectionException, CarlaRpcException, CarlaTimeoutException, CarlaVersionException {

    CarlaException(String message, Throwable cause) {
        super(message, cause);
    }
}
