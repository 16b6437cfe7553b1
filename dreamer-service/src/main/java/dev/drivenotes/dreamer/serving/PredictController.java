package dev.drivenotes.dreamer.serving;

import dev.drivenotes.dreamer.policy.PlanNarration;
import dev.drivenotes.dreamer.policy.Policy;
import dev.drivenotes.dreamer.policy.PolicyCatalog;
import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.policy.PredictInstance;
import dev.drivenotes.model.policy.PredictRequest;
import dev.drivenotes.model.policy.PredictResponse;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Vertex AI custom-container contract: predict on {@code AIP_PREDICT_ROUTE}, health on {@code
 * AIP_HEALTH_ROUTE} (defaults {@code /v1/predict}, {@code /v1/health}). A request's instances are
 * decided in one call to the policy its {@code parameters.policy} names.
 */
@RestController
class PredictController {

    static final String PREDICT_LATENCY = "drivenotes.predict.latency";
    static final String BATCH_SIZE = "drivenotes.predict.batch.size";

    private static final Logger log = LoggerFactory.getLogger(PredictController.class);

    private final PolicyCatalog policies;
    private final MeterRegistry meters;

    PredictController(PolicyCatalog policies, MeterRegistry meters) {
        this.policies = policies;
        this.meters = meters;
    }

    /**
     * Decides a batch; times the policy's call ({@value #PREDICT_LATENCY}, histogram for
     * percentiles) and records the batch size ({@value #BATCH_SIZE}), both tagged with the policy.
     */
    /** One episode's first step, as the orchestrator sends it (a batch holds one per episode in flight). */
    static final String EXAMPLE = """
            {"instances": [{"sessionId": "exp-20260101-000000-1a2b3c4d-e0", "isFirst": true,
               "observation": {"speedMps": 0.0, "gnssX": 12.5, "gnssY": -40.1, "compassRad": 1.57,
                 "routeWaypoints": [{"x": 12.5, "y": -35.0}, {"x": 12.6, "y": -30.0}],
                 "nextManeuver": "turn_left", "distanceToManeuverM": 42.0, "nextPoi": "Bakery",
                 "distanceToGoM": 310.0, "speedLimitMps": 13.9, "yawRateRadps": 0.0}}],
             "parameters": {"policy": "dreamer"}}""";

    /** The dreamer's answer to {@link #EXAMPLE}: its decision and the checkpoint that made it. */
    static final String RESPONSE_EXAMPLE = """
            {"predictions": [{"control": {"steer": 0.02, "throttle": 0.55, "brake": 0.0},
               "maneuver": "follow_lane", "confidence": 0.91, "targetPoi": "Bakery", "carry": "…"}],
             "deployedModelId": "dreamer", "narrator": "head",
             "modelVersion": "dreamer:174188:4015f09b3dc5:t0.7162978412737777"}""";

    @PostMapping("${AIP_PREDICT_ROUTE:/v1/predict}")
    @ApiResponse(
            responseCode = "200",
            description = "one decision per instance, in order; modelVersion names the model that answered (the"
                    + " dreamer's loaded checkpoint: dreamer:<envSteps>:<sha256 of params.ndlist, 12 hex>"
                    + "[:t<narrationTemperature>]; autopilot:rule, random:rule)",
            content = {
                @Content(
                        mediaType = "application/json",
                        schema = @Schema(implementation = PredictResponse.class),
                        examples = @ExampleObject(name = "the dreamer's answer", value = RESPONSE_EXAMPLE)),
                @Content(mediaType = "application/cbor", schema = @Schema(implementation = PredictResponse.class))
            })
    PredictResponse predict(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(name = "one episode's first step", value = EXAMPLE)))
                    @RequestBody
                    PredictRequest request) {
        Policy policy = policies.resolve(request.parameters().policy());
        for (PredictInstance instance : request.instances()) {
            if (instance.isFirst()) {
                log.info("session {} starts with policy {}", instance.sessionId(), policy.name());
            }
        }
        DistributionSummary.builder(BATCH_SIZE)
                .description("instances per predict request")
                .tag("policy", policy.name())
                .register(meters)
                .record(request.instances().size());
        List<Decision> decisions = Timer.builder(PREDICT_LATENCY)
                .description("time the policy takes for one predict batch")
                .publishPercentileHistogram()
                .tag("policy", policy.name())
                .register(meters)
                .record(() -> policy.decide(request.instances()));
        if (decisions.size() != request.instances().size()) {
            throw new IllegalStateException("policy " + policy.name() + " answered " + decisions.size()
                    + " decisions for " + request.instances().size() + " instances");
        }
        if (request.parameters().narratedByAutopilot()) {
            return new PredictResponse(
                    PlanNarration.apply(request.instances(), decisions),
                    policy.name(),
                    PlanNarration.RULE,
                    policy.modelVersion());
        }
        return new PredictResponse(decisions, policy.name(), policy.narrator(), policy.modelVersion());
    }

    @GetMapping("${AIP_HEALTH_ROUTE:/v1/health}")
    Health health() {
        return new Health("UP", policies.names());
    }

    /** Health answer: the service is up and serves these policies. */
    record Health(String status, List<String> policies) {}
}
