package dev.drivenotes.platform;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every service shares.
 *
 * @param dataDir the folder that holds every local file (state, DuckDB, artifacts, maps)
 * @param services base URLs of the four services
 */
@ConfigurationProperties("drivenotes")
public record PlatformProperties(
        @DefaultValue(".drivenotes") Path dataDir,
        @DefaultValue Services services) {

    /** Base URLs of the services (loopback by default: where each listens locally). */
    public record Services(
            @DefaultValue("http://127.0.0.1:8080") URI orchestrator,
            @DefaultValue("http://127.0.0.1:8081") URI carlaRunner,
            @DefaultValue("http://127.0.0.1:8082") URI dreamerService,
            @DefaultValue("http://127.0.0.1:8083") URI reporter) {}
}
