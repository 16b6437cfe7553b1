package dev.drivenotes.app;

import dev.drivenotes.model.experiment.StepRecord;
import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.sim.GroundTruth;
import dev.drivenotes.model.sim.Observation;
import dev.drivenotes.platform.json.TrajectoryCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * A readable fingerprint of what an experiment drove and wrote: per episode its step count, final
 * true pose and a SHA-256 over every step (observation, decision and truth, numbers rounded to 1e-6),
 * then every note with its truth. Two runs of the same seed must give the same fingerprint, before and
 * after a refactoring; the fields are named explicitly so that a new field in a record does not change
 * it, while any change of what was driven or noted does.
 */
final class DriveFingerprint {

    private DriveFingerprint() {}

    static List<String> of(Path artifactRoot, JsonNode report) throws IOException {
        String experimentId = report.get("experimentId").asString();
        List<String> lines = new ArrayList<>();
        String map = Path.of(report.get("map").asString()).getFileName().toString();
        lines.add("agent " + report.get("agent").asString() + ", map " + map);
        Path dir = artifactRoot.resolve("trajectories").resolve(experimentId);
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".jsonl.gz"))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            List<StepRecord> steps = TrajectoryCodec.decode(Files.readAllBytes(file));
            String episode =
                    file.getFileName().toString().replace(experimentId, "").replace(".jsonl.gz", "");
            GroundTruth last = steps.getLast().truth();
            lines.add("episode %s: %d steps, end %s %s %s, sha256 %s"
                    .formatted(
                            episode,
                            steps.size(),
                            num(last.pose().x()),
                            num(last.pose().y()),
                            num(last.pose().yawRad()),
                            sha256(steps)));
        }
        for (JsonNode note : report.get("notes")) {
            JsonNode truth = note.get("truth");
            lines.add("note %s step %d: %s | truth %s, %s, %s | confidence %s"
                    .formatted(
                            note.get("episodeId").asString().replace(experimentId, ""),
                            note.get("step").asInt(),
                            note.get("text").asString(),
                            truth.get("place").asString(),
                            truth.get("action").asString(),
                            truth.get("nextPoi").asString(),
                            num(note.get("confidence").asDouble())));
        }
        return lines;
    }

    private static String sha256(List<StepRecord> steps) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (StepRecord s : steps) {
                digest.update(line(s).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String line(StepRecord s) {
        Observation o = s.observation();
        GroundTruth t = s.truth();
        Decision d = s.decision();
        StringBuilder b = new StringBuilder();
        b.append(s.step()).append(' ').append(num(s.simTimeS()));
        b.append(" | obs ")
                .append(String.join(
                        " ",
                        num(o.speedMps()),
                        num(o.gnssX()),
                        num(o.gnssY()),
                        num(o.compassRad()),
                        o.nextManeuver().name(),
                        num(o.distanceToManeuverM()),
                        o.nextPoi(),
                        num(o.distanceToGoM()),
                        num(o.speedLimitMps()),
                        num(o.yawRateRadps()),
                        String.valueOf(o.routeWaypoints().size())));
        o.routeWaypoints()
                .forEach(w -> b.append(' ').append(num(w.x())).append(',').append(num(w.y())));
        if (o.lead() != null) {
            b.append(" lead ")
                    .append(num(o.lead().gapM()))
                    .append(',')
                    .append(num(o.lead().speedMps()));
        }
        if (o.trafficLight() != null) {
            b.append(" light ")
                    .append(o.trafficLight().state())
                    .append(',')
                    .append(num(o.trafficLight().distanceM()));
        }
        if (d != null) {
            b.append(" | decision ")
                    .append(String.join(
                            " ",
                            num(d.control().steer()),
                            num(d.control().throttle()),
                            num(d.control().brake()),
                            d.maneuver().name(),
                            num(d.confidence()),
                            d.targetPoi()));
        }
        b.append(" | truth ")
                .append(String.join(
                        " ",
                        num(t.pose().x()),
                        num(t.pose().y()),
                        num(t.pose().yawRad()),
                        num(t.speedMps()),
                        String.valueOf(t.roadId()),
                        String.valueOf(t.laneId()),
                        String.valueOf(t.junctionId()),
                        t.place(),
                        num(t.routeCompletion()),
                        String.valueOf(t.collision()),
                        String.valueOf(t.offRoad()),
                        String.valueOf(t.laneInvasion()),
                        String.valueOf(t.collisionWith()),
                        String.valueOf(t.redLightRun()),
                        String.valueOf(t.routeDeviation())));
        return b.append('\n').toString();
    }

    private static String num(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v);
        return s.equals("-0.000000") ? "0.000000" : s;
    }
}
