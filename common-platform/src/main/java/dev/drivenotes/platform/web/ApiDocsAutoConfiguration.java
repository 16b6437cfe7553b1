package dev.drivenotes.platform.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Every service's OpenAPI 3 document ({@code /v3/api-docs}, Swagger UI at {@code
 * /swagger-ui.html}, served from the jar): titled with the service's name, with the {@code
 * Problem} schema (RFC 9457 and our members) and, on every operation, the answers of each {@link
 * ProblemType} as {@code application/problem+json} with an example; every JSON body also as
 * {@code application/cbor}.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
public class ApiDocsAutoConfiguration {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM_SCHEMA = "Problem";
    static final String CBOR = org.springframework.http.MediaType.APPLICATION_CBOR_VALUE;

    @Bean
    OpenApiCustomizer problemResponses(@Value("${spring.application.name:drivenotes}") String service) {
        return openApi -> {
            openApi.info(new Info()
                    .title("DriveNotes " + service)
                    .version("v1")
                    .description("Bodies are JSON, or CBOR (application/cbor, RFC 8949: the same documents,"
                            + " byte arrays as byte strings) when Content-Type and Accept ask for it. Errors are"
                            + " RFC 9457 problem details (application/problem+json) either way; clients branch on"
                            + " their type URI, under " + ProblemType.BASE + "."));
            openApi.schema(PROBLEM_SCHEMA, problemSchema());
            if (openApi.getPaths() != null) {
                openApi.getPaths().values().stream()
                        .flatMap(path -> path.readOperations().stream())
                        .forEach(operation -> {
                            addProblems(operation);
                            addCbor(operation);
                        });
            }
        };
    }

    private static void addProblems(Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        for (ProblemType type : ProblemType.values()) {
            String status = Integer.toString(type.status());
            if (responses.containsKey(status)) {
                continue;
            }
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("type", type.type().toString());
            example.put("title", type.title());
            example.put("status", type.status());
            if (type == ProblemType.INVALID_REQUEST) {
                example.put("detail", "episodes: must be between 1 and 1000");
                example.put("field", "episodes");
            }
            responses.addApiResponse(
                    status,
                    new ApiResponse()
                            .description(type.title() + " (" + type.type() + ")")
                            .content(new Content()
                                    .addMediaType(
                                            PROBLEM_JSON,
                                            new MediaType()
                                                    .schema(new Schema<>()
                                                            .$ref("#/components/schemas/" + PROBLEM_SCHEMA))
                                                    .example(example))));
        }
        operation.setResponses(responses);
    }

    /**
     * Every JSON request body and successful JSON answer can also be CBOR ({@link CborBodies}): the
     * same schema under {@code application/cbor}.
     */
    private static void addCbor(Operation operation) {
        if (operation.getRequestBody() != null) {
            withCbor(operation.getRequestBody().getContent());
        }
        if (operation.getResponses() != null) {
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    withCbor(response.getContent());
                }
            });
        }
    }

    private static void withCbor(Content content) {
        if (content == null || content.containsKey(CBOR)) {
            return;
        }
        MediaType json = content.get(org.springframework.http.MediaType.APPLICATION_JSON_VALUE);
        if (json == null) {
            json = content.get(org.springframework.http.MediaType.ALL_VALUE);
        }
        if (json != null) {
            // the examples are the same documents; tools show them as JSON. Only the ones set: a
            // null example would still be written, beside the examples
            MediaType cbor = new MediaType().schema(json.getSchema());
            if (json.getExamples() != null) {
                cbor.examples(json.getExamples());
            } else if (json.getExample() != null) {
                cbor.example(json.getExample());
            }
            content.addMediaType(CBOR, cbor);
        }
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details, with the members DriveNotes adds")
                .addProperty("type", new StringSchema().format("uri").description("what kind of problem; stable"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("one line for people"))
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("field", new StringSchema().description("the request field that was wrong (400)"))
                .addProperty("errorId", new StringSchema().description("finds a 500 in the service's log"))
                .addProperty("maxBytes", new IntegerSchema().description("the body limit (413)"));
    }
}
