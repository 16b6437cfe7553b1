package dev.drivenotes.platform.remote;

import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.policy.PredictInstance;
import dev.drivenotes.model.policy.PredictParameters;
import dev.drivenotes.model.policy.PredictRequest;
import dev.drivenotes.platform.PlatformProperties;
import dev.drivenotes.platform.web.CborBodies;
import java.net.URI;
import java.util.List;
import org.springframework.web.client.RestClient;

/**
 * dreamer-service's Vertex AI style predict API: one batched call for all episodes in flight.
 * With {@code drivenotes.services.dreamer-service} set to a Vertex AI endpoint ({@code
 * https://REGION-aiplatform.googleapis.com/v1/projects/P/locations/REGION/endpoints/ID}) it calls
 * the endpoint's {@code :predict}; profile {@code gcp} adds the Google access token.
 */
public class PolicyClient {

    private static final String SERVICE = "dreamer-service";

    /**
     * {@link dev.drivenotes.model.policy.PredictResponse} read without checking the controls' ranges.
     * {@code modelVersionId} is Vertex AI's own field: through an endpoint that drops the container's
     * {@code modelVersion}, the model is still named by Vertex AI's deployed model and version.
     */
    private record Proposals(
            List<ProposedDecision> predictions, String deployedModelId, String modelVersion, String modelVersionId) {

        String version() {
            if (modelVersion != null && !modelVersion.isBlank()) {
                return modelVersion;
            }
            if (modelVersionId != null && !modelVersionId.isBlank()) {
                return "vertex:" + deployedModelId + "@" + modelVersionId;
            }
            return null;
        }
    }

    private final RestClient http;
    private final String predictPath;
    private final ServiceGuard guard;

    public PolicyClient(RestClient.Builder builder, PlatformProperties properties, RemoteCalls calls) {
        URI base = properties.services().dreamerService();
        boolean vertex = base.getHost() != null && base.getHost().endsWith("aiplatform.googleapis.com");
        this.predictPath = vertex ? base.getPath() + ":predict" : "/v1/predict";
        // Vertex AI's :predict speaks JSON only; dreamer-service also CBOR
        this.http = vertex
                ? calls.client(builder, base.getScheme() + "://" + base.getRawAuthority())
                : calls.client(CborBodies.preferredBy(builder), base.toString());
        this.guard = calls.guard(SERVICE);
    }

    /**
     * One decision per instance, in order, narrated by {@code narrator} ({@link PredictParameters#narrator}),
     * with the model version that answered. Retried on server-side failures, as idempotent: a
     * prediction creates nothing and advances no simulation, and a refused or 5xx-answered call left
     * the service as it was. One caveat, accepted: a call that timed out after the service handled it
     * advanced the session's policy state (the autopilot's speed PID) once; the retry's decision is
     * still one for the same observation, only its PID has integrated one more step.
     */
    public Predictions predict(String policy, String narrator, List<PredictInstance> instances) {
        Proposals response = guard.idempotent(() -> http.post()
                .uri(predictPath)
                .body(new PredictRequest(instances, new PredictParameters(policy, narrator)))
                .retrieve()
                .body(Proposals.class));
        if (response == null || response.predictions().size() != instances.size()) {
            throw new RemoteServiceException(
                    SERVICE,
                    200,
                    "expected " + instances.size() + " predictions, got "
                            + (response == null ? 0 : response.predictions().size()),
                    null,
                    null);
        }
        String version = response.version();
        if (version != null && version.length() > EpisodeSummary.MAX_MODEL_VERSION_CHARS) {
            // recorded with every episode: a longer name is cut, never a reason to fail the drive
            version = version.substring(0, EpisodeSummary.MAX_MODEL_VERSION_CHARS);
        }
        return new Predictions(response.predictions(), version);
    }
}
