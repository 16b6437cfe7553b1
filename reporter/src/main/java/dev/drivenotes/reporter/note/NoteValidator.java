package dev.drivenotes.reporter.note;

import dev.drivenotes.model.map.PlaceDirectory;
import dev.drivenotes.model.sim.Maneuver;
import java.util.EnumSet;
import java.util.Set;

/**
 * A note is valid when its place is known to the map and its action is legal there: one of the
 * junction's legal maneuvers at a junction, a lane action (follow, stop, change lane) elsewhere.
 */
final class NoteValidator {

    static final Set<Maneuver> LANE_ACTIONS =
            EnumSet.of(Maneuver.FOLLOW_LANE, Maneuver.STOP, Maneuver.CHANGE_LANE_LEFT, Maneuver.CHANGE_LANE_RIGHT);

    private NoteValidator() {}

    static boolean valid(PlaceDirectory places, String place, Maneuver action) {
        if (!places.knows(place)) {
            return false;
        }
        return places.junctionNamed(place)
                .map(junction -> junction.legalManeuvers().contains(action))
                .orElse(LANE_ACTIONS.contains(action));
    }
}
