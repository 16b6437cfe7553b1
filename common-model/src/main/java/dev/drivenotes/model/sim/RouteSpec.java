package dev.drivenotes.model.sim;

import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.Require;

/**
 * A route between two named places of a map (POIs or junctions).
 *
 * @param from the start place, at most {@link #MAX_PLACE_CHARS} characters
 * @param to the destination place, at most {@link #MAX_PLACE_CHARS} characters
 */
public record RouteSpec(String from, String to) {

    /** The longest place name a route may name (map names are short: "Elm St & 3rd Ave"). */
    public static final int MAX_PLACE_CHARS = 200;

    public RouteSpec {
        Require.notBlank("from", from, MAX_PLACE_CHARS);
        Require.notBlank("to", to, MAX_PLACE_CHARS);
        if (from.equals(to)) {
            throw new InvalidInputException("to", "must differ from 'from'");
        }
    }
}
