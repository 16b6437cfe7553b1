package dev.drivenotes.reporter.report;

import static dev.drivenotes.reporter.html.Svg.attrs;

import dev.drivenotes.model.map.MapPoint;
import dev.drivenotes.model.map.NamedPlace;
import dev.drivenotes.model.map.PlaceDirectory;
import dev.drivenotes.model.map.RoadLine;
import dev.drivenotes.model.map.RoutePath;
import dev.drivenotes.reporter.html.Polylines;
import dev.drivenotes.reporter.html.Svg;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One episode's route map as inline SVG, in map metres (north up): the roads at their drivable
 * width, junction footprints and POIs, the planned route, the driven path coloured by speed, the
 * notes (green when right on all three fields, red otherwise; text and truth on hover), the
 * incidents, the start and the destination. Only what lies near the route and the path is drawn.
 */
final class RouteMapSvg {

    static final String NOTE_RIGHT = "#2f9e44";
    static final String NOTE_WRONG = "#e03131";
    static final String ROUTE = "#8fcbfa";
    static final String COLLISION = "#212529";
    static final String RED_LIGHT = "#c92a2a";
    static final String STOP_SIGN = "#e03131";
    static final String LANE_INVASION = "#f76707";
    static final String OFF_ROAD = "#8d6e63";
    static final String START = "#2b8a3e";
    static final String DESTINATION = "#1864ab";

    /** Roads shorter than this (the connecting roads inside junctions) get no centre line: it would clutter. */
    private static final double MIN_CENTRE_LINE_M = 30;

    private static final int MAX_WIDTH_PX = 760;

    private final Svg svg;
    private final MapBounds view;
    /** Marker size, ~1 % of the view: markers stay readable on a small map and a large one. */
    private final double unit;

    private RouteMapSvg(String label, MapBounds view) {
        this.view = view;
        this.unit = Math.max(view.width(), view.height()) / 100;
        this.svg = new Svg("route-map", label, view.minX(), -view.maxY(), view.width(), view.height(), MAX_WIDTH_PX);
        svg.rect(view.minX(), -view.maxY(), view.width(), view.height(), attrs("fill", "#f8f9fa"), null);
    }

    /**
     * @param places the map's places and roads, null when unavailable (no roads drawn)
     * @param route the planned route, null when unavailable
     */
    static String render(
            String episodeId,
            PlaceDirectory places,
            RoutePath route,
            EpisodeTrack track,
            String start,
            String destination) {
        Optional<NamedPlace> goal = places == null
                ? Optional.empty()
                : places.poiNamed(destination).or(() -> places.junctionNamed(destination));
        List<MapPoint> extent = new ArrayList<>();
        track.path().forEach(p -> extent.add(new MapPoint(p.x(), p.y())));
        if (route != null) {
            extent.addAll(route.points());
        }
        goal.ifPresent(g -> extent.add(g.center()));
        RouteMapSvg map = new RouteMapSvg("route map of " + episodeId, MapBounds.around(extent));
        if (places != null) {
            map.roads(places);
        }
        if (route != null) {
            map.route(route, start, destination);
        }
        map.path(track);
        map.notes(track);
        map.incidents(track);
        map.endpoints(track, goal, start, destination, route);
        return map.svg.close();
    }

    private void roads(PlaceDirectory places) {
        for (NamedPlace junction : places.junctions()) {
            if (view.near(junction.center(), junction.radiusM())) {
                svg.circle(
                        x(junction.center()),
                        y(junction.center()),
                        junction.radiusM(),
                        attrs("fill", "#e9ecef"),
                        junction.name());
            }
        }
        List<RoadLine> visible = places.roads().stream()
                .filter(r -> view.overlaps(r.points(), r.halfWidthM()))
                .toList();
        for (RoadLine road : visible) {
            svg.polyline(line(road.points(), 0.25), stroke("#ced4da", 2 * road.halfWidthM()), road.name());
        }
        for (RoadLine road : visible) {
            if (lengthM(road.points()) >= MIN_CENTRE_LINE_M) {
                svg.polyline(
                        line(road.points(), 0.25),
                        attrs("stroke", "#fff", "stroke-width", Svg.n(0.25), "stroke-dasharray", "3 3"),
                        null);
            }
        }
        for (NamedPlace poi : places.pois()) {
            if (view.near(poi.center(), 0)) {
                double s = unit * 0.9;
                svg.rect(
                        x(poi.center()) - s / 2,
                        y(poi.center()) - s / 2,
                        s,
                        s,
                        attrs("fill", "#868e96"),
                        "POI " + poi.name());
            }
        }
    }

    private void route(RoutePath route, String start, String destination) {
        String title = String.format(
                Locale.ROOT,
                "planned route %s → %s, %.0f m",
                start,
                destination,
                route.route().lengthM());
        svg.polyline(line(route.points(), 0.25), stroke(ROUTE, Math.max(unit * 1.3, 3)), title);
    }

    private void path(EpisodeTrack track) {
        double top = Math.max(track.topSpeedMps(), 0.1);
        List<EpisodeTrack.PathPoint> path = track.path();
        int i = 0;
        while (i < path.size() - 1) {
            int bin = SpeedColours.bin(path.get(i).speedMps(), top);
            List<MapPoint> run = new ArrayList<>();
            run.add(point(path.get(i)));
            int j = i + 1;
            while (j < path.size()) {
                run.add(point(path.get(j)));
                if (SpeedColours.bin(path.get(j).speedMps(), top) != bin) {
                    break;
                }
                j++;
            }
            svg.polyline(
                    line(run, 0.1),
                    stroke(SpeedColours.COLOURS.get(bin), unit * 0.5),
                    "driven at " + SpeedColours.range(bin, top));
            i = Math.min(j, path.size() - 1);
        }
    }

    private void notes(EpisodeTrack track) {
        for (EpisodeTrack.NoteMark mark : track.notes()) {
            NoteView n = mark.note();
            boolean right = n.correct().location()
                    && n.correct().action()
                    && n.correct().destination();
            String title = n.text() + "\ntruth: " + n.truth().text()
                    + String.format(
                            Locale.ROOT,
                            "%nconfidence %.2f, step %d, %s",
                            n.confidence(),
                            n.step(),
                            right ? "right" : "wrong");
            svg.circle(
                    mark.x(),
                    -mark.y(),
                    unit * 0.8,
                    attrs(
                            "class",
                            right ? "note-right" : "note-wrong",
                            "fill",
                            right ? NOTE_RIGHT : NOTE_WRONG,
                            "stroke",
                            "#fff",
                            "stroke-width",
                            Svg.n(unit * 0.2)),
                    title);
        }
    }

    private void incidents(EpisodeTrack track) {
        for (EpisodeTrack.Incident incident : track.incidents()) {
            double cx = incident.x();
            double cy = -incident.y();
            double r = unit * 0.9;
            String title = incident.describe();
            switch (incident.kind()) {
                case COLLISION ->
                    svg.polygon(
                            List.of(
                                    new Svg.Point(cx, cy - r * 1.2),
                                    new Svg.Point(cx + r * 1.2, cy),
                                    new Svg.Point(cx, cy + r * 1.2),
                                    new Svg.Point(cx - r * 1.2, cy)),
                            marker("incident-collision", COLLISION, "#fff"),
                            title);
                case RED_LIGHT_RUN ->
                    svg.rect(cx - r, cy - r, 2 * r, 2 * r, marker("incident-red-light", RED_LIGHT, "#212529"), title);
                case STOP_SIGN_RUN ->
                    svg.polygon(octagon(cx, cy, r * 1.1), marker("incident-stop-sign", STOP_SIGN, "#fff"), title);
                case LANE_INVASION ->
                    svg.polygon(
                            List.of(
                                    new Svg.Point(cx, cy - r),
                                    new Svg.Point(cx + r, cy + r * 0.8),
                                    new Svg.Point(cx - r, cy + r * 0.8)),
                            marker("incident-lane-invasion", LANE_INVASION, "#fff"),
                            title);
                case OFF_ROAD ->
                    svg.rect(cx - r, cy - r, 2 * r, 2 * r, marker("incident-off-road", OFF_ROAD, "#fff"), title);
            }
        }
    }

    /** A line's colour and width (metres), with round ends and joins. */
    private static String stroke(String colour, double widthM) {
        return attrs(
                "stroke", colour, "stroke-width", Svg.n(widthM), "stroke-linecap", "round", "stroke-linejoin", "round");
    }

    /** A marker's class, fill and outline (its width in proportion to the map). */
    private String marker(String cssClass, String fill, String outline) {
        return attrs("class", cssClass, "fill", fill, "stroke", outline, "stroke-width", Svg.n(unit * 0.15));
    }

    private void endpoints(
            EpisodeTrack track, Optional<NamedPlace> goal, String start, String destination, RoutePath route) {
        if (!track.path().isEmpty()) {
            EpisodeTrack.PathPoint first = track.path().getFirst();
            badge(first.x(), first.y(), "S", START, "start: " + start);
        }
        MapPoint end = goal.map(NamedPlace::center)
                .or(() -> Optional.ofNullable(route).map(r -> r.points().getLast()))
                .orElse(null);
        if (end != null) {
            badge(end.x(), end.y(), "D", DESTINATION, "destination: " + destination);
        }
    }

    private void badge(double mx, double my, String letter, String fill, String title) {
        svg.circle(
                mx, -my, unit * 1.4, attrs("fill", fill, "stroke", "#fff", "stroke-width", Svg.n(unit * 0.25)), title);
        svg.text(
                mx,
                -my + unit * 0.55,
                letter,
                "middle",
                attrs("font-size", Svg.n(unit * 1.6), "font-weight", "bold", "fill", "#fff", "pointer-events", "none"));
    }

    private static List<Svg.Point> octagon(double cx, double cy, double r) {
        List<Svg.Point> corners = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            double a = Math.PI / 8 + k * Math.PI / 4;
            corners.add(new Svg.Point(cx + r * Math.cos(a), cy + r * Math.sin(a)));
        }
        return corners;
    }

    /** Map points as SVG points (y flipped: north up), simplified to {@code toleranceM}. */
    private static List<Svg.Point> line(List<MapPoint> points, double toleranceM) {
        return Polylines.simplify(
                points.stream().map(p -> new Svg.Point(p.x(), -p.y())).toList(), toleranceM);
    }

    private static double lengthM(List<MapPoint> points) {
        double m = 0;
        for (int i = 1; i < points.size(); i++) {
            m += Math.hypot(
                    points.get(i).x() - points.get(i - 1).x(),
                    points.get(i).y() - points.get(i - 1).y());
        }
        return m;
    }

    private static MapPoint point(EpisodeTrack.PathPoint p) {
        return new MapPoint(p.x(), p.y());
    }

    private static double x(MapPoint p) {
        return p.x();
    }

    private static double y(MapPoint p) {
        return -p.y();
    }
}
