package dev.drivenotes.dreamer.serving;

import dev.drivenotes.dreamer.policy.Policy;
import dev.drivenotes.dreamer.policy.PolicyCatalog;
import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.policy.PredictRequest;
import dev.drivenotes.model.policy.PredictResponse;
import java.util.List;
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

    private final PolicyCatalog policies;

    PredictController(PolicyCatalog policies) {
        this.policies = policies;
    }

    @PostMapping("${AIP_PREDICT_ROUTE:/v1/predict}")
    PredictResponse predict(@RequestBody PredictRequest request) {
        Policy policy = policies.resolve(request.parameters().policy());
        List<Decision> decisions = policy.decide(request.instances());
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
