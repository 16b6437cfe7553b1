package dev.drivenotes.reporter.map;

/** carla-runner could not say what a map or route looks like. */
public final class MapUnavailableException extends RuntimeException {
    MapUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
