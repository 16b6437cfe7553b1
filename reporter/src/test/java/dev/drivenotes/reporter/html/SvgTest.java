package dev.drivenotes.reporter.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SvgTest {

    private static final String HOSTILE = "<script>alert(\"x\")</script> & 'y'";

    @Test
    void escapesEveryTextTitleAndAttributeValue() {
        String svg = new Svg("chart", HOSTILE, 0, 0, 10, 10, 100)
                .text(1, 2, HOSTILE, "middle", Svg.attrs("fill", HOSTILE))
                .circle(1, 1, 1, null, HOSTILE)
                .close();

        assertThat(svg).doesNotContain("<script").doesNotContain("\"x\"").doesNotContain("'y'");
        assertThat(svg).contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;");
        assertThat(svg).contains("<title>&lt;script&gt;");
    }

    @Test
    void writesCoordinatesWithAtMostTwoDecimalsAndNoNegativeZero() {
        assertThat(Svg.n(12)).isEqualTo("12");
        assertThat(Svg.n(12.5)).isEqualTo("12.5");
        assertThat(Svg.n(1.23456)).isEqualTo("1.23");
        assertThat(Svg.n(-0.001)).isEqualTo("0");
        assertThat(Svg.n(-3.5)).isEqualTo("-3.5");
        assertThatThrownBy(() -> Svg.n(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void drawsNoLineThroughFewerThanTwoPoints() {
        String svg = new Svg("c", "l", 0, 0, 1, 1, 10)
                .polyline(List.of(new Svg.Point(0, 0)), null, null)
                .polygon(List.of(new Svg.Point(0, 0), new Svg.Point(1, 1)), null, null)
                .close();

        assertThat(svg).doesNotContain("<polyline").doesNotContain("<polygon");
    }

    @Test
    void sharesWithoutADenominatorReadNotAvailable() {
        assertThat(Html.pct(null)).isEqualTo("n/a");
        assertThat(Html.pct(0.8333)).isEqualTo("83.3 %");
        assertThat(Html.pctOf(0.5, 2, 4)).isEqualTo("50.0 % (2 of 4)");
        assertThat(Html.pctOf(null, 0, 0)).isEqualTo("n/a (0 notes)");
        assertThat(Html.num(null, 2)).isEqualTo("n/a");
    }
}
