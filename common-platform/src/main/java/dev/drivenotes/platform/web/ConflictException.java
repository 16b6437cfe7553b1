package dev.drivenotes.platform.web;

/** A request that conflicts with the resource's state; answered with 409 problem details. */
public final class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
