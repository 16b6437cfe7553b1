package dev.drivenotes.reporter.store;

/** The metrics sink could not read or write. */
public final class MetricsSinkException extends RuntimeException {
    public MetricsSinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
