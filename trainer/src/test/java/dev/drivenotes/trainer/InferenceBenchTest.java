package dev.drivenotes.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class InferenceBenchTest {

    @Test
    void timesTheServedImplementationPerBatchSize() {
        List<InferenceBench.BatchTiming> timings = InferenceBench.run(null, new int[] {1, 3}, 10);
        assertThat(timings).extracting(InferenceBench.BatchTiming::batch).containsExactly(1, 3);
        // the bundled checkpoint is frozen, so it is served by the fused Java forward
        assertThat(timings).extracting(InferenceBench.BatchTiming::engine).containsOnly("java");
        for (InferenceBench.BatchTiming t : timings) {
            assertThat(t.p50Ms()).isPositive().isLessThanOrEqualTo(t.p99Ms());
            assertThat(t.obsPerSecond()).isPositive();
        }
    }

    @Test
    void timesTheDjlImplementationOnRequest() {
        List<InferenceBench.BatchTiming> timings = InferenceBench.run(null, new int[] {2}, 10, true);
        assertThat(timings).extracting(InferenceBench.BatchTiming::engine).containsExactly("djl");
    }

    @Test
    void rejectsTooFewIterationsAndBadBatchSizes() {
        assertThatThrownBy(() -> InferenceBench.run(null, new int[] {1}, 9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--iterations");
        assertThatThrownBy(() -> InferenceBench.run(null, new int[] {0}, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--batch");
    }
}
