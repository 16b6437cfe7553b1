package dev.drivenotes.reporter.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.reporter.note.NoteMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoteAccuracyGaugesTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final NoteAccuracyGauges gauges = new NoteAccuracyGauges(meters);

    private static final String CALM = "gnss1m-drop0-npc0-aggr0.5-dt0.05";
    private static final String NOISY = "gnss5m-drop0-npc20-aggr0.5-dt0.05";

    private double gauge(String experiment, String kind) {
        return meters.get(NoteAccuracyGauges.NAME)
                .tags("experiment", experiment, "kind", kind)
                .gauge()
                .value();
    }

    private static NoteMetrics metrics(double location, double allThree) {
        return new NoteMetrics(10, location, 0.9, 0.8, allThree, 1.0, 0.7, List.of());
    }

    @Test
    void showsEachExperimentsLatestAccuraciesByKind() {
        gauges.record("exp-a", CALM, metrics(0.5, 0.4));
        gauges.record("exp-b", NOISY, metrics(1.0, 0.9));
        gauges.record("exp-a", CALM, metrics(0.6, 0.5));

        assertThat(gauge("exp-a", "location")).isEqualTo(0.6);
        assertThat(gauge("exp-a", "all-three")).isEqualTo(0.5);
        assertThat(gauge("exp-b", "all-three")).isEqualTo(0.9);
        assertThat(gauge("exp-b", "validation")).isEqualTo(1.0);
        assertThat(meters.find(NoteAccuracyGauges.NAME).gauges()).hasSize(10);
    }

    @Test
    void tagsEachExperimentsGaugesWithItsCondition() {
        gauges.record("exp-a", CALM, metrics(0.5, 0.4));
        gauges.record("exp-b", NOISY, metrics(1.0, 0.9));
        gauges.record("exp-c", NOISY, metrics(0.8, 0.7));

        assertThat(meters.find(NoteAccuracyGauges.NAME).tag("condition", NOISY).gauges())
                .hasSize(10);
        assertThat(meters.get(NoteAccuracyGauges.NAME)
                        .tags("experiment", "exp-a", "kind", "location")
                        .gauge()
                        .getId()
                        .getTag("condition"))
                .isEqualTo(CALM);
    }

    @Test
    void showsEachExperimentsLatestLocalisationErrorInMetresAndNothingWhereItWasNotRecorded() {
        gauges.recordLocationError("exp-a", CALM, 0.61);
        gauges.recordLocationError("exp-b", NOISY, null);
        gauges.recordLocationError("exp-a", CALM, 0.59);

        var gauge = meters.get(NoteAccuracyGauges.LOCATION_ERROR)
                .tags("experiment", "exp-a", "condition", CALM)
                .gauge();
        assertThat(gauge.value()).isEqualTo(0.59);
        assertThat(gauge.getId().getBaseUnit()).isEqualTo("meters");
        assertThat(meters.find(NoteAccuracyGauges.LOCATION_ERROR).gauges()).hasSize(1);
    }
}
