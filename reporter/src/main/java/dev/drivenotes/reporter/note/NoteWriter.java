package dev.drivenotes.reporter.note;

import dev.drivenotes.model.Require;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.StepRecord;
import dev.drivenotes.model.map.PlaceMatcher;
import dev.drivenotes.model.note.Note;
import dev.drivenotes.model.note.NoteFields;
import dev.drivenotes.model.note.NoteKind;
import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Observation;
import dev.drivenotes.model.sim.Termination;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes the driving notes of one episode: one note per ground-truth junction traversal, one per
 * POI arrival and one reroute note per missed turn, each with the agent's fields (its own
 * localisation matched to the map, {@link Localiser}; its declared decisions) and the ground-truth
 * fields (true place, the maneuver the true path executed, the POI actually reached next), and how far
 * the agent's localisation was from the truth where the note places it. Pure: no I/O.
 *
 * <p>An arrival note says where the agent was at its closest approach and which POI it reached: on
 * the agent's side the POI it was heading to on the record before the arrival (what it believes it
 * reached), on the truth side the POI entered. A missed turn is a junction left by another maneuver
 * than the one its plan said on entering (the observation's next maneuver on the traversal's first
 * record): its junction note keeps the declared maneuver (so a declaration copied from the plan is
 * scored wrong), and a reroute note records the plan's next POI from then on (the decision's target
 * there) against the POI actually reached next. The note sits on the record where the navigation
 * replanned ({@code observation.replanned}) after the junction entry and before the next junction,
 * or on the first record after the junction when it did not replan (the episode ended first, or a
 * trajectory recorded before replanning existed). A junction note's agent-side next POI is the one
 * of the agent's plan after what it says it did: the decision's target where it declared, when it
 * says it left the junction as its plan said (its plan unchanged, as far as it knows), and the
 * replan record's decision's target when it says it left another way and the navigation replanned
 * (it knows its plan changed). A replan without a missed turn before it writes no note.
 *
 * <p>Edge rules: the terminal record (no decision) uses the previous record's
 * decision, and a trajectory whose first record has no decision (an episode that ended before any
 * decision) has no notes; two adjacent junctions without a gap are two traversals; a traversal cut
 * by the start or end of the episode measures its heading change from its own first or last record;
 * a junction note states the agent's declaration when it leaves the junction (the traversal's last
 * record declaring a junction maneuver, with that record's confidence; its last record when it
 * declared none), not counting records from a replan inside the junction on.
 */
public final class NoteWriter {

    /** The truth-side next POI when the episode reached no POI at all. */
    public static final String NO_POI = "none";

    private final PlaceMatcher matcher;
    private final Localiser localiser;

    /** Notes of an agent that localises with the filter ({@link Localiser#FILTER}). */
    public NoteWriter(PlaceMatcher matcher) {
        this(matcher, Localiser.FILTER);
    }

    /** @param localiser how the agent whose notes these are localises itself (its notes' places) */
    public NoteWriter(PlaceMatcher matcher, Localiser localiser) {
        this.matcher = Require.notNull("matcher", matcher);
        this.localiser = Require.notNull("localiser", localiser);
    }

    /** The notes of one episode, ordered by step. */
    public List<Note> write(String experimentId, EpisodeSummary summary, List<StepRecord> trajectory) {
        Require.notBlank("experimentId", experimentId);
        Require.notNull("summary", summary);
        Require.noNullElements("trajectory", trajectory);
        if (trajectory.isEmpty() || trajectory.getFirst().decision() == null) {
            return List.of();
        }
        Episode e = new Episode(
                experimentId,
                summary,
                trajectory,
                effectiveDecisions(trajectory),
                Segments.of(trajectory, matcher.directory()),
                Localisation.track(trajectory, localiser));
        List<Note> notes = new ArrayList<>();
        List<Segments.Traversal> traversals = e.segments().traversals();
        for (int k = 0; k < traversals.size(); k++) {
            Segments.Traversal traversal = traversals.get(k);
            int nextJunction = k + 1 < traversals.size() ? traversals.get(k + 1).first() : trajectory.size();
            int replan = firstReplan(trajectory, traversal.first(), nextJunction);
            Note junction = junctionNote(e, traversal, replan);
            notes.add(junction);
            if (missedTurn(
                    trajectory.get(traversal.first()).observation(),
                    junction.truth().action())) {
                notes.add(rerouteNote(e, traversal, junction, replan));
            }
        }
        for (int i = 0; i < e.segments().arrivals().size(); i++) {
            notes.add(poiNote(e, i));
        }
        notes.sort(Comparator.comparingInt(Note::step));
        return List.copyOf(notes);
    }

    /** What the notes of one episode are written from. */
    private record Episode(
            String experimentId,
            EpisodeSummary summary,
            List<StepRecord> trajectory,
            Decision[] decisions,
            Segments segments,
            double[][] belief) {}

    /** The first record in {@code from..to-1} where the navigation replanned, or -1. */
    private static int firstReplan(List<StepRecord> trajectory, int from, int to) {
        for (int i = from; i < to; i++) {
            if (trajectory.get(i).observation().replanned()) {
                return i;
            }
        }
        return -1;
    }

    /** @param replan the record where the navigation replanned after this junction, or -1 */
    private Note junctionNote(Episode e, Segments.Traversal traversal, int replan) {
        List<StepRecord> trajectory = e.trajectory();
        Decision[] decisions = e.decisions();
        int reference = traversal.middle();
        int declared = declaration(decisions, traversal, replan);
        Maneuver said = decisions[declared].maneuver();
        // its plan after what it says it did: unchanged when it says it left as planned, the
        // replanned one when it says it left another way (and the navigation replanned)
        Maneuver planned = trajectory.get(traversal.first()).observation().nextManeuver();
        boolean saysItLeftThePlan = planned.atJunction() && said != planned;
        NoteFields agent = new NoteFields(
                believedPlace(e, reference),
                said,
                decisions[saysItLeftThePlan && replan >= 0 ? replan : declared].targetPoi());

        int before = Math.max(traversal.first() - 1, 0);
        int after = Math.min(traversal.last() + 1, trajectory.size() - 1);
        double headingChangeRad = trajectory.get(after).truth().pose().yawRad()
                - trajectory.get(before).truth().pose().yawRad();
        NoteFields truth = new NoteFields(
                placeAt(trajectory, reference),
                Maneuver.fromHeadingChange(headingChangeRad),
                truthNextPoi(e, traversal));

        return note(
                e,
                trajectory.get(traversal.first()),
                NoteKind.JUNCTION,
                agent,
                truth,
                decisions[declared].confidence(),
                reference);
    }

    /**
     * The note after a missed turn, on the record where the navigation replanned ({@code replan}), else
     * on the first record after the junction (its last record when the episode ends inside it): the
     * agent's believed place there, the maneuver it declared in the junction and its plan's next POI
     * from there, against the true place, the maneuver executed and the POI actually reached next.
     * Its confidence is the decision's there.
     */
    private Note rerouteNote(Episode e, Segments.Traversal traversal, Note junction, int replan) {
        int exit = replan >= 0
                ? replan
                : Math.min(traversal.last() + 1, e.trajectory().size() - 1);
        Decision decision = e.decisions()[exit];
        NoteFields agent = new NoteFields(believedPlace(e, exit), junction.action(), decision.targetPoi());
        NoteFields truth =
                new NoteFields(placeAt(e.trajectory(), exit), junction.truth().action(), truthNextPoi(e, traversal));
        return note(e, e.trajectory().get(exit), NoteKind.REROUTE, agent, truth, decision.confidence(), exit);
    }

    /** Whether the plan said a junction maneuver on entering and the path executed another. */
    private static boolean missedTurn(Observation onEntry, Maneuver executed) {
        Maneuver planned = onEntry.nextManeuver();
        return planned.atJunction() && planned != executed;
    }

    /** The POI reached next after a traversal; the last one reached before it when none; else {@link #NO_POI}. */
    private static String truthNextPoi(Episode e, Segments.Traversal traversal) {
        int next = e.segments().arrivalAfter(traversal.last());
        int previous = e.segments().arrivalBefore(traversal.first());
        return next >= 0 ? placeAt(e.trajectory(), next) : previous >= 0 ? placeAt(e.trajectory(), previous) : NO_POI;
    }

    private Note poiNote(Episode e, int arrivalNumber) {
        List<StepRecord> trajectory = e.trajectory();
        Decision[] decisions = e.decisions();
        Segments segments = e.segments();
        EpisodeSummary summary = e.summary();
        int index = segments.arrivals().get(arrivalNumber);
        Decision decision = decisions[index];
        String poi = placeAt(trajectory, index);
        // where the agent believes it is: its localisation at the closest approach to the POI during
        // this visit; what it believes it reached: the POI it was heading to just before arriving
        int placedAt = closestApproach(trajectory, index, poi);
        NoteFields agent =
                new NoteFields(believedPlace(e, placedAt), decision.maneuver(), decisions[index - 1].targetPoi());

        boolean last = arrivalNumber == segments.arrivals().size() - 1;
        boolean reachedDestinationHere =
                last && summary.termination() == Termination.REACHED_DESTINATION && poi.equals(summary.destination());
        NoteFields truth = new NoteFields(poi, reachedDestinationHere ? Maneuver.STOP : Maneuver.FOLLOW_LANE, poi);
        return note(e, trajectory.get(index), NoteKind.POI, agent, truth, decision.confidence(), placedAt);
    }

    /** @param placedAt the record whose believed position the note's place is matched from */
    private Note note(
            Episode e,
            StepRecord cut,
            NoteKind kind,
            NoteFields agent,
            NoteFields truth,
            double confidence,
            int placedAt) {
        boolean valid = NoteValidator.valid(matcher.directory(), agent.place(), agent.action());
        double[] believed = e.belief()[placedAt];
        double locationErrorM = e.trajectory().get(placedAt).truth().pose().distanceTo(believed[0], believed[1]);
        return new Note(
                e.experimentId(),
                e.summary().episodeId(),
                cut.step(),
                kind,
                agent,
                truth,
                null,
                valid,
                confidence,
                locationErrorM);
    }

    /** The record of the visit to {@code poi} starting at {@code arrival} nearest the POI's centre. */
    private int closestApproach(List<StepRecord> trajectory, int arrival, String poi) {
        var centre = matcher.directory().poiNamed(poi).map(p -> p.center()).orElse(null);
        if (centre == null) {
            return arrival;
        }
        int best = arrival;
        double bestD = Double.POSITIVE_INFINITY;
        for (int i = arrival;
                i < trajectory.size() && trajectory.get(i).truth().place().equals(poi);
                i++) {
            double d = trajectory.get(i).truth().pose().distanceTo(centre.x(), centre.y());
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    /** Where the agent's own localisation puts it at record {@code index}, matched to the map. */
    private String believedPlace(Episode e, int index) {
        return matcher.match(e.belief()[index][0], e.belief()[index][1]);
    }

    private static String placeAt(List<StepRecord> trajectory, int index) {
        return trajectory.get(index).truth().place();
    }

    /**
     * The record whose declaration a junction note states: the last record of the traversal that
     * declared a junction maneuver (turn_left, turn_right, go_straight) — what the agent says it did
     * when it leaves the junction — else, when it declared none there, its last record. Records from
     * the one where the navigation replanned ({@code replan}, when inside the traversal) on are left
     * out: from there the plan describes the new route, not the junction being crossed.
     */
    private static int declaration(Decision[] decisions, Segments.Traversal traversal, int replan) {
        int last = replan > traversal.first() && replan <= traversal.last() ? replan - 1 : traversal.last();
        for (int i = last; i >= traversal.first(); i--) {
            if (decisions[i].maneuver().atJunction()) {
                return i;
            }
        }
        return last;
    }

    /** Each record's decision, the terminal record (decision null) taking its predecessor's. */
    private static Decision[] effectiveDecisions(List<StepRecord> trajectory) {
        Decision[] decisions = new Decision[trajectory.size()];
        for (int i = 0; i < decisions.length; i++) {
            Decision d = trajectory.get(i).decision();
            decisions[i] = d != null ? d : decisions[i - 1];
        }
        return decisions;
    }
}
