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

    /** Base URLs of the services. */
    public record Services(
            @DefaultValue("http://localhost:8080") URI orchestrator,
            @DefaultValue("http://localhost:8081") URI carlaRunner,
            @DefaultValue("http://localhost:8082") URI dreamerService,
            @DefaultValue("http://localhost:8083") URI reporter) {}
}
