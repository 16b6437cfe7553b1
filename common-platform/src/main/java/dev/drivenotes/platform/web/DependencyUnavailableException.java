package dev.drivenotes.platform.web;

/**
 * A service this one needs to answer a request did not answer or failed; answered with 503
 * problem details naming it in {@code service}.
 */
public final class DependencyUnavailableException extends RuntimeException {

    private final String service;

    public DependencyUnavailableException(String service, String message, Throwable cause) {
        super(message, cause);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
