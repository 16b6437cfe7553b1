package dev.drivenotes.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.platform.web.testing.BadRequest;
import dev.drivenotes.platform.web.testing.BadRequest.Body;
import dev.drivenotes.platform.web.testing.RawHttp;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Problem details over a real Tomcat: what Spring MVC, the error path and Tomcat itself answer. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "drivenotes.web.max-request-size=64KB"})
@Import(ProblemDetailsOverHttpTest.EchoController.class)
class ProblemDetailsOverHttpTest {

    static final long LIMIT = 64 * 1024;

    @SpringBootApplication
    static class TestApp {}

    @RestController
    static class EchoController {
        @PostMapping("/echo")
        ExperimentConfig echo(@RequestBody ExperimentConfig config) {
            return config;
        }

        @PostMapping("/control")
        Control control(@RequestBody Control control) {
            return control;
        }

        @GetMapping("/things/{id}")
        String thing(@PathVariable String id) {
            throw new NotFoundException("thing", id);
        }

        @GetMapping("/count")
        int count(@RequestParam int limit) {
            return limit;
        }

        @GetMapping("/boom")
        String boom() {
            throw new IllegalStateException("secret internals at dev.drivenotes.Secret");
        }
    }

    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().build();

    private RawHttp.Reply send(String method, String target, List<String> headers, Body body) throws IOException {
        return RawHttp.send(
                URI.create("http://127.0.0.1:" + port), BadRequest.of("test", method, target, headers, body, 0));
    }

    private RawHttp.Reply postJson(String body) throws IOException {
        return send("POST", "/echo", List.of("Content-Type: application/json"), Body.of(body));
    }

    private JsonNode problem(RawHttp.Reply reply, int status) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode body = json.readTree(reply.body());
        assertThat(body.path("type").asString()).startsWith(ProblemType.BASE);
        assertThat(body.path("title").asString()).isNotBlank();
        assertThat(body.path("status").asInt()).isEqualTo(status);
        return body;
    }

    @Test
    void acceptsRequestsThatLeaveOptionalPrimitivesOut() throws IOException {
        RawHttp.Reply reply =
                send("POST", "/control", List.of("Content-Type: application/json"), Body.of("{\"throttle\":0.5}"));
        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = json.readTree(reply.body());
        assertThat(body.path("throttle").asDouble()).isEqualTo(0.5);
        assertThat(body.path("steer").asDouble()).isZero();
    }

    @Test
    void invalidFieldInBodyGivesProblemNamingTheField() throws IOException {
        JsonNode body = problem(postJson("{\"name\":\"x\",\"episodes\":0}"), 400);
        assertThat(body.path("field").asString()).isEqualTo("episodes");
    }

    @Test
    void unknownResourceIs404NamingIt() throws IOException {
        JsonNode body = problem(send("GET", "/things/42", List.of(), Body.EMPTY), 404);
        assertThat(body.path("resource").asString()).isEqualTo("thing");
        assertThat(body.path("id").asString()).isEqualTo("42");
        assertThat(body.path("detail").asString()).isEqualTo("no thing with id '42'");
    }

    @Test
    void unknownFieldIsABadRequestNamingIt() throws IOException {
        JsonNode body = problem(postJson("{\"name\":\"x\",\"episodes\":1,\"colour\":\"red\"}"), 400);
        assertThat(body.path("field").asString()).isEqualTo("colour");
        assertThat(body.path("detail").asString()).contains("unknown field 'colour'");
        assertThat(body.path("type").asString())
                .isEqualTo(ProblemType.INVALID_REQUEST.type().toString());
    }

    @Test
    void invalidNestedValueNamesItsFullPath() throws IOException {
        JsonNode body = problem(
                postJson("{\"name\":\"x\",\"episodes\":1,\"routes\":[{\"from\":\"A\",\"to\":\"B\"},{\"from\":\"A\"}]}"),
                400);
        assertThat(body.path("field").asString()).isEqualTo("routes[1].to");
    }

    @Test
    void wrongTypeNamesTheFieldWithoutJavaTypeNames() throws IOException {
        JsonNode body = problem(postJson("{\"name\":\"x\",\"episodes\":[1]}"), 400);
        assertThat(body.path("field").asString()).isEqualTo("episodes");
        assertThat(body.path("detail").asString())
                .isEqualTo("must be an integer")
                .doesNotContain("java");
    }

    @Test
    void malformedJsonSaysWhere() throws IOException {
        JsonNode body = problem(postJson("{\"name\":\"x\",\n\"episodes\":}"), 400);
        assertThat(body.path("field").asString()).isEqualTo("body");
        assertThat(body.path("detail").asString()).startsWith("malformed JSON at line 2");
    }

    @Test
    void oversizeStringIsABadRequestThatDoesNotEchoIt() throws IOException {
        String weather = "W" + "a".repeat(10_000);
        RawHttp.Reply reply = postJson("{\"name\":\"x\",\"episodes\":1,\"weather\":\"" + weather + "\"}");
        JsonNode body = problem(reply, 400);
        assertThat(body.path("field").asString()).isEqualTo("weather");
        assertThat(reply.bodyBytes()).isLessThan(1024);
    }

    @Test
    void declaredBodyOverTheLimitIs413BeforeItIsRead() throws IOException {
        RawHttp.Reply reply = send(
                "POST",
                "/echo",
                List.of("Content-Type: application/json"),
                Body.filled("{\"weather\":\"", 'w', 50L * 1024 * 1024, "\"}"));
        JsonNode body = problem(reply, 413);
        assertThat(body.path("maxBytes").asLong()).isEqualTo(LIMIT);
    }

    @Test
    void chunkedBodyOverTheLimitIs413() throws IOException {
        BadRequest request = BadRequest.of(
                        "test",
                        "POST",
                        "/echo",
                        List.of("Content-Type: application/json"),
                        Body.filled("{\"name\":\"x\",\"episodes\":1,\"weather\":\"", 'w', 5L * 1024 * 1024, "\"}"),
                        413)
                .chunkedBody();
        problem(RawHttp.send(URI.create("http://127.0.0.1:" + port), request), 413);
    }

    @Test
    void unknownPathIs404() throws IOException {
        JsonNode body = problem(send("GET", "/no/such/path", List.of("Accept: text/html"), Body.EMPTY), 404);
        assertThat(body.path("type").asString())
                .isEqualTo(ProblemType.NOT_FOUND.type().toString());
    }

    @Test
    void aHugePathIsNeverEchoedWhole() throws IOException {
        RawHttp.Reply reply = send("GET", "/no/" + "a".repeat(5000), List.of(), Body.EMPTY);
        JsonNode body = problem(reply, 404);
        assertThat(body.path("instance").asString()).startsWith("/no/aaa").hasSizeLessThanOrEqualTo(300);
        assertThat(reply.bodyBytes()).isLessThan(1024);
    }

    @Test
    void theErrorPathItselfIs404() throws IOException {
        problem(send("GET", "/error", List.of(), Body.EMPTY), 404);
    }

    @Test
    void wrongMethodIs405WithAllow() throws IOException {
        RawHttp.Reply reply = send("DELETE", "/echo", List.of(), Body.EMPTY);
        problem(reply, 405);
        assertThat(reply.headers().get("allow")).contains("POST");
    }

    @Test
    void unacceptableAcceptIs406() throws IOException {
        problem(send("GET", "/count?limit=3", List.of("Accept: application/xml"), Body.EMPTY), 406);
    }

    @Test
    void wrongContentTypeIs415() throws IOException {
        problem(send("POST", "/echo", List.of("Content-Type: text/plain"), Body.of("{}")), 415);
    }

    @Test
    void badParameterNamesIt() throws IOException {
        JsonNode body = problem(send("GET", "/count?limit=many", List.of(), Body.EMPTY), 400);
        assertThat(body.path("field").asString()).isEqualTo("limit");
        body = problem(send("GET", "/count", List.of(), Body.EMPTY), 400);
        assertThat(body.path("field").asString()).isEqualTo("limit");
    }

    @Test
    void unexpectedFailureIs500WithoutInternals() throws IOException {
        RawHttp.Reply reply = send("GET", "/boom", List.of(), Body.EMPTY);
        JsonNode body = problem(reply, 500);
        assertThat(reply.text()).doesNotContain("IllegalState", "secret", "Exception", "dev.drivenotes");
        assertThat(body.path("errorId").asString()).hasSize(36);
    }

    @Test
    void requestsTomcatRejectsAreProblemsToo() throws IOException {
        problem(send("GET", "/echo/%2e%2e/%2e%2e/etc/passwd", List.of(), Body.EMPTY), 400);
        problem(send("GET", "/a{b}|c", List.of(), Body.EMPTY), 400);
        problem(send("GET", "/count?limit=1", List.of("X-Big: " + "h".repeat(20_000)), Body.EMPTY), 400);
    }
}
