package dev.drivenotes.reporter;

import static dev.drivenotes.model.testing.EpisodeSummaryBuilder.episode;
import static dev.drivenotes.model.testing.GroundTruthBuilder.truth;
import static dev.drivenotes.model.testing.ObservationBuilder.observation;

import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.StepRecord;
import dev.drivenotes.model.map.MapPoint;
import dev.drivenotes.model.map.NamedPlace;
import dev.drivenotes.model.map.PlaceDirectory;
import dev.drivenotes.model.map.PlaceKind;
import dev.drivenotes.model.map.PlaceMatcher;
import dev.drivenotes.model.map.RoadLine;
import dev.drivenotes.model.note.Note;
import dev.drivenotes.model.note.NoteFields;
import dev.drivenotes.model.note.NoteKind;
import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.GroundTruth;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Observation;
import dev.drivenotes.model.sim.Termination;
import dev.drivenotes.model.testing.EpisodeSummaryBuilder;
import dev.drivenotes.model.testing.ObservationBuilder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A tiny synthetic town: Main Street runs east along y=0 into the junction "Main & Oak" at (100,
 * 0); Oak Avenue runs north-south through it along x=100. The Bakery sits on Main Street at x=50,
 * the Museum on Oak Avenue at y=60.
 */
public final class Fixtures {

    public static final String JUNCTION = "Main & Oak";
    public static final String BAKERY = "Bakery";
    public static final String MUSEUM = "Museum";

    public static final PlaceDirectory TOWN = new PlaceDirectory(
            "test-town",
            List.of(new NamedPlace(
                    JUNCTION,
                    PlaceKind.JUNCTION,
                    "J1",
                    new MapPoint(100, 0),
                    10,
                    List.of(Maneuver.GO_STRAIGHT, Maneuver.TURN_LEFT, Maneuver.TURN_RIGHT))),
            List.of(
                    new NamedPlace(BAKERY, PlaceKind.POI, "p1", new MapPoint(50, 0), 8, List.of()),
                    new NamedPlace(MUSEUM, PlaceKind.POI, "p2", new MapPoint(100, 60), 8, List.of())),
            List.of(
                    new RoadLine("1", "Main Street", 4, List.of(new MapPoint(0, 0), new MapPoint(100, 0))),
                    new RoadLine("2", "Oak Avenue", 4, List.of(new MapPoint(100, -100), new MapPoint(100, 100)))));

    public static final PlaceMatcher MATCHER = new PlaceMatcher(TOWN);

    private Fixtures() {}

    /**
     * Drives east past the Bakery, turns left through the junction (declaring {@code
     * junctionManeuver}, GNSS at {@code junctionGnss} or the true position when null) and stops in
     * the Museum, the destination. Records: 0..13 Main Street (the Bakery arrival at 5), 14..17 the
     * junction, 18..26 Oak Avenue (the Museum arrival at 26), 27 the terminal record.
     */
    public static List<StepRecord> leftTurn(Maneuver junctionManeuver, MapPoint junctionGnss) {
        Trajectory t = new Trajectory();
        for (int x = 20; x <= 85; x += 5) {
            t.add(x, 0, 0, null, decision(Maneuver.FOLLOW_LANE, 0.9, x < 45 ? BAKERY : MUSEUM));
        }
        double[][] arc = {{92, 0, 0}, {97, 1, 0.4}, {100, 4, 1.0}, {101, 8, 1.4}};
        for (double[] p : arc) {
            t.add(p[0], p[1], p[2], junctionGnss, decision(junctionManeuver, 0.8, MUSEUM));
        }
        for (int y = 12; y <= 52; y += 5) {
            t.add(100, y, Math.PI / 2, null, decision(y >= 42 ? Maneuver.STOP : Maneuver.FOLLOW_LANE, 0.9, MUSEUM));
        }
        t.end(100, 55, Math.PI / 2);
        return t.steps();
    }

    /**
     * {@link #leftTurn} declaring turn_left, with one stray GNSS fix 25 m back on Main Street (70, 1) on
     * the junction traversal's middle record, where its junction note is placed.
     */
    public static List<StepRecord> leftTurnWithOneStrayFix() {
        List<StepRecord> steps = new ArrayList<>(leftTurn(Maneuver.TURN_LEFT, null));
        int first = -1;
        int last = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).truth().place().equals(JUNCTION)) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        int middle = first + (last - first) / 2;
        StepRecord r = steps.get(middle);
        steps.set(
                middle,
                new StepRecord(
                        r.step(),
                        r.simTimeS(),
                        ObservationBuilder.from(r.observation()).gnss(70, 1).build(),
                        r.decision(),
                        r.truth()));
        return List.copyOf(steps);
    }

    /**
     * Like {@link #leftTurn} up to the junction, where it declares turn_left (the plan's maneuver)
     * but turns right; its plan then heads back to the Bakery, and it runs out of steps.
     */
    public static List<StepRecord> deviation() {
        return deviation(false);
    }

    /**
     * Like {@link #deviation}, but the agent keeps its old plan (to the Museum) for two records after
     * the junction, until its navigation replans at record 20 (step 20) towards the Bakery.
     */
    public static List<StepRecord> deviationWithReplan() {
        return deviation(true);
    }

    private static List<StepRecord> deviation(boolean replans) {
        return deviation(replans, Maneuver.TURN_LEFT);
    }

    /**
     * Like {@link #deviationWithReplan}, but the agent declares {@code declared} in the junction
     * (its plan says turn_left; the ego turns right).
     */
    public static List<StepRecord> deviationWithReplan(Maneuver declared) {
        return deviation(true, declared);
    }

    private static List<StepRecord> deviation(boolean replans, Maneuver declared) {
        Trajectory t = new Trajectory();
        for (int x = 20; x <= 85; x += 5) {
            t.add(x, 0, 0, null, decision(Maneuver.FOLLOW_LANE, 0.9, x < 45 ? BAKERY : MUSEUM));
        }
        double[][] arc = {{92, 0, 0}, {97, -1, -0.4}, {100, -4, -1.0}, {101, -8, -1.4}};
        for (double[] p : arc) {
            t.add(p[0], p[1], p[2], null, decision(declared, 0.7, MUSEUM));
        }
        for (int y = -12; y >= -40; y -= 5) {
            boolean oldPlan = replans && y > -22;
            t.add(100, y, -Math.PI / 2, null, decision(Maneuver.FOLLOW_LANE, 0.6, oldPlan ? MUSEUM : BAKERY));
            if (replans && y == -22) {
                t.replanned();
            }
        }
        t.end(100, -45, -Math.PI / 2);
        return t.steps();
    }

    public static EpisodeSummary summary(String episodeId, int index, Termination termination) {
        return summaryBuilder(episodeId, index, termination).build();
    }

    /** The episode of {@link #summary}, for a test that changes some of its fields. */
    public static EpisodeSummaryBuilder summaryBuilder(String episodeId, int index, Termination termination) {
        return episode(episodeId, index)
                .seed(42 + index)
                .steps(28)
                .termination(termination)
                .route("Main Street", MUSEUM, 180);
    }

    public static Decision decision(Maneuver maneuver, double confidence, String targetPoi) {
        return new Decision(Control.IDLE, maneuver, confidence, targetPoi, null);
    }

    /** A note with the given fields, for tests that do not need a trajectory. */
    public static Note note(
            String experimentId, String episodeId, int step, NoteFields agent, NoteFields truth, double confidence) {
        return new Note(experimentId, episodeId, step, NoteKind.JUNCTION, agent, truth, null, true, confidence, null);
    }

    /**
     * Builds a trajectory whose truth follows the synthetic town's geometry. Its records are 0.05 s
     * apart, and the agent's odometry (speed and compass towards the next record's GNSS fix) agrees
     * with its GNSS, so its own localisation is exactly its GNSS fix at every record.
     */
    public static final class Trajectory {
        private static final double STEP_S = 0.05;

        private record Pending(GroundTruth truth, double gnssX, double gnssY, double yawRad, Decision decision) {}

        private final List<Pending> pending = new ArrayList<>();
        private final Set<Integer> replans = new HashSet<>();

        /** Marks the last record added as the one where the navigation replanned. */
        public Trajectory replanned() {
            replans.add(pending.size() - 1);
            return this;
        }

        public Trajectory add(double x, double y, double yawRad, MapPoint gnss, Decision decision) {
            int step = pending.size();
            NamedPlace junction = MATCHER.junctionAt(x, y);
            GroundTruth truth = truth().pose(x, y, yawRad)
                    .lane(junction != null ? "100" : "1", -1)
                    .junction(junction != null ? junction.id() : null)
                    .place(MATCHER.match(x, y))
                    .routeCompletion(Math.min(1, step / 27.0))
                    .build();
            double gx = gnss != null ? gnss.x() : x + 0.3;
            double gy = gnss != null ? gnss.y() : y + 0.2;
            pending.add(new Pending(truth, gx, gy, yawRad, decision));
            return this;
        }

        public Trajectory end(double x, double y, double yawRad) {
            return add(x, y, yawRad, null, null);
        }

        public List<StepRecord> steps() {
            List<StepRecord> steps = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                Pending p = pending.get(i);
                double speedMps = 0;
                double compassRad = p.yawRad();
                if (i + 1 < pending.size()) {
                    Pending next = pending.get(i + 1);
                    speedMps = Math.hypot(next.gnssX() - p.gnssX(), next.gnssY() - p.gnssY()) / STEP_S;
                    compassRad = Math.atan2(next.gnssY() - p.gnssY(), next.gnssX() - p.gnssX());
                }
                Observation observation = observation()
                        .speedMps(speedMps)
                        .gnss(p.gnssX(), p.gnssY())
                        .compassRad(compassRad)
                        .route(List.of())
                        .nextManeuver(Maneuver.TURN_LEFT, 10)
                        .nextPoi(MUSEUM, 100)
                        .speedLimitMps(8.33)
                        .replanned(replans.contains(i))
                        .build();
                steps.add(new StepRecord(i, i * STEP_S, observation, p.decision(), p.truth()));
            }
            return List.copyOf(steps);
        }
    }
}
