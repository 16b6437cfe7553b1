package dev.drivenotes.orchestrator.experiment;

import dev.drivenotes.model.port.EventPublisher;
import dev.drivenotes.orchestrator.clients.SimulatorClient;
import dev.drivenotes.orchestrator.episode.FakeServices;
import dev.drivenotes.platform.PlatformProperties;
import dev.drivenotes.platform.events.EventTelemetry;
import dev.drivenotes.platform.remote.RemoteCalls;
import dev.drivenotes.platform.remote.TestRemoteCalls;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.web.client.RestClient;

/** An {@link ExperimentService} without Spring: the real carla-runner client against {@link FakeServices}. */
public final class LocalExperimentServices {

    private LocalExperimentServices() {}

    public static ExperimentService on(ExperimentStore store, FakeServices fake, Path data, EventPublisher events) {
        return on(store, fake.uri(), data, events);
    }

    /** The same against services at {@code services} (all four at one address). */
    public static ExperimentService on(ExperimentStore store, URI services, Path data, EventPublisher events) {
        return on(store, services, data, events, TestRemoteCalls.fast());
    }

    /** The same with the given call policy. */
    static ExperimentService on(
            ExperimentStore store, URI services, Path data, EventPublisher events, RemoteCalls calls) {
        PlatformProperties platform =
                new PlatformProperties(data, new PlatformProperties.Services(services, services, services, services));
        return new ExperimentService(
                store,
                new SimulatorClient(RestClient.builder(), platform, calls),
                events,
                Clock.systemUTC(),
                EventTelemetry.none(),
                new SimpleMeterRegistry());
    }
}
