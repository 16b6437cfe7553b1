package dev.drivenotes.carla.runner;

import static dev.drivenotes.model.testing.GroundTruthBuilder.truth;
import static dev.drivenotes.model.testing.ObservationBuilder.observation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.drivenotes.carla.sim.Simulator;
import dev.drivenotes.carla.sim.SimulatorCapacity;
import dev.drivenotes.carla.sim.SimulatorFailureException;
import dev.drivenotes.carla.sim.UnknownSimulationException;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.policy.PredictRequest;
import dev.drivenotes.model.policy.PredictResponse;
import dev.drivenotes.model.sim.BirdEyeRaster;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.CreateSimulationRequest;
import dev.drivenotes.model.sim.GroundTruth;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Observation;
import dev.drivenotes.model.sim.RouteInfo;
import dev.drivenotes.model.sim.SimulationState;
import dev.drivenotes.model.sim.Termination;
import dev.drivenotes.model.testing.ExperimentConfigBuilder;
import dev.drivenotes.platform.PlatformProperties;
import dev.drivenotes.platform.json.Json;
import dev.drivenotes.platform.remote.PolicyClient;
import dev.drivenotes.platform.remote.RemoteCalls;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.springframework.web.client.RestClient;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * A one-dimensional stand-in for the runner's simulator (in process, as the {@link Simulator} port)
 * and for dreamer-service (on loopback): the ego moves {@code throttle} metres a step along a 10 m
 * route and reaches the destination at x = 10.
 */
public final class FakeServices implements Simulator, AutoCloseable {

    private static final CBORMapper CBOR = CBORMapper.builder().build();

    /** Called on the stepping thread with a simulation's id and step number before the step answers. */
    @FunctionalInterface
    public interface StepHook {
        void stepped(String simulationId, int step) throws InterruptedException;
    }

    public final Set<String> live = ConcurrentHashMap.newKeySet();
    /** Simulation ids in creation order. */
    public final List<String> created = new CopyOnWriteArrayList<>();
    /** Seed each simulation was created with, in creation order. */
    public final List<Long> createdSeeds = new CopyOnWriteArrayList<>();

    public final List<String> deleted = new CopyOnWriteArrayList<>();
    final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    /** birdEyeSizePx each simulation was created with. */
    final Map<String, Integer> birdEyeSizes = new ConcurrentHashMap<>();
    /** Per predicted instance: whether its observation carried a raster. */
    final List<Boolean> predictedRasters = new CopyOnWriteArrayList<>();

    /** What the simulator says it holds at once. */
    public volatile int capacity = 64;
    /** The most simulations that were live at once. */
    public final AtomicInteger mostLive = new AtomicInteger();

    /** The step number (of every simulation) that answers 500 "simulator crashed"; -1 for none. */
    public volatile int failStepAt = -1;
    /** When set, every predict call answers 400 with this problem detail. */
    public volatile String rejectPredictWith;
    /** Steps of simulations created with these seeds answer 500 "simulator crashed". */
    public final Set<Long> failingSeeds = ConcurrentHashMap.newKeySet();
    /** How many of the next creations throw an Error (a class out of step with its caller). */
    public final AtomicInteger createErrors = new AtomicInteger();
    /** When set, a predict call with an instance of this session answers 400. */
    public volatile String rejectPredictForSession;
    /** When set, every prediction carries this control as it is, unchecked (e.g. out of range). */
    public volatile Map<String, Object> rawControl;
    /** How many predict calls to come answer 503 (an outage that ends). */
    public final AtomicInteger predictOutages = new AtomicInteger();
    /** While true every predict call answers 503 (an outage that does not end). */
    public volatile boolean dreamerDown;
    /** When set, predict calls arriving before this instant answer only then (a frozen service). */
    public volatile Instant predictFrozenUntil;
    /** When set, the next predict call freezes the service for this long (see predictFrozenUntil). */
    public volatile Duration freezeAtNextPredict;
    /** Predict calls answered, successfully or not. */
    public final AtomicInteger predictCalls = new AtomicInteger();
    /** The model version the n-th predict call (1-based) answers; null answers none (an older service). */
    public volatile IntFunction<String> modelVersion = call -> FAKE_MODEL_VERSION;

    /**
     * When set, predict answers as a Vertex AI endpoint that drops the container's {@code modelVersion}:
     * its own {@code deployedModelId} and this {@code modelVersionId}.
     */
    public volatile String vertexModelVersionId;

    /** The model version a predict call answers unless a test says otherwise. */
    public static final String FAKE_MODEL_VERSION = "fake:ckpt-1";
    /** Step calls answered, by simulation, in order. */
    public final List<String> stepped = new CopyOnWriteArrayList<>();

    public volatile StepHook onStep = (simulationId, step) -> {};
    private final Map<String, double[]> positions = new ConcurrentHashMap<>();
    private final Map<String, Long> seeds = new ConcurrentHashMap<>();
    private final Map<String, Integer> steps = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final HttpServer server;

    public FakeServices() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/predict", this::predict);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** An experiment of {@code episodes} on this fake, {@code parallel} at a time, 100 steps at most. */
    static ExperimentConfig config(int episodes, int parallel) {
        return ExperimentConfigBuilder.experiment("t")
                .episodes(episodes)
                .maxSteps(100)
                .parallelEpisodes(parallel)
                .build();
    }

    /** The predict client of a runner whose dreamer-service is this fake. */
    PolicyClient policy(RemoteCalls calls) {
        PlatformProperties props =
                new PlatformProperties(Path.of("."), new PlatformProperties.Services(uri(), uri(), uri(), uri()));
        return new PolicyClient(RestClient.builder(), props, calls);
    }

    @Override
    public SimulationState create(CreateSimulationRequest req) {
        if (createErrors.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new NoSuchMethodError("a class out of step with its caller (test)");
        }
        String id = "sim-" + ids.incrementAndGet();
        birdEyeSizes.put(id, req.birdEyeSizePx());
        created.add(id);
        createdSeeds.add(req.seed());
        seeds.put(id, req.seed());
        live.add(id);
        mostLive.accumulateAndGet(live.size(), Math::max);
        positions.put(id, new double[] {0});
        steps.put(id, 0);
        return stateOf(id);
    }

    @Override
    public SimulationState step(String id, Control control) {
        if (!live.contains(id)) {
            throw new UnknownSimulationException(id);
        }
        int step = steps.merge(id, 1, Integer::sum);
        stepped.add(id);
        try {
            onStep.stepped(id, step);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulatorFailureException("interrupted", e);
        }
        if (step == failStepAt || failingSeeds.contains(seeds.get(id))) {
            throw new SimulatorFailureException("simulator crashed", null);
        }
        positions.get(id)[0] += control.throttle();
        return stateOf(id);
    }

    @Override
    public SimulationState state(String id) {
        return stateOf(id);
    }

    @Override
    public void destroy(String id) {
        if (live.remove(id)) {
            deleted.add(id);
        }
    }

    @Override
    public SimulatorCapacity capacity() {
        return new SimulatorCapacity("fake", capacity);
    }

    /** Steps taken by one simulation so far. */
    public int steps(String simulationId) {
        return steps.getOrDefault(simulationId, 0);
    }

    private void predict(HttpExchange ex) throws IOException {
        PredictRequest req = body(ex, PredictRequest.class);
        predictCalls.incrementAndGet();
        Duration freeze = freezeAtNextPredict;
        if (freeze != null) {
            freezeAtNextPredict = null;
            predictFrozenUntil = Instant.now().plus(freeze);
        }
        Instant frozenUntil = predictFrozenUntil;
        if (frozenUntil != null && Instant.now().isBefore(frozenUntil)) {
            try {
                Thread.sleep(Duration.between(Instant.now(), frozenUntil));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (dreamerDown || predictOutages.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            send(ex, 503, Map.of("detail", "dreamer-service unavailable"));
            return;
        }
        String session = rejectPredictForSession;
        if (session != null
                && req.instances().stream().anyMatch(i -> i.sessionId().equals(session))) {
            send(ex, 400, Map.of("detail", "instances: session " + session + " rejected"));
            return;
        }
        String rejection = rejectPredictWith;
        if (rejection != null) {
            send(ex, 400, Map.of("detail", rejection));
            return;
        }
        batchSizes.add(req.instances().size());
        Map<String, Object> raw = rawControl;
        if (raw != null) {
            List<Map<String, Object>> unchecked = req.instances().stream()
                    .map(i -> Map.<String, Object>of(
                            "control", raw, "maneuver", "FOLLOW_LANE", "confidence", 0.8, "targetPoi", "Goal"))
                    .toList();
            send(ex, 200, Map.of("predictions", unchecked, "deployedModelId", "fake"));
            return;
        }
        req.instances().forEach(i -> predictedRasters.add(i.observation().birdEye() != null));
        List<Decision> decisions = req.instances().stream()
                .map(i -> new Decision(new Control(0, 1, 0), Maneuver.FOLLOW_LANE, 0.8, "Goal", null))
                .toList();
        String vertexVersion = vertexModelVersionId;
        if (vertexVersion != null) {
            send(ex, 200, Map.of("predictions", decisions, "deployedModelId", "4711", "modelVersionId", vertexVersion));
            return;
        }
        send(ex, 200, new PredictResponse(decisions, "fake", "rule", modelVersion.apply(predictCalls.get())));
    }

    private SimulationState stateOf(String id) {
        double x = positions.get(id)[0];
        boolean done = x >= 10;
        int size = birdEyeSizes.getOrDefault(id, 0);
        BirdEyeRaster raster = size == 0
                ? null
                : new BirdEyeRaster(
                        size, 32.0 / size, List.of("lanes", "route", "vehicles"), new byte[3 * size * size]);
        Observation obs = observation()
                .speedMps(1)
                .gnss(x, 0)
                .route(List.of())
                .nextManeuver(Maneuver.FOLLOW_LANE, 10 - Math.min(x, 10))
                .nextPoi("Goal", 10 - Math.min(x, 10))
                .speedLimitMps(8)
                .birdEye(raster)
                .build();
        GroundTruth truth = truth().pose(x, 0, 0)
                .speedMps(1)
                .place(done ? "Goal" : "Main Street")
                .routeCompletion(Math.min(x / 10, 1))
                .build();
        return new SimulationState(
                id,
                "default-town",
                steps.get(id),
                steps.get(id) * 0.05,
                obs,
                truth,
                done ? Termination.REACHED_DESTINATION : Termination.RUNNING,
                new RouteInfo("Start", "Goal", 10, List.of("Goal"), List.of()));
    }

    /** A request body as the clients send it: CBOR, or JSON. */
    private static <T> T body(HttpExchange ex, Class<T> type) {
        String contentType = ex.getRequestHeaders().getFirst("Content-Type");
        return contentType != null && contentType.startsWith("application/cbor")
                ? CBOR.readValue(ex.getRequestBody(), type)
                : Json.mapper().readValue(ex.getRequestBody(), type);
    }

    private static void send(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = Json.mapper().writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
