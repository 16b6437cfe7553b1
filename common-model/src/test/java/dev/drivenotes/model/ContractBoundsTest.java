package dev.drivenotes.model;

import static dev.drivenotes.model.testing.ObservationBuilder.observation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.policy.PredictInstance;
import dev.drivenotes.model.policy.PredictParameters;
import dev.drivenotes.model.policy.PredictRequest;
import dev.drivenotes.model.sim.CreateSimulationRequest;
import dev.drivenotes.model.sim.Observation;
import dev.drivenotes.model.sim.RouteSpec;
import dev.drivenotes.model.testing.ExperimentConfigBuilder;
import java.util.Collections;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every string and collection a client sends is bounded; over the bound is an error naming the field. */
class ContractBoundsTest {

    private static void rejects(String field, ThrowingCallable build) {
        assertThatThrownBy(build).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).hasSizeLessThan(200);
        });
    }

    private static ExperimentConfig config(String map, String weather, List<RouteSpec> routes) {
        return ExperimentConfigBuilder.experiment("x")
                .map(map)
                .episodes(1)
                .routes(routes)
                .weather(weather)
                .build();
    }

    @Test
    void weatherIsAPresetNameOfBoundedLength() {
        assertThat(config(null, "HardRainNight", null).weather()).isEqualTo("HardRainNight");
        assertThat(config(null, null, null).weather()).isEqualTo("ClearNoon");
        rejects("weather", () -> config(null, "W" + "a".repeat(CreateSimulationRequest.MAX_WEATHER_CHARS), null));
        rejects("weather", () -> config(null, "Clear Noon; rm -rf", null));
    }

    @Test
    void mapReferenceIsBounded() {
        String longest = "m".repeat(CreateSimulationRequest.MAX_MAP_CHARS);
        assertThat(config(longest, null, null).map()).isEqualTo(longest);
        rejects("map", () -> config(longest + "m", null, null));
    }

    @Test
    void routesAndPlaceNamesAreBounded() {
        RouteSpec route = new RouteSpec("City Hall", "Museum");
        assertThat(config(null, null, Collections.nCopies(ExperimentConfig.MAX_ROUTES, route))
                        .routes())
                .hasSize(ExperimentConfig.MAX_ROUTES);
        rejects("routes", () -> config(null, null, Collections.nCopies(ExperimentConfig.MAX_ROUTES + 1, route)));
        rejects("from", () -> new RouteSpec("p".repeat(RouteSpec.MAX_PLACE_CHARS + 1), "Museum"));
        rejects("to", () -> new RouteSpec("City Hall", "p".repeat(RouteSpec.MAX_PLACE_CHARS + 1)));
    }

    @Test
    void predictRequestsAreBounded() {
        Observation obs = observation().build();
        PredictInstance instance = new PredictInstance("s", obs, true, null);
        assertThat(new PredictRequest(Collections.nCopies(PredictRequest.MAX_INSTANCES, instance), null).instances())
                .hasSize(PredictRequest.MAX_INSTANCES);
        rejects(
                "instances",
                () -> new PredictRequest(Collections.nCopies(PredictRequest.MAX_INSTANCES + 1, instance), null));
        rejects(
                "sessionId",
                () -> new PredictInstance("s".repeat(PredictInstance.MAX_SESSION_ID_CHARS + 1), obs, true, null));
        rejects("carry", () -> new PredictInstance("s", obs, true, "c".repeat(PredictInstance.MAX_CARRY_CHARS + 1)));
        rejects("policy", () -> new PredictParameters("p".repeat(PredictParameters.MAX_POLICY_CHARS + 1)));
    }
}
