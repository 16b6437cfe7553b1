package dev.drivenotes.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits every service's HTTP API applies.
 *
 * @param maxRequestSize the largest request body accepted; larger ones are answered 413 without
 *     being read
 */
@ConfigurationProperties("drivenotes.web")
public record WebProperties(@DefaultValue("1MB") DataSize maxRequestSize) {

    public WebProperties {
        if (maxRequestSize == null || maxRequestSize.toBytes() < 1) {
            throw new IllegalArgumentException("drivenotes.web.max-request-size must be positive");
        }
    }
}
