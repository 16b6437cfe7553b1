package dev.drivenotes.orchestrator.experiment;

import dev.drivenotes.model.port.EventPublisher;
import dev.drivenotes.orchestrator.OrchestratorProperties;
import dev.drivenotes.orchestrator.clients.PolicyClient;
import dev.drivenotes.orchestrator.clients.RemoteCalls;
import dev.drivenotes.orchestrator.clients.SimulatorClient;
import dev.drivenotes.orchestrator.clients.TestRemoteCalls;
import dev.drivenotes.orchestrator.episode.EpisodeDriver;
import dev.drivenotes.orchestrator.episode.FakeServices;
import dev.drivenotes.platform.PlatformProperties;
import dev.drivenotes.platform.artifacts.LocalFolderArtifactStore;
import dev.drivenotes.platform.events.EventTelemetry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.springframework.web.client.RestClient;

/** An {@link ExperimentService} without Spring: the real driver and clients against {@link FakeServices}. */
public final class LocalExperimentServices {

    /** Two attempts per episode, 100 ms apart. */
    static final OrchestratorProperties PROPERTIES =
            TestRemoteCalls.properties(Duration.ofSeconds(5), 2, Duration.ofMillis(100));

    private LocalExperimentServices() {}

    public static ExperimentService on(ExperimentStore store, FakeServices fake, Path data, EventPublisher events) {
        return on(store, fake.uri(), data, events);
    }

    /** The same against services at {@code services} (all four at one address). */
    public static ExperimentService on(ExperimentStore store, URI services, Path data, EventPublisher events) {
        return on(store, services, data, events, TestRemoteCalls.fast(), PROPERTIES);
    }

    /** The same with the given call policy and settings. */
    static ExperimentService on(
            ExperimentStore store,
            URI services,
            Path data,
            EventPublisher events,
            RemoteCalls calls,
            OrchestratorProperties properties) {
        PlatformProperties platform =
                new PlatformProperties(data, new PlatformProperties.Services(services, services, services, services));
        SimulatorClient simulator = new SimulatorClient(RestClient.builder(), platform, calls);
        EpisodeDriver driver = new EpisodeDriver(
                simulator,
                new PolicyClient(RestClient.builder(), platform, calls),
                new LocalFolderArtifactStore(data.resolve("artifacts")),
                properties,
                new SimpleMeterRegistry());
        return new ExperimentService(
                store,
                driver,
                simulator,
                events,
                Clock.systemUTC(),
                properties,
                EventTelemetry.none(),
                new SimpleMeterRegistry());
    }
}
