package dev.drivenotes.dreamer.serving;

import dev.drivenotes.dreamer.policy.Policy;
import dev.drivenotes.dreamer.policy.PolicyCatalog;
import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.policy.PredictInstance;
import dev.drivenotes.model.policy.PredictRequest;
import dev.drivenotes.model.policy.PredictResponse;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
    @PostMapping("${AIP_PREDICT_ROUTE:/v1/predict}")
    PredictResponse predict(@RequestBody PredictRequest request) {
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
        return new PredictResponse(decisions, policy.name());
    }

    @GetMapping("${AIP_HEALTH_ROUTE:/v1/health}")
    Health health() {
        return new Health("UP", policies.names());
    }

    /** Health answer: the service is up and serves these policies. */
    record Health(String status, List<String> policies) {}
}
