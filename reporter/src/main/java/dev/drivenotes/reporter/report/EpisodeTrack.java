package dev.drivenotes.reporter.report;

import dev.drivenotes.model.experiment.StepRecord;
import dev.drivenotes.model.note.Note;
import dev.drivenotes.model.sim.GroundTruth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a route map and a speed profile draw of one episode, read from its trajectory's ground
 * truth: the driven path (a point every {@value #PATH_SPACING_M} m), the incidents where they
 * happened, the notes where they were cut, and the speed over time (at most {@value
 * #SPEED_SAMPLES} samples). Pure.
 *
 * @param path the true positions with their speed
 * @param incidents collisions, red-light and stop-sign runs, lane invasions, leaving the road
 * @param notes the notes at the true position of the step that cut them
 * @param speed true speed and the lane's speed limit over simulated time
 */
record EpisodeTrack(List<PathPoint> path, List<Incident> incidents, List<NoteMark> notes, List<SpeedSample> speed) {

    static final double PATH_SPACING_M = 2.0;
    static final int SPEED_SAMPLES = 600;

    record PathPoint(double x, double y, double speedMps) {}

    /** What happened where, and when. */
    record Incident(Kind kind, int step, double timeS, double x, double y, String detail) {
        String describe() {
            return String.format(
                    Locale.ROOT,
                    "%s%s at step %d (%.1f s)",
                    kind.label,
                    detail == null ? "" : " " + detail,
                    step,
                    timeS);
        }
    }

    /** Incident kinds, as the ground truth flags them. */
    enum Kind {
        COLLISION("collision"),
        RED_LIGHT_RUN("red light run"),
        STOP_SIGN_RUN("stop sign run"),
        LANE_INVASION("lane invasion"),
        OFF_ROAD("left the road");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    record NoteMark(double x, double y, NoteView note) {}

    record SpeedSample(double timeS, double speedMps, double speedLimitMps) {}

    EpisodeTrack {
        path = List.copyOf(path);
        incidents = List.copyOf(incidents);
        notes = List.copyOf(notes);
        speed = List.copyOf(speed);
    }

    static EpisodeTrack of(List<StepRecord> steps, List<Note> notes) {
        List<PathPoint> path = new ArrayList<>();
        List<Incident> incidents = new ArrayList<>();
        Map<Integer, StepRecord> byStep = new HashMap<>();
        boolean offRoad = false;
        for (StepRecord s : steps) {
            byStep.put(s.step(), s);
            GroundTruth t = s.truth();
            double x = t.pose().x();
            double y = t.pose().y();
            PathPoint last = path.isEmpty() ? null : path.getLast();
            if (last == null || Math.hypot(x - last.x(), y - last.y()) >= PATH_SPACING_M) {
                path.add(new PathPoint(x, y, t.speedMps()));
            }
            if (t.collision()) {
                incidents.add(incident(Kind.COLLISION, s, "with " + t.collisionWith()));
            }
            if (t.redLightRun()) {
                incidents.add(incident(Kind.RED_LIGHT_RUN, s, null));
            }
            if (t.stopSignRun()) {
                incidents.add(incident(Kind.STOP_SIGN_RUN, s, null));
            }
            if (t.laneInvasion()) {
                incidents.add(incident(Kind.LANE_INVASION, s, null));
            }
            if (t.offRoad() && !offRoad) {
                incidents.add(incident(Kind.OFF_ROAD, s, null));
            }
            offRoad = t.offRoad();
        }
        if (!steps.isEmpty()) {
            GroundTruth end = steps.getLast().truth();
            PathPoint last = path.getLast();
            if (last.x() != end.pose().x() || last.y() != end.pose().y()) {
                path.add(new PathPoint(end.pose().x(), end.pose().y(), end.speedMps()));
            }
        }
        List<NoteMark> marks = new ArrayList<>();
        for (Note note : notes) {
            StepRecord at = byStep.get(note.step());
            if (at != null) {
                marks.add(new NoteMark(at.truth().pose().x(), at.truth().pose().y(), NoteView.of(note)));
            }
        }
        return new EpisodeTrack(path, incidents, marks, speed(steps));
    }

    double topSpeedMps() {
        return path.stream().mapToDouble(PathPoint::speedMps).max().orElse(0);
    }

    private static Incident incident(Kind kind, StepRecord s, String detail) {
        return new Incident(
                kind,
                s.step(),
                s.simTimeS(),
                s.truth().pose().x(),
                s.truth().pose().y(),
                detail);
    }

    private static List<SpeedSample> speed(List<StepRecord> steps) {
        int stride = Math.max(1, (int) Math.ceil(steps.size() / (double) SPEED_SAMPLES));
        List<SpeedSample> samples = new ArrayList<>();
        for (int i = 0; i < steps.size(); i += stride) {
            samples.add(sample(steps.get(i)));
        }
        if (!steps.isEmpty() && (steps.size() - 1) % stride != 0) {
            samples.add(sample(steps.getLast()));
        }
        return samples;
    }

    private static SpeedSample sample(StepRecord s) {
        return new SpeedSample(
                s.simTimeS(), s.truth().speedMps(), s.observation().speedLimitMps());
    }
}
