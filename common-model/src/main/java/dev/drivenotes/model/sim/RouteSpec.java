package dev.drivenotes.model.sim;

import dev.drivenotes.model.Require;

/** A route between two named places of a map (POIs or junctions). */
public record RouteSpec(String from, String to) {
    public RouteSpec {
        Require.notBlank("from", from);
        Require.notBlank("to", to);
        if (from.equals(to)) {
            throw new dev.drivenotes.model.InvalidInputException("to", "must differ from 'from'");
        }
    }
}
