package dev.drivenotes.platform.web;

import static dev.drivenotes.model.testing.ObservationBuilder.observation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.drivenotes.model.sim.BirdEyeRaster;
import dev.drivenotes.model.sim.Observation;
import dev.drivenotes.platform.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.cbor.CBORMapper;

/** CBOR bodies beside JSON over a real Tomcat, and the clients that prefer them. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "drivenotes.web.max-request-size=64KB",
            // its own event folder: another test's context may hold the default one open
            "drivenotes.data-dir=target/cbor-over-http-test"
        })
@Import(CborOverHttpTest.EchoController.class)
class CborOverHttpTest {

    @SpringBootApplication
    static class TestApp {}

    /** What the server saw of a request. */
    record Seen(String contentType, int remotePort) {}

    @RestController
    static class EchoController {
        @PostMapping("/observations")
        Observation echo(@RequestBody Observation observation) {
            return observation;
        }

        @PostMapping("/seen")
        Seen seen(@RequestBody Observation observation, HttpServletRequest request) {
            return new Seen(request.getContentType(), request.getRemotePort());
        }

        @GetMapping("/missing")
        String missing() {
            throw new NotFoundException("thing", "42");
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    RestClient.Builder builder;

    private final CBORMapper cbor = CBORMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    private static Observation withRaster() {
        byte[] data = new byte[3 * 16 * 16];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        return observation()
                .speedMps(7.5)
                .birdEye(new BirdEyeRaster(16, 0.5, List.of("lanes", "route", "vehicles"), data))
                .build();
    }

    private HttpResponse<byte[]> post(String path, String contentType, String accept, byte[] body)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", contentType)
                        .header("Accept", accept)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private JsonNode problem(HttpResponse<byte[]> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(contentType(response)).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        return Json.mapper().readTree(response.body());
    }

    @Test
    void theSameObservationInJsonAndInCborGetsEqualAnswers() throws Exception {
        Observation sent = withRaster();

        HttpResponse<byte[]> json = post(
                "/observations",
                "application/json",
                "application/json",
                Json.mapper().writeValueAsBytes(sent));
        HttpResponse<byte[]> binary =
                post("/observations", "application/cbor", "application/cbor", cbor.writeValueAsBytes(sent));

        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(binary.statusCode()).isEqualTo(200);
        assertThat(contentType(json)).startsWith("application/json");
        assertThat(contentType(binary)).startsWith("application/cbor");
        assertThat(Json.mapper().readValue(json.body(), Observation.class)).isEqualTo(sent);
        assertThat(cbor.readValue(binary.body(), Observation.class)).isEqualTo(sent);
        assertThat(binary.body().length).isLessThan(json.body().length);
    }

    @Test
    void rasterBytesTravelAsACborByteStringNotBase64() throws Exception {
        HttpResponse<byte[]> binary =
                post("/observations", "application/cbor", "application/cbor", cbor.writeValueAsBytes(withRaster()));

        JsonNode data = cbor.readTree(binary.body()).path("birdEye").path("data");
        assertThat(data.isBinary()).isTrue();
        assertThat(data.binaryValue()).isEqualTo(withRaster().birdEye().data());
    }

    @Test
    void jsonStaysTheAnswerForAClientThatAsksForNothingInParticular() throws Exception {
        HttpResponse<byte[]> reply =
                post("/observations", "application/cbor", "*/*", cbor.writeValueAsBytes(withRaster()));

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(contentType(reply)).startsWith("application/json");
    }

    @Test
    void cborBodyWithAnUnknownFieldIsABadRequestNamingItInJson() throws Exception {
        ObjectNode body = cbor.valueToTree(withRaster());
        body.put("colour", "red");

        JsonNode problem = problem(
                post("/observations", "application/cbor", "application/cbor", cbor.writeValueAsBytes(body)), 400);

        assertThat(problem.path("field").asString()).isEqualTo("colour");
        assertThat(problem.path("detail").asString()).contains("unknown field 'colour'");
    }

    @Test
    void cborBodyWithAnInvalidValueNamesTheField() throws Exception {
        ObjectNode body = cbor.valueToTree(withRaster());
        body.put("speedMps", -1.0);

        JsonNode problem = problem(
                post("/observations", "application/cbor", "application/cbor", cbor.writeValueAsBytes(body)), 400);

        assertThat(problem.path("field").asString()).isEqualTo("speedMps");
    }

    @Test
    void truncatedCborIsABadRequestAboutTheBody() throws Exception {
        byte[] whole = cbor.writeValueAsBytes(withRaster());
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length / 2);

        JsonNode problem = problem(post("/observations", "application/cbor", "application/cbor", truncated), 400);

        assertThat(problem.path("field").asString()).isEqualTo("body");
    }

    @Test
    void cborBodyOverTheSizeLimitIs413() throws Exception {
        byte[] big = cbor.writeValueAsBytes(new byte[100 * 1024]);

        JsonNode problem = problem(post("/observations", "application/cbor", "application/cbor", big), 413);

        assertThat(problem.path("maxBytes").asLong()).isEqualTo(64 * 1024);
    }

    @Test
    void aClientThatPrefersCborSendsAndReceivesCbor() {
        RestClient client = CborBodies.preferredBy(builder)
                .baseUrl("http://127.0.0.1:" + port)
                .build();

        ResponseEntity<Seen> reply =
                client.post().uri("/seen").body(withRaster()).retrieve().toEntity(Seen.class);
        ResponseEntity<Observation> echoed =
                client.post().uri("/observations").body(withRaster()).retrieve().toEntity(Observation.class);

        assertThat(reply.getBody().contentType()).isEqualTo("application/cbor");
        assertThat(reply.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_CBOR);
        assertThat(echoed.getBody()).isEqualTo(withRaster());
    }

    @Test
    void aClientThatPrefersCborReadsProblemDetailsAsJson() {
        RestClient client = CborBodies.preferredBy(builder)
                .baseUrl("http://127.0.0.1:" + port)
                .build();

        HttpClientErrorException e = catchThrowableOfType(
                HttpClientErrorException.class,
                () -> client.get().uri("/missing").retrieve().body(String.class));

        assertThat(e.getStatusCode().value()).isEqualTo(404);
        assertThat(e.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(e.getResponseBodyAs(JsonNode.class).path("resource").asString())
                .isEqualTo("thing");
    }

    @Test
    void consecutiveCallsOfOneClientShareOneKeptAliveConnection() {
        RestClient client = CborBodies.preferredBy(builder)
                .baseUrl("http://127.0.0.1:" + port)
                .requestFactory(ServiceConnections.requestFactory(Duration.ofSeconds(2), Duration.ofSeconds(10)))
                .build();

        Set<Integer> clientPorts = new HashSet<>();
        // more than Tomcat's default of 100 requests per connection
        for (int i = 0; i < 150; i++) {
            clientPorts.add(client.post()
                    .uri("/seen")
                    .body(withRaster())
                    .retrieve()
                    .body(Seen.class)
                    .remotePort());
        }

        assertThat(clientPorts).hasSize(1);
    }
}
