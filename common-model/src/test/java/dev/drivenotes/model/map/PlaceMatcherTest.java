package dev.drivenotes.model.map;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.model.sim.Maneuver;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaceMatcherTest {

    // A road along x from 0 to 200 at y=0; a junction at x=200; a POI at x=100.
    private final PlaceDirectory directory = new PlaceDirectory(
            "test",
            List.of(new NamedPlace(
                    "Elm & 1st",
                    PlaceKind.JUNCTION,
                    "7",
                    new MapPoint(200, 0),
                    12,
                    List.of(Maneuver.TURN_LEFT, Maneuver.GO_STRAIGHT))),
            List.of(new NamedPlace("Library", PlaceKind.POI, "p1", new MapPoint(100, 0), 8, List.of())),
            List.of(new RoadLine(
                    "1", "Elm Street", 4, List.of(new MapPoint(0, 0), new MapPoint(100, 0), new MapPoint(200, 0)))));
    private final PlaceMatcher matcher = new PlaceMatcher(directory);

    @Test
    void matchesPoiBeforeJunctionBeforeRoad() {
        assertThat(matcher.match(103, 1)).isEqualTo("Library");
        assertThat(matcher.match(195, 2)).isEqualTo("Elm & 1st");
        assertThat(matcher.match(50, -3)).isEqualTo("Elm Street");
    }

    @Test
    void answersOffMapFarFromEveryRoad() {
        assertThat(matcher.match(50, 30)).isEqualTo(PlaceMatcher.OFF_MAP);
        assertThat(matcher.match(-500, -500)).isEqualTo(PlaceMatcher.OFF_MAP);
    }

    @Test
    void knowsItsPlaceNames() {
        assertThat(directory.knows("Elm Street")).isTrue();
        assertThat(directory.knows("Library")).isTrue();
        assertThat(directory.knows("Nowhere")).isFalse();
        assertThat(matcher.junctionAt(200, 5).legalManeuvers()).contains(Maneuver.TURN_LEFT);
    }
}
