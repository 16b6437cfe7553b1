package dev.drivenotes.reporter.report;

import dev.drivenotes.model.port.ArtifactStore;
import dev.drivenotes.model.port.EventPublisher;
import dev.drivenotes.platform.events.EventTelemetry;
import dev.drivenotes.reporter.store.MetricsSink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;

/** Builds an {@link ExperimentReporter} for tests in other packages. */
public final class TestReporters {

    private TestReporters() {}

    public static ExperimentReporter create(
            MetricsSink sink, ArtifactStore artifacts, EventPublisher publisher, Clock clock) {
        return new ExperimentReporter(
                sink,
                artifacts,
                publisher,
                new DailyRollup(sink),
                clock,
                EventTelemetry.none(),
                new NoteAccuracyGauges(new SimpleMeterRegistry()));
    }
}
