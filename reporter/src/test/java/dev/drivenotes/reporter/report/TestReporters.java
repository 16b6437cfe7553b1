package dev.drivenotes.reporter.report;

import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.event.ExperimentCompleted;
import dev.drivenotes.model.port.ArtifactStore;
import dev.drivenotes.model.port.EventPublisher;
import dev.drivenotes.platform.PlatformProperties;
import dev.drivenotes.platform.events.EventTelemetry;
import dev.drivenotes.reporter.announce.Announcer;
import dev.drivenotes.reporter.daily.DailyReporter;
import dev.drivenotes.reporter.daily.DailyRollup;
import dev.drivenotes.reporter.map.MapGeometryClient;
import dev.drivenotes.reporter.regression.RegressionAlerts;
import dev.drivenotes.reporter.regression.RegressionRule;
import dev.drivenotes.reporter.store.MetricsSink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.springframework.web.client.RestClient;

/** Builds an {@link ExperimentReporter} and its collaborators for tests in other packages. */
public final class TestReporters {

    /** A carla-runner nobody listens on: route maps are left out, saying why. */
    public static final URI NO_CARLA_RUNNER = URI.create("http://127.0.0.1:9");

    /** The default regression rule (2 sigmas over 7 days, at least 5 of them, at least 1 point). */
    public static final RegressionRule RULE = new RegressionRule(2, 7, 5, 0.01);

    private TestReporters() {}

    public static ExperimentReporter create(
            MetricsSink sink, ArtifactStore artifacts, EventPublisher publisher, Clock clock) {
        return create(sink, artifacts, publisher, clock, NO_CARLA_RUNNER, RULE);
    }

    public static ExperimentReporter create(
            MetricsSink sink,
            ArtifactStore artifacts,
            EventPublisher publisher,
            Clock clock,
            URI carlaRunner,
            RegressionRule rule) {
        Announcer announcer = new Announcer(publisher, EventTelemetry.none());
        MapGeometryClient maps = new MapGeometryClient(
                RestClient.builder(),
                new PlatformProperties(
                        Path.of("unused"),
                        new PlatformProperties.Services(
                                NO_CARLA_RUNNER, carlaRunner, NO_CARLA_RUNNER, NO_CARLA_RUNNER)));
        return new ExperimentReporter(
                sink,
                artifacts,
                new FigureSource(artifacts, maps),
                daily(sink, artifacts, announcer, clock, rule),
                announcer,
                clock,
                new NoteAccuracyGauges(new SimpleMeterRegistry()));
    }

    /** Reports {@code completed} as the handler does for an ExperimentCompleted event at {@code completedAt}. */
    public static ExperimentReport report(
            ExperimentReporter reporter, ExperimentCompleted completed, Instant completedAt) {
        return reporter.report(EventEnvelope.wrap(completed, completedAt), completed);
    }

    public static DailyReporter daily(
            MetricsSink sink, ArtifactStore artifacts, Announcer announcer, Clock clock, RegressionRule rule) {
        return new DailyReporter(
                sink,
                artifacts,
                new DailyRollup(sink),
                new RegressionAlerts(rule, sink, announcer, clock),
                rule,
                clock);
    }
}
