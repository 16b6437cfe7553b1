package dev.drivenotes.orchestrator.clients;

import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.policy.PredictInstance;
import dev.drivenotes.model.policy.PredictParameters;
import dev.drivenotes.model.policy.PredictRequest;
import dev.drivenotes.model.policy.PredictResponse;
import dev.drivenotes.platform.PlatformProperties;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** dreamer-service's Vertex AI style predict API: one batched call for all episodes in flight. */
@Component
public class PolicyClient {

    private static final String SERVICE = "dreamer-service";
    private final RestClient http;

    public PolicyClient(RestClient.Builder builder, PlatformProperties properties) {
        this.http = builder.clone()
                .baseUrl(properties.services().dreamerService().toString())
                .build();
    }

    public List<Decision> predict(String policy, List<PredictInstance> instances) {
        PredictResponse response = ServiceCalls.call(
                SERVICE,
                () -> http.post()
                        .uri("/v1/predict")
                        .body(new PredictRequest(instances, new PredictParameters(policy)))
                        .retrieve()
                        .body(PredictResponse.class));
        if (response == null || response.predictions().size() != instances.size()) {
            throw new RemoteServiceException(
                    SERVICE,
                    200,
                    "expected " + instances.size() + " predictions, got "
                            + (response == null ? 0 : response.predictions().size()),
                    null);
        }
        return response.predictions();
    }
}
