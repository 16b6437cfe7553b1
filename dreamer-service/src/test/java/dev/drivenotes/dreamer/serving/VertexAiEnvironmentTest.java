package dev.drivenotes.dreamer.serving;

import static dev.drivenotes.dreamer.testing.TestObservations.cruising;
import static dev.drivenotes.dreamer.testing.TestObservations.straight;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.dreamer.DreamerServiceApplication;
import dev.drivenotes.model.policy.PredictInstance;
import dev.drivenotes.model.policy.PredictParameters;
import dev.drivenotes.model.policy.PredictRequest;
import dev.drivenotes.platform.json.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** Boots the real application as Vertex AI would configure it, through its environment variables. */
class VertexAiEnvironmentTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesOnTheVertexAiPortAndRoutes(@TempDir Path dataDir) throws Exception {
        int port = freePort();
        try (ConfigurableApplicationContext app = DreamerServiceApplication.builder()
                .properties(
                        "AIP_HTTP_PORT=" + port,
                        "AIP_PREDICT_ROUTE=/custom/predict",
                        "AIP_HEALTH_ROUTE=/custom/health",
                        "drivenotes.data-dir=" + dataDir)
                .run()) {
            String request = Json.mapper()
                    .writeValueAsString(new PredictRequest(
                            List.of(new PredictInstance("e1", cruising(5, straight(10), 100), true, null)),
                            new PredictParameters("random")));

            HttpResponse<String> predicted = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/custom/predict"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(request))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> health = get(port, "/custom/health");
            HttpResponse<String> defaultHealth = get(port, "/v1/health");

            assertThat(predicted.statusCode()).isEqualTo(200);
            assertThat(predicted.body())
                    .contains("\"deployedModelId\":\"random\"")
                    .contains("\"modelVersion\":\"random:rule\"");
            // the OpenAPI document names the answer's model version, with an example
            String apiDocs = get(port, "/v3/api-docs").body();
            assertThat(Json.mapper()
                            .readTree(apiDocs)
                            .at("/components/schemas/PredictResponse/properties/modelVersion")
                            .isMissingNode())
                    .as("PredictResponse.modelVersion in /v3/api-docs")
                    .isFalse();
            assertThat(apiDocs)
                    .contains(Json.mapper()
                            .readTree(PredictController.RESPONSE_EXAMPLE)
                            .get("modelVersion")
                            .asString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            assertThat(defaultHealth.statusCode()).isEqualTo(404);
        }
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
