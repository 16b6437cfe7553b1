package dev.drivenotes.carla.town;

import java.util.List;

/** Street, avenue and POI names of generated towns. */
final class TownNames {

    static final List<String> STREETS =
            List.of("Elm Street", "Oak Street", "Maple Street", "Pine Street", "Cedar Street");
    static final List<String> AVENUES =
            List.of("1st Avenue", "2nd Avenue", "3rd Avenue", "4th Avenue", "5th Avenue", "6th Avenue");
    static final List<String> POIS = List.of(
            "Central Library",
            "City Hall",
            "Riverside Park",
            "Union Station",
            "Grand Hotel",
            "Memorial Hospital",
            "Fire Station",
            "Farmers Market",
            "Art Museum",
            "High School");

    private TownNames() {}

    /** "Elm Street" → "Elm St", "3rd Avenue" → "3rd Ave". */
    static String shortName(String name) {
        return name.replace(" Street", " St").replace(" Avenue", " Ave");
    }
}
