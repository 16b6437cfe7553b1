package dev.drivenotes.reporter.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class IntervalTest {

    @Test
    void matchesTheWilsonScoreIntervalsOfTenTrials() {
        Interval none = Interval.wilson(0, 10);
        Interval half = Interval.wilson(5, 10);
        Interval all = Interval.wilson(10, 10);

        // Wilson (1927), z = 1.96: 0/10 → [0, 0.2775], 5/10 → [0.2366, 0.7634], 10/10 → [0.7225, 1]
        assertThat(none.low()).isCloseTo(0, within(1e-9));
        assertThat(none.high()).isCloseTo(0.2775, within(1e-4));
        assertThat(half.low()).isCloseTo(0.2366, within(1e-4));
        assertThat(half.high()).isCloseTo(0.7634, within(1e-4));
        assertThat(all.low()).isCloseTo(0.7225, within(1e-4));
        assertThat(all.high()).isCloseTo(1, within(1e-9));
        assertThat(half.n()).isEqualTo(10);
    }

    @Test
    void boundsAtNoneAndAllAreExactlyZeroAndOne() {
        for (int n = 1; n <= 200; n++) {
            assertThat(Interval.wilson(0, n).low()).as("0 of %d", n).isEqualTo(0.0);
            assertThat(Interval.wilson(n, n).high()).as("%d of %d", n, n).isEqualTo(1.0);
        }
    }

    @Test
    void hasNoIntervalWithoutNotes() {
        assertThat(Interval.wilson(0, 0)).isNull();
    }

    @Property
    void containsTheShareAndNarrowsWithMoreNotes(
            @ForAll @IntRange(min = 1, max = 500) int n, @ForAll @IntRange(min = 0, max = 500) int kRaw) {
        int k = kRaw % (n + 1);
        Interval i = Interval.wilson(k, n);
        Interval fourTimes = Interval.wilson(4 * k, 4 * n);

        double share = (double) k / n;
        assertThat(i.low()).isLessThanOrEqualTo(share + 1e-12);
        assertThat(i.high()).isGreaterThanOrEqualTo(share - 1e-12);
        assertThat(fourTimes.high() - fourTimes.low()).isLessThan(i.high() - i.low());
    }
}
