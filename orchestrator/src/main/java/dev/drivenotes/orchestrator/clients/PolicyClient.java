package dev.drivenotes.orchestrator.clients;

import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.policy.PredictInstance;
import dev.drivenotes.model.policy.PredictParameters;
import dev.drivenotes.model.policy.PredictRequest;
import dev.drivenotes.model.policy.PredictResponse;
import dev.drivenotes.platform.PlatformProperties;
import java.net.URI;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * dreamer-service's Vertex AI style predict API: one batched call for all episodes in flight.
 * With {@code drivenotes.services.dreamer-service} set to a Vertex AI endpoint ({@code
 * https://REGION-aiplatform.googleapis.com/v1/projects/P/locations/REGION/endpoints/ID}) it calls
 * the endpoint's {@code :predict}; profile {@code gcp} adds the Google access token.
 */
@Component
public class PolicyClient {

    private static final String SERVICE = "dreamer-service";
    private final RestClient http;
    private final String predictPath;

    public PolicyClient(RestClient.Builder builder, PlatformProperties properties) {
        URI base = properties.services().dreamerService();
        boolean vertex = base.getHost() != null && base.getHost().endsWith("aiplatform.googleapis.com");
        this.predictPath = vertex ? base.getPath() + ":predict" : "/v1/predict";
        this.http = builder.clone()
                .baseUrl(vertex ? base.getScheme() + "://" + base.getRawAuthority() : base.toString())
                .build();
    }

    public List<Decision> predict(String policy, List<PredictInstance> instances) {
        PredictResponse response = ServiceCalls.call(
                SERVICE,
                () -> http.post()
                        .uri(predictPath)
                        .body(new PredictRequest(instances, new PredictParameters(policy)))
                        .retrieve()
                        .body(PredictResponse.class));
        if (response == null || response.predictions().size() != instances.size()) {
            throw new RemoteServiceException(
                    SERVICE,
                    200,
                    "expected " + instances.size() + " predictions, got "
                            + (response == null ? 0 : response.predictions().size()),
                    null,
                    null);
        }
        return response.predictions();
    }
}
