package dev.drivenotes.reporter.report;

import dev.drivenotes.reporter.note.NoteMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * Gauge {@value #NAME} per reported experiment: its note accuracies (0..1), tagged {@code
 * experiment}, {@code condition} (common-model's {@code Condition} name, so dashboards slice by it;
 * its values are the few condition sets that the schedules run, a bounded set, and an experiment has
 * one) and {@code kind} (location, action, destination, all-three, validation); and gauge {@value
 * #LOCATION_ERROR} (metres: the mean distance between the agent's own localisation and its true
 * position where its notes place it, report.json's {@code metrics.locationErrorM}), tagged {@code
 * experiment} and {@code condition}, for an experiment whose notes recorded it. A repeated report of an
 * experiment sets the same gauges again.
 */
@Component
public class NoteAccuracyGauges {

    static final String NAME = "drivenotes.notes.accuracy";
    static final String LOCATION_ERROR = "drivenotes.notes.location.error";

    private final MeterRegistry meters;
    private final Map<String, AtomicReference<NoteMetrics>> latest = new ConcurrentHashMap<>();
    private final Map<String, AtomicReference<Double>> locationErrors = new ConcurrentHashMap<>();

    NoteAccuracyGauges(MeterRegistry meters) {
        this.meters = meters;
    }

    void record(String experimentId, String condition, NoteMetrics metrics) {
        AtomicReference<NoteMetrics> holder = latest.computeIfAbsent(experimentId, id -> {
            AtomicReference<NoteMetrics> created = new AtomicReference<>(metrics);
            register(id, condition, "location", created, NoteMetrics::locationAccuracy);
            register(id, condition, "action", created, NoteMetrics::actionAccuracy);
            register(id, condition, "destination", created, NoteMetrics::destinationAccuracy);
            register(id, condition, "all-three", created, NoteMetrics::allThreeAccuracy);
            register(id, condition, "validation", created, NoteMetrics::validationRate);
            return created;
        });
        holder.set(metrics);
    }

    /** Sets the experiment's mean localisation error, metres; nothing when its notes did not record it (null). */
    void recordLocationError(String experimentId, String condition, Double locationErrorM) {
        if (locationErrorM == null) {
            return;
        }
        locationErrors
                .computeIfAbsent(experimentId, id -> {
                    AtomicReference<Double> created = new AtomicReference<>(locationErrorM);
                    Gauge.builder(LOCATION_ERROR, created, AtomicReference::get)
                            .tag("experiment", id)
                            .tag("condition", condition)
                            .baseUnit("meters")
                            .description("mean distance between an experiment's own localisation and the truth"
                                    + " where its notes place it")
                            .register(meters);
                    return created;
                })
                .set(locationErrorM);
    }

    private void register(
            String experimentId,
            String condition,
            String kind,
            AtomicReference<NoteMetrics> holder,
            ToDoubleFunction<NoteMetrics> share) {
        Gauge.builder(NAME, holder, h -> share.applyAsDouble(h.get()))
                .tag("experiment", experimentId)
                .tag("condition", condition)
                .tag("kind", kind)
                .description("share of an experiment's notes correct on this field")
                .register(meters);
    }
}
