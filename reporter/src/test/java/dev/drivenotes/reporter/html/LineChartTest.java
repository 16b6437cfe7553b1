package dev.drivenotes.reporter.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LineChartTest {

    private static LineChart chart() {
        return new LineChart("c", 200, 100, new Axis("x", 0, 4, List.of()), Axis.share("y"));
    }

    private static long count(String svg, String element) {
        return Pattern.compile("<" + element + "[ >]").matcher(svg).results().count();
    }

    @Test
    void aMissingValueBreaksTheLineAndTheBandInsteadOfDrawingZero() {
        List<Double> xs = List.of(0.0, 1.0, 2.0, 3.0, 4.0);
        List<Double> ys = Arrays.asList(0.5, 0.6, null, 0.7, 0.8);

        String svg = chart().line(xs, ys, "#000", false, "v")
                .band(xs, ys, ys, "#eee", "b")
                .render();

        assertThat(count(svg, "polyline")).isEqualTo(2);
        assertThat(count(svg, "polygon")).isEqualTo(2);
    }

    @Test
    void mapsDataIntoTheFrameAndClampsWhatLiesOutside() {
        LineChart chart = chart();

        assertThat(chart.px(0)).isEqualTo(LineChart.LEFT_PX);
        assertThat(chart.px(4)).isEqualTo(200 - LineChart.RIGHT_PX);
        assertThat(chart.py(0)).isEqualTo(100 - LineChart.BOTTOM_PX);
        assertThat(chart.py(1)).isEqualTo(LineChart.TOP_PX);
        assertThat(chart.py(7)).as("clamped to the top").isEqualTo(LineChart.TOP_PX);
    }

    @Test
    void roundsAnAxisUpToANiceStep() {
        Axis axis = Axis.upTo("t", 42, 10, Axis::plain);

        assertThat(axis.max()).isEqualTo(45);
        assertThat(axis.ticks())
                .extracting(Axis.Tick::label)
                .startsWith("0", "5", "10")
                .endsWith("45");
        assertThat(Axis.upTo("t", 0, 4, Axis::plain).max())
                .as("nothing to show still has a scale")
                .isEqualTo(1);
    }
}
