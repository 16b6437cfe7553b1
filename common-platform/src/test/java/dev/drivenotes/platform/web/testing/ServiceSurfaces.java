package dev.drivenotes.platform.web.testing;

import dev.drivenotes.model.policy.PredictInstance;
import dev.drivenotes.model.policy.PredictParameters;
import dev.drivenotes.model.sim.CreateSimulationRequest;
import dev.drivenotes.model.sim.RouteSpec;
import dev.drivenotes.platform.web.testing.Surface.Endpoint;
import dev.drivenotes.platform.web.testing.Surface.StringField;
import java.util.List;

/**
 * The four services' HTTP APIs as a hostile client sees them. Every sample body is rejected for a
 * reason of its own (routes between places no map has, a brake of 2, a policy nobody serves), so a
 * mutation that fails to break it still starts nothing.
 */
public final class ServiceSurfaces {

    /** The default {@code drivenotes.web.max-request-size} (1 MiB). */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;

    /** dreamer-service's: a batch of 64 instances with a 128 px bird's-eye raster each fits. */
    public static final long DREAMER_MAX_REQUEST_BYTES = 8 * 1024 * 1024;

    private static final String NO_SUCH_ROUTE = "{\"from\":\"Nowhere Plaza\",\"to\":\"Gone Street\"}";

    private ServiceSurfaces() {}

    public static final Surface ORCHESTRATOR = new Surface(
            "orchestrator",
            DEFAULT_MAX_REQUEST_BYTES,
            List.of(
                    new Endpoint(
                            "POST",
                            "/v1/experiments",
                            "{\"name\":\"corpus\",\"episodes\":1,\"agent\":\"autopilot\",\"map\":\"default-town\","
                                    + "\"weather\":\"ClearNoon\",\"seeds\":[7],\"routes\":[" + NO_SUCH_ROUTE + "]}",
                            List.of("name", "episodes"),
                            List.of(
                                    new StringField("name", 100),
                                    new StringField("map", CreateSimulationRequest.MAX_MAP_CHARS),
                                    new StringField("agent", 16),
                                    new StringField("weather", CreateSimulationRequest.MAX_WEATHER_CHARS),
                                    new StringField("routes[0].from", RouteSpec.MAX_PLACE_CHARS),
                                    new StringField("routes[0].to", RouteSpec.MAX_PLACE_CHARS)),
                            List.of()),
                    new Endpoint(
                            "GET",
                            "/v1/experiments",
                            null,
                            List.of(),
                            List.of(),
                            List.of(
                                    "limit=abc",
                                    "limit=0",
                                    "limit=-1",
                                    "limit=100000",
                                    "limit=1.5",
                                    "status=BOGUS",
                                    "status={long}",
                                    "agent=nobody",
                                    "map={long}",
                                    "createdFrom=yesterday",
                                    "createdTo=2026-13-45",
                                    "createdFrom=2026-02-01&createdTo=2026-01-01",
                                    "pageToken=%25%25%25",
                                    "pageToken={long}",
                                    "pageToken=bm9wZQ")),
                    Endpoint.plain("GET", "/v1/experiments/{id}"),
                    Endpoint.plain("POST", "/v1/experiments/{id}:cancel"),
                    Endpoint.plain("POST", "/v1/schedules/{id}:run"),
                    Endpoint.plain("GET", "/actuator/health")));

    public static final Surface CARLA_RUNNER = new Surface(
            "carla-runner",
            DEFAULT_MAX_REQUEST_BYTES,
            List.of(
                    new Endpoint(
                            "POST",
                            "/v1/simulations",
                            "{\"map\":\"default-town\",\"seed\":1,\"route\":" + NO_SUCH_ROUTE + ",\"maxSteps\":10,"
                                    + "\"npcCount\":0,\"gnssNoiseM\":1.0,\"fixedDeltaSeconds\":0.05,"
                                    + "\"weather\":\"ClearNoon\",\"birdEyeSizePx\":0}",
                            List.of("map"),
                            List.of(
                                    new StringField("map", CreateSimulationRequest.MAX_MAP_CHARS),
                                    new StringField("weather", CreateSimulationRequest.MAX_WEATHER_CHARS),
                                    new StringField("route.from", RouteSpec.MAX_PLACE_CHARS),
                                    new StringField("route.to", RouteSpec.MAX_PLACE_CHARS)),
                            List.of()),
                    new Endpoint(
                            "POST",
                            "/v1/simulations/{id}/step",
                            "{\"control\":{\"steer\":0.0,\"throttle\":0.5,\"brake\":2.0}}",
                            List.of("control"),
                            List.of(),
                            List.of()),
                    Endpoint.plain("GET", "/v1/simulations/{id}"),
                    Endpoint.plain("DELETE", "/v1/simulations/{id}"),
                    new Endpoint("GET", "/v1/maps/places", null, List.of(), List.of(), MapQueries.BAD),
                    new Endpoint("GET", "/v1/maps/summary", null, List.of(), List.of(), MapQueries.BAD),
                    new Endpoint("GET", "/v1/maps/route", null, List.of(), List.of(), MapQueries.BAD_ROUTES),
                    Endpoint.plain("GET", "/actuator/health")));

    public static final Surface DREAMER_SERVICE = new Surface(
            "dreamer-service",
            DREAMER_MAX_REQUEST_BYTES,
            List.of(
                    new Endpoint(
                            "POST",
                            "/v1/predict",
                            "{\"instances\":[{\"sessionId\":\"corpus\",\"observation\":{\"speedMps\":5.0,\"gnssX\":0.0,"
                                    + "\"gnssY\":0.0,\"compassRad\":0.0,\"routeWaypoints\":[{\"x\":2.0,\"y\":0.0}],"
                                    + "\"nextManeuver\":\"follow_lane\",\"distanceToManeuverM\":50.0,\"nextPoi\":\"Goal\","
                                    + "\"distanceToGoM\":100.0,\"speedLimitMps\":8.0,\"yawRateRadps\":0.0},"
                                    + "\"isFirst\":true,\"carry\":\"c3RhdGU=\"}],"
                                    + "\"parameters\":{\"policy\":\"no-such-policy\"}}",
                            List.of("instances"),
                            List.of(
                                    new StringField("instances[0].sessionId", PredictInstance.MAX_SESSION_ID_CHARS),
                                    new StringField("instances[0].carry", PredictInstance.MAX_CARRY_CHARS),
                                    new StringField("instances[0].observation.nextPoi", RouteSpec.MAX_PLACE_CHARS),
                                    new StringField("parameters.policy", PredictParameters.MAX_POLICY_CHARS)),
                            List.of()),
                    Endpoint.plain("GET", "/v1/health"),
                    Endpoint.plain("GET", "/actuator/health")));

    public static final Surface REPORTER = new Surface(
            "reporter",
            DEFAULT_MAX_REQUEST_BYTES,
            List.of(
                    Endpoint.plain("GET", "/v1/reports/{id}/report.json"),
                    Endpoint.plain("GET", "/v1/reports/{id}/report.html"),
                    Endpoint.plain("GET", "/v1/experiments/{id}/notes"),
                    Endpoint.plain("GET", "/actuator/health")));

    public static final List<Surface> ALL = List.of(ORCHESTRATOR, CARLA_RUNNER, DREAMER_SERVICE, REPORTER);

    /** Bad map queries of carla-runner. */
    private static final class MapQueries {
        static final List<String> BAD = List.of(
                "",
                "map=",
                "map={long}",
                "map=../../../../etc/passwd",
                "map=/etc/hostname.xodr",
                "map=/proc/self/environ",
                "map=%00.xodr",
                "map=no-such-town",
                "map=/tmp",
                "map=..%2F..%2Fetc%2Fshadow.xodr");
        static final List<String> BAD_ROUTES = List.of(
                "map=default-town",
                "map=default-town&from=Nowhere%20Plaza&to=Gone%20Street",
                "map=default-town&from={long}&to=Gone",
                "map={long}&from=a&to=b",
                "from=a&to=b");
    }
}
