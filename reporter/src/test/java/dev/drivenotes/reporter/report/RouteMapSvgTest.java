package dev.drivenotes.reporter.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.model.map.MapPoint;
import dev.drivenotes.model.map.PlaceDirectory;
import dev.drivenotes.model.map.RoadLine;
import dev.drivenotes.model.note.Note;
import dev.drivenotes.model.note.NoteFields;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.reporter.CarlaRunnerStandIn;
import dev.drivenotes.reporter.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RouteMapSvgTest {

    private static final PlaceDirectory TOWN_WITH_A_FAR_ROAD =
            new PlaceDirectory(Fixtures.TOWN.map(), Fixtures.TOWN.junctions(), Fixtures.TOWN.pois(), withFarRoad());

    private static List<RoadLine> withFarRoad() {
        List<RoadLine> roads = new ArrayList<>(Fixtures.TOWN.roads());
        roads.add(new RoadLine("9", "Far Road", 4, List.of(new MapPoint(2000, 2000), new MapPoint(2100, 2000))));
        return roads;
    }

    private static String render(List<Note> notes) {
        EpisodeTrack track = EpisodeTrack.of(Fixtures.leftTurn(Maneuver.TURN_LEFT, null), notes);
        return RouteMapSvg.render(
                "x-e0", TOWN_WITH_A_FAR_ROAD, CarlaRunnerStandIn.ROUTE, track, "Main Street", Fixtures.MUSEUM);
    }

    @Test
    void framesThePathAndTheDestinationNorthUp() {
        String svg = render(List.of());

        Matcher box = Pattern.compile("viewBox=\"(\\S+) (\\S+) (\\S+) (\\S+)\"").matcher(svg);
        assertThat(box.find()).isTrue();
        double minX = Double.parseDouble(box.group(1));
        double minY = Double.parseDouble(box.group(2));
        double height = Double.parseDouble(box.group(4));
        // the path runs from (20, 0) to (100, 55); SVG y is the map's y negated
        assertThat(minX).isLessThan(20);
        assertThat(minY).as("the Museum, north, is at the top").isLessThan(-55);
        assertThat(minY + height).isGreaterThan(0);
        assertThat(svg).contains("<title>Main Street</title>", "<title>Oak Avenue</title>");
        assertThat(svg).as("a road far from the route is left out").doesNotContain("Far Road");
    }

    @Test
    void coloursEachNoteByWhetherItWasRightAndShowsItsTruthOnHover() {
        NoteFields truth = new NoteFields(Fixtures.JUNCTION, Maneuver.TURN_LEFT, Fixtures.MUSEUM);
        Note right = Fixtures.note("x", "x-e0", 15, truth, truth, 0.8);
        Note wrong = Fixtures.note(
                "x", "x-e0", 16, new NoteFields(Fixtures.BAKERY, Maneuver.GO_STRAIGHT, Fixtures.MUSEUM), truth, 0.6);

        String svg = render(List.of(right, wrong));

        assertThat(svg)
                .containsPattern(
                        "class=\"note-right\" fill=\"" + RouteMapSvg.NOTE_RIGHT + "\"[^>]*><title>At Main &amp; Oak");
        assertThat(svg)
                .containsPattern("class=\"note-wrong\" fill=\"" + RouteMapSvg.NOTE_WRONG
                        + "\"[^>]*><title>At Bakery, did go_straight to reach Museum\\ntruth: At Main &amp; Oak, did"
                        + " turn_left to reach Museum\\nconfidence 0.60, step 16, wrong");
    }

    @Test
    void splitsSpeedIntoFiveBinsUpToTheTopSpeed() {
        assertThat(SpeedColours.bin(0, 10)).isZero();
        assertThat(SpeedColours.bin(1.99, 10)).isZero();
        assertThat(SpeedColours.bin(2, 10)).isEqualTo(1);
        assertThat(SpeedColours.bin(10, 10))
                .as("the top speed is in the last bin")
                .isEqualTo(4);
        assertThat(SpeedColours.range(4, 10)).isEqualTo("8.0–10.0 m/s");
    }
}
