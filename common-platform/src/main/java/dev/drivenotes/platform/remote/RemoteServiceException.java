package dev.drivenotes.platform.remote;

/**
 * A call to another service failed; {@code status} is its HTTP status, or 0 when unreachable; {@code
 * detail} and {@code field} come from its problem details when it sent them ({@code field} is null
 * otherwise).
 */
public final class RemoteServiceException extends RuntimeException {
    private final String service;
    private final int status;
    private final String detail;
    private final String field;

    public RemoteServiceException(String service, int status, String detail, String field, Throwable cause) {
        super(service + (status == 0 ? " unreachable" : " answered " + status) + ": " + detail, cause);
        this.service = service;
        this.status = status;
        this.detail = detail;
        this.field = field;
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    /** What the service said went wrong. */
    public String detail() {
        return detail;
    }

    /** The request field the service named as wrong, or null. */
    public String field() {
        return field;
    }

    /** The remote rejected the request itself (4xx): retrying will not help. */
    public boolean clientError() {
        return status >= 400 && status < 500;
    }
}
