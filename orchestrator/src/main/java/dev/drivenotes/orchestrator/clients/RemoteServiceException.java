package dev.drivenotes.orchestrator.clients;

/** A call to another service failed; {@code status} is its HTTP status, or 0 when unreachable. */
public final class RemoteServiceException extends RuntimeException {
    private final String service;
    private final int status;

    public RemoteServiceException(String service, int status, String detail, Throwable cause) {
        super(service + (status == 0 ? " unreachable" : " answered " + status) + ": " + detail, cause);
        this.service = service;
        this.status = status;
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    /** The remote rejected the request itself (4xx): retrying will not help. */
    public boolean clientError() {
        return status >= 400 && status < 500;
    }
}
