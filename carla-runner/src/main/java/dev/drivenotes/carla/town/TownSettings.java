package dev.drivenotes.carla.town;

import dev.drivenotes.model.Require;

/**
 * Shape of a generated grid town.
 *
 * @param columns intersections west to east (avenues)
 * @param rows intersections south to north (streets)
 * @param blockM distance between neighbouring intersection centres
 * @param seed chooses which blocks hold which POIs
 */
public record TownSettings(int columns, int rows, double blockM, long seed) {

    /** The {@code default-town}: 4 × 3 intersections, 140 m apart. */
    public static final TownSettings DEFAULT = new TownSettings(4, 3, 140, 42);

    /**
     * The second generated layout ({@code grid-town-2}): 5 × 4 intersections, 120 m apart, POIs
     * placed by another seed, so that the same agents meet other junctions, blocks and routes.
     */
    public static final TownSettings SECOND = new TownSettings(5, 4, 120, 7);

    public TownSettings {
        Require.inRange("columns", columns, 2, TownNames.AVENUES.size());
        Require.inRange("rows", rows, 2, TownNames.STREETS.size());
        Require.inRange("blockM", blockM, 100, 500);
    }
}
