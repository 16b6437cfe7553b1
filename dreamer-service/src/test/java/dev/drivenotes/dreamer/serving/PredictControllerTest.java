package dev.drivenotes.dreamer.serving;

import static dev.drivenotes.dreamer.testing.TestObservations.arc;
import static dev.drivenotes.dreamer.testing.TestObservations.cruising;
import static dev.drivenotes.dreamer.testing.TestObservations.nearManeuver;
import static dev.drivenotes.dreamer.testing.TestObservations.straight;
import static dev.drivenotes.dreamer.testing.TestObservations.towards;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.drivenotes.dreamer.model.Checkpoint;
import dev.drivenotes.model.policy.PredictInstance;
import dev.drivenotes.model.policy.PredictParameters;
import dev.drivenotes.model.policy.PredictRequest;
import dev.drivenotes.model.policy.PredictResponse;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.platform.json.Json;
import dev.drivenotes.platform.web.ProblemDetailsAdvice;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.cbor.CBORMapper;

@WebMvcTest(PredictController.class)
@Import({PolicyConfiguration.class, ProblemDetailsAdvice.class, SimpleMeterRegistry.class})
class PredictControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    SimpleMeterRegistry meters;

    @Autowired
    Checkpoint dreamerCheckpoint;

    private ResultActions predict(String json) throws Exception {
        return mvc.perform(
                post("/v1/predict").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static String request(String policy, PredictInstance... instances) {
        return Json.mapper().writeValueAsString(new PredictRequest(List.of(instances), new PredictParameters(policy)));
    }

    @Test
    void decidesABatchOfThreeInTheOrderOfItsInstancesWithTheDefaultPolicy() throws Exception {
        String body = request(
                null,
                new PredictInstance("e1", towards("Bakery", cruising(5, arc(20, true, 30), 200)), true, null),
                new PredictInstance("e2", towards("Library", cruising(5, arc(20, false, 30), 200)), true, null),
                new PredictInstance("e3", towards("Museum", cruising(5, straight(10), 10)), false, null));
        double instancesBefore = batchSizes().totalAmount();
        long batchesBefore = batchSizes().count();

        predict(body)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deployedModelId").value("autopilot"))
                .andExpect(jsonPath("$.modelVersion").value("autopilot:rule"))
                .andExpect(jsonPath("$.predictions.length()").value(3))
                .andExpect(
                        jsonPath("$.predictions[*].targetPoi").value(Matchers.contains("Bakery", "Library", "Museum")))
                .andExpect(jsonPath("$.predictions[0].control.steer", Matchers.lessThan(0.0), Double.class))
                .andExpect(jsonPath("$.predictions[1].control.steer", Matchers.greaterThan(0.0), Double.class))
                .andExpect(jsonPath("$.predictions[2].maneuver").value("stop"));
        assertThat(batchSizes().count()).isEqualTo(batchesBefore + 1);
        assertThat(batchSizes().totalAmount()).isEqualTo(instancesBefore + 3);
        assertThat(meters.get(PredictController.PREDICT_LATENCY)
                        .tag("policy", "autopilot")
                        .timer()
                        .count())
                .isPositive();
    }

    private DistributionSummary batchSizes() {
        return DistributionSummary.builder(PredictController.BATCH_SIZE)
                .tag("policy", "autopilot")
                .register(meters);
    }

    @Test
    void theSameBatchInJsonAndInCborGetsEqualDecisions() throws Exception {
        PredictRequest batch = new PredictRequest(
                List.of(
                        new PredictInstance("j1", towards("Bakery", cruising(5, arc(20, true, 30), 200)), true, null),
                        new PredictInstance("j2", towards("Museum", cruising(5, straight(10), 10)), true, null)),
                new PredictParameters("dreamer"));
        CBORMapper cbor = CBORMapper.builder().build();

        byte[] json = mvc.perform(post("/v1/predict")
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_JSON)
                        .content(Json.mapper().writeValueAsBytes(batch)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        byte[] binary = mvc.perform(post("/v1/predict")
                        .contentType(MediaType.APPLICATION_CBOR)
                        .accept(MediaType.APPLICATION_CBOR)
                        .content(cbor.writeValueAsBytes(batch)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_CBOR))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        assertThat(cbor.readValue(binary, PredictResponse.class))
                .isEqualTo(Json.mapper().readValue(json, PredictResponse.class));
        assertThat(binary.length).isLessThan(json.length);
    }

    @Test
    void rejectsACborBatchWithAnUnknownFieldNamingItInProblemJson() throws Exception {
        CBORMapper cbor = CBORMapper.builder().build();
        ObjectNode body = cbor.valueToTree(new PredictRequest(
                List.of(new PredictInstance("u1", cruising(5, straight(10), 100), true, null)),
                new PredictParameters(null)));
        ((ObjectNode) body.path("instances").path(0)).put("colour", "red");

        mvc.perform(post("/v1/predict")
                        .contentType(MediaType.APPLICATION_CBOR)
                        .accept(MediaType.APPLICATION_CBOR)
                        .content(cbor.writeValueAsBytes(body)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("instances[0].colour"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("unknown field 'colour'")));
    }

    @Test
    void answersWithThePolicyNamedInTheParameters() throws Exception {
        predict(request("random", new PredictInstance("e1", cruising(5, straight(10), 100), true, null)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deployedModelId").value("random"))
                .andExpect(jsonPath("$.modelVersion").value("random:rule"))
                .andExpect(jsonPath("$.predictions.length()").value(1));
    }

    @Test
    void rejectsARequestWithoutInstancesNamingTheInstancesField() throws Exception {
        predict("{\"instances\":[],\"parameters\":{\"policy\":\"autopilot\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("instances"));
    }

    @Test
    void rejectsAnUnknownPolicyNamingTheParametersPolicyField() throws Exception {
        predict(request("teleport", new PredictInstance("e1", cruising(5, straight(10), 100), true, null)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("parameters.policy"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("autopilot, dreamer, random")));
    }

    @Test
    void theAutopilotNarratorDeclaresThePlansManeuverForAnyPolicyAndSaysSo() throws Exception {
        // a junction ahead within the declaration distance: the plan rule says turn_left
        PredictInstance instance =
                new PredictInstance("n1", nearManeuver(Maneuver.TURN_LEFT, 6, 120, straight(20)), true, null);
        String body = Json.mapper()
                .writeValueAsString(
                        new PredictRequest(List.of(instance), new PredictParameters("random", "autopilot")));
        predict(body)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deployedModelId").value("random"))
                .andExpect(jsonPath("$.modelVersion").value("random:rule"))
                .andExpect(jsonPath("$.narrator").value("rule"))
                .andExpect(jsonPath("$.predictions[0].maneuver").value("turn_left"));
    }

    @Test
    void theDocumentedResponseExampleNamesTheBundledCheckpoint() {
        assertThat(Json.mapper()
                        .readTree(PredictController.RESPONSE_EXAMPLE)
                        .get("modelVersion")
                        .asString())
                .isEqualTo(CheckpointLoader.modelVersion(dreamerCheckpoint));
    }

    @Test
    void theBundledDreamerReportsWhatNarratesIt() throws Exception {
        predict(request("dreamer", new PredictInstance("n2", cruising(5, straight(20), 100), true, null)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.narrator").value("head"));
    }

    @Test
    void theDreamerNamesItsLoadedCheckpointAsModelVersionInJsonAndCbor() throws Exception {
        String version = CheckpointLoader.modelVersion(dreamerCheckpoint);
        String body = request("dreamer", new PredictInstance("v1", cruising(5, straight(20), 100), true, null));
        predict(body)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deployedModelId").value("dreamer"))
                .andExpect(jsonPath("$.modelVersion").value(version));
        CBORMapper cbor = CBORMapper.builder().build();
        byte[] binary = mvc.perform(post("/v1/predict")
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_CBOR)
                        .content(body))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(cbor.readValue(binary, PredictResponse.class).modelVersion()).isEqualTo(version);
        assertThat(version).matches("dreamer:\\d+:[0-9a-f]{12}(:t.+)?");
    }

    @Test
    void underTheAutopilotNarratorTheDreamerStillNamesItsCheckpoint() throws Exception {
        PredictInstance instance =
                new PredictInstance("v2", nearManeuver(Maneuver.TURN_LEFT, 6, 120, straight(20)), true, null);
        String body = Json.mapper()
                .writeValueAsString(
                        new PredictRequest(List.of(instance), new PredictParameters("dreamer", "autopilot")));
        predict(body)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.narrator").value("rule"))
                .andExpect(jsonPath("$.modelVersion").value(Matchers.startsWith("dreamer:")));
    }

    @Test
    void rejectsAnUnknownNarratorNamingTheParametersNarratorField() throws Exception {
        String body = "{\"instances\":[],\"parameters\":{\"policy\":\"autopilot\",\"narrator\":\"oracle\"}}";
        predict(body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("parameters.narrator"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("agent, autopilot")));
    }

    @Test
    void reportsHealthWithThePoliciesItServes() throws Exception {
        mvc.perform(get("/v1/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.policies").value(Matchers.contains("autopilot", "dreamer", "random")));
    }

    @Test
    void servesTheBundledDreamerWithACarryThatComesBackAndRejectsABrokenOne() throws Exception {
        String first = mvc.perform(post("/v1/predict")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(request(
                                "dreamer", new PredictInstance("d1", cruising(5, straight(20), 100), true, null))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deployedModelId").value("dreamer"))
                .andExpect(jsonPath("$.predictions[0].carry").isNotEmpty())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String carry = Json.mapper().readTree(first).at("/predictions/0/carry").asString();
        String next = request("dreamer", new PredictInstance("d2", cruising(6, straight(20), 95), false, carry));
        String a = mvc.perform(post("/v1/predict")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(next))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String b = mvc.perform(post("/v1/predict")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(next))
                .andReturn()
                .getResponse()
                .getContentAsString();
        org.assertj.core.api.Assertions.assertThat(a).isEqualTo(b);
        predict(request("dreamer", new PredictInstance("d3", cruising(5, straight(20), 100), false, "AAAA")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("instances[0].carry"));
    }
}
