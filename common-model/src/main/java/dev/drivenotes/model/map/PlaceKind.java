package dev.drivenotes.model.map;

/** What a named place is. */
public enum PlaceKind {
    JUNCTION,
    POI,
    ROAD
}
