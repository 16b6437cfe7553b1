package dev.drivenotes.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.policy.PredictRequest;
import dev.drivenotes.model.policy.PredictResponse;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Observation;
import dev.drivenotes.model.sim.VehicleSpec;
import dev.drivenotes.model.sim.Waypoint;
import dev.drivenotes.platform.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * A stand-in for dreamer-service on 127.0.0.1 that answers its Vertex AI predict contract ({@code
 * POST /v1/predict}) with a driver blind to traffic lights: pure pursuit on the route waypoints at
 * cruising speed, slowing only for bends and the destination. It never looks at {@link
 * Observation#trafficLight()} nor at a lead vehicle, so it runs every red light on its route (and
 * must drive without NPCs).
 */
final class LightBlindPolicyServer implements AutoCloseable {

    private static final CBORMapper CBOR = CBORMapper.builder().build();

    static final String POLICY = "light-blind";

    private static final VehicleSpec VEHICLE = VehicleSpec.EGO;
    /** The speed driven wherever the limit, the bends and the destination allow it. */
    private static final double CRUISE_MPS = 8;
    /** Pure pursuit aims at the first waypoint at least this far from the rear axle. */
    private static final double LOOK_AHEAD_M = 6;
    /** Bends ahead are taken at a speed that keeps the lateral acceleration below this. */
    private static final double MAX_LATERAL_ACCEL_MPS2 = 2.5;
    /** Deceleration of the profile that stops at the destination. */
    private static final double STOP_DECEL_MPS2 = 2.5;
    /** Proportional gain of the speed controller: acceleration per m/s below the target. */
    private static final double SPEED_GAIN_PER_S = 1.5;
    /** The route's next maneuver is declared from this far before it starts. */
    private static final double DECLARE_MANEUVER_M = 15;

    private final HttpServer server;

    private LightBlindPolicyServer(HttpServer server) {
        this.server = server;
    }

    static LightBlindPolicyServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/predict", LightBlindPolicyServer::predict);
        server.start();
        return new LightBlindPolicyServer(server);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void predict(HttpExchange exchange) throws IOException {
        try (exchange) {
            int status;
            byte[] body;
            try {
                // the runners send CBOR (and accept JSON back), people JSON
                String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
                byte[] requestBody = exchange.getRequestBody().readAllBytes();
                PredictRequest request = contentType != null && contentType.startsWith("application/cbor")
                        ? CBOR.readValue(requestBody, PredictRequest.class)
                        : Json.mapper().readValue(requestBody, PredictRequest.class);
                List<Decision> decisions = request.instances().stream()
                        .map(i -> decide(i.observation()))
                        .toList();
                body = Json.mapper().writeValueAsBytes(new PredictResponse(decisions, POLICY));
                status = 200;
            } catch (RuntimeException e) {
                // the orchestrator fails the experiment with this text as its reason
                body = String.valueOf(e).getBytes(StandardCharsets.UTF_8);
                status = 500;
            }
            exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "text/plain");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static Decision decide(Observation o) {
        double targetMps = Math.min(
                Math.min(CRUISE_MPS, o.speedLimitMps()),
                Math.min(
                        bendSpeedMps(o.routeWaypoints()),
                        Math.sqrt(2 * STOP_DECEL_MPS2 * Math.max(0, o.distanceToGoM() - 2))));
        Control control = VEHICLE.controlFor(
                steer(o.routeWaypoints()), SPEED_GAIN_PER_S * (targetMps - o.speedMps()), o.speedMps());
        Maneuver maneuver = o.distanceToManeuverM() < DECLARE_MANEUVER_M ? o.nextManeuver() : Maneuver.FOLLOW_LANE;
        return new Decision(control, maneuver, 0.5, o.nextPoi(), null);
    }

    /** Pure pursuit from the rear axle: {@code atan(2 L sin(alpha) / distance)} to the look-ahead point. */
    private static double steer(List<Waypoint> path) {
        double rearX = -VEHICLE.centreAheadOfRearAxleM();
        for (Waypoint w : path) {
            double dx = w.x() - rearX;
            double distanceM = Math.hypot(dx, w.y());
            if (distanceM >= LOOK_AHEAD_M && dx > 0) {
                double alphaRad = Math.atan2(w.y(), dx);
                return VEHICLE.steerFor(Math.atan(2 * VEHICLE.wheelbaseM() * Math.sin(alphaRad) / distanceM));
            }
        }
        return 0;
    }

    /** {@code sqrt(a / k)} for the sharpest curvature k of three consecutive waypoints ahead. */
    private static double bendSpeedMps(List<Waypoint> path) {
        double maxCurvature = 0;
        for (int i = 2; i < path.size(); i++) {
            maxCurvature = Math.max(maxCurvature, curvature(path.get(i - 2), path.get(i - 1), path.get(i)));
        }
        return maxCurvature == 0 ? Double.POSITIVE_INFINITY : Math.sqrt(MAX_LATERAL_ACCEL_MPS2 / maxCurvature);
    }

    /** Menger curvature: 4 × triangle area / product of the side lengths. */
    private static double curvature(Waypoint a, Waypoint b, Waypoint c) {
        double cross = (b.x() - a.x()) * (c.y() - a.y()) - (b.y() - a.y()) * (c.x() - a.x());
        double sides = Math.hypot(b.x() - a.x(), b.y() - a.y())
                * Math.hypot(c.x() - b.x(), c.y() - b.y())
                * Math.hypot(c.x() - a.x(), c.y() - a.y());
        return sides < 1e-9 ? 0 : 2 * Math.abs(cross) / sides;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
