package dev.drivenotes.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import dev.drivenotes.dreamer.model.Djl;
import dev.drivenotes.dreamer.testing.TestCheckpoints;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InferenceBenchTest {

    private static final long MS = 1_000_000;

    /** Call durations of 1, 2, …, n ms, in a shuffled order. */
    private static long[] oneToNMs(int n) {
        List<Long> nanos = new ArrayList<>();
        for (long k = 1; k <= n; k++) {
            nanos.add(k * MS);
        }
        Collections.shuffle(nanos, new SplittableRandom(n));
        return nanos.stream().mapToLong(Long::longValue).toArray();
    }

    @Test
    void summarisesCallDurationsIntoPercentilesAndThroughput() {
        InferenceBench.BatchTiming hundred = InferenceBench.BatchTiming.of(4, "java", oneToNMs(100));
        assertThat(hundred.calls()).isEqualTo(100);
        assertThat(hundred.p50Ms()).isEqualTo(50.0);
        assertThat(hundred.p99Ms()).isEqualTo(100.0);
        // 4 observations × 100 calls in 5 050 ms
        assertThat(hundred.obsPerSecond()).isCloseTo(400 / 5.05, within(1e-9));

        InferenceBench.BatchTiming thousand = InferenceBench.BatchTiming.of(1, "djl", oneToNMs(1000));
        assertThat(thousand.p50Ms()).isEqualTo(500.0);
        assertThat(thousand.p99Ms())
                .as("the 99th percentile, not the slowest call")
                .isEqualTo(991.0);
        assertThat(thousand.obsPerSecond()).isCloseTo(1000 / 500.5, within(1e-9));
    }

    @Test
    void timesTheServedImplementationPerBatchSize() {
        List<InferenceBench.BatchTiming> timings = InferenceBench.run(null, new int[] {1, 3}, 10);
        assertThat(timings).extracting(InferenceBench.BatchTiming::batch).containsExactly(1, 3);
        // the bundled checkpoint is frozen, so it is served by the fused Java forward
        assertThat(timings).extracting(InferenceBench.BatchTiming::engine).containsOnly("java");
        assertThat(timings).extracting(InferenceBench.BatchTiming::calls).containsOnly(10);
        timings.forEach(InferenceBenchTest::assertThroughputFitsTheLatencies);
    }

    @Test
    void timesTheDjlImplementationOnRequest() {
        List<InferenceBench.BatchTiming> timings = InferenceBench.run(null, new int[] {2}, 10, true);
        assertThat(timings).extracting(InferenceBench.BatchTiming::engine).containsExactly("djl");
        timings.forEach(InferenceBenchTest::assertThroughputFitsTheLatencies);
    }

    @Test
    void namesDjlForARasterCheckpointWhichTheFusedForwardDoesNotServe(@TempDir Path dir) {
        try (NDManager manager = Djl.newManager()) {
            TestCheckpoints.write(manager, dir, TestCheckpoints.meta("tiny-bev", 0), 3);
        }
        List<InferenceBench.BatchTiming> timings = InferenceBench.run(dir.toString(), new int[] {2}, 10);
        assertThat(timings).extracting(InferenceBench.BatchTiming::engine).containsExactly("djl");
        assertThat(timings).extracting(InferenceBench.BatchTiming::calls).containsExactly(10);
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

    /**
     * The mean latency that the throughput implies is at least half the median (half the calls take
     * the median or longer) and at least the 99th percentile over the number of calls (one call took
     * that long or longer).
     */
    private static void assertThroughputFitsTheLatencies(InferenceBench.BatchTiming t) {
        double meanMs = t.batch() / t.obsPerSecond() * 1000;
        assertThat(meanMs).isGreaterThanOrEqualTo(t.p50Ms() / 2).isGreaterThanOrEqualTo(t.p99Ms() / t.calls());
        assertThat(t.p50Ms()).isPositive().isLessThanOrEqualTo(t.p99Ms());
    }
}
