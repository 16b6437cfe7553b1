package dev.drivenotes.platform.web;

import java.io.IOException;

/**
 * A request body grew past the service's limit while it was being read; answered with 413 problem
 * details. An {@link IOException}, so that it travels through JSON parsers as a read failure.
 */
public final class PayloadTooLargeException extends IOException {

    private final long maxBytes;

    public PayloadTooLargeException(long maxBytes) {
        super("request body is larger than " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
