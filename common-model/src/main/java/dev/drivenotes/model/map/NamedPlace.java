package dev.drivenotes.model.map;

import dev.drivenotes.model.Require;
import dev.drivenotes.model.sim.Maneuver;
import java.util.List;

/**
 * A junction or POI with a circular footprint.
 *
 * @param name unique display name ("Elm St & 3rd Ave", "Central Library")
 * @param kind JUNCTION or POI
 * @param id the OpenDRIVE junction id for a junction, the POI's own id for a POI
 * @param center footprint centre
 * @param radiusM footprint radius
 * @param legalManeuvers maneuvers the lane graph allows through a junction (empty for a POI)
 */
public record NamedPlace(
        String name, PlaceKind kind, String id, MapPoint center, double radiusM, List<Maneuver> legalManeuvers) {
    public NamedPlace {
        Require.notBlank("name", name);
        Require.notNull("kind", kind);
        Require.notBlank("id", id);
        Require.notNull("center", center);
        Require.positive("radiusM", radiusM);
        legalManeuvers = legalManeuvers == null ? List.of() : List.copyOf(legalManeuvers);
    }

    public boolean contains(double x, double y) {
        return Math.hypot(x - center.x(), y - center.y()) <= radiusM;
    }
}
