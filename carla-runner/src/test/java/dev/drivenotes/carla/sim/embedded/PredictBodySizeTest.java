package dev.drivenotes.carla.sim.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.carla.episode.PurePursuitDriver;
import dev.drivenotes.carla.episode.RouteChooser;
import dev.drivenotes.carla.map.LoadedMap;
import dev.drivenotes.carla.map.TestMaps;
import dev.drivenotes.carla.town.TownGenerator;
import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.policy.PredictInstance;
import dev.drivenotes.model.policy.PredictParameters;
import dev.drivenotes.model.policy.PredictRequest;
import dev.drivenotes.model.policy.PredictResponse;
import dev.drivenotes.model.sim.CreateSimulationRequest;
import dev.drivenotes.model.sim.Observation;
import dev.drivenotes.platform.json.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * Bytes of one batched predict call, JSON against CBOR, for a typical tick: eight episodes of the
 * generated town, 20 NPCs each, 100 steps in (seeds 1 to 8, driven by pure pursuit), with and without
 * the 64 px bird's-eye raster. Deterministic (same seeds, same code); the figures it prints are the
 * ones docs/benchmarks.md quotes.
 */
class PredictBodySizeTest {

    private static final int EPISODES = 8;
    private static final int STEPS = 100;

    @TempDir
    static Path dir;

    static LoadedMap town;

    @BeforeAll
    static void loadTown() {
        town = TestMaps.defaultTown(dir);
    }

    /** The observations of eight episodes after {@link #STEPS} steps. */
    private static List<Observation> tick(int birdEyePx) {
        List<Observation> observations = new ArrayList<>();
        for (long seed = 1; seed <= EPISODES; seed++) {
            CreateSimulationRequest request = new CreateSimulationRequest(
                    TownGenerator.DEFAULT_TOWN, seed, null, 6000, 20, 0.5, 0, 0.05, null, birdEyePx, null);
            Simulation sim = new Simulation("sim-" + seed, request, town, RouteChooser.choose(town, seed, null));
            for (int step = 0; step < STEPS && !sim.state().done(); step++) {
                sim.step(PurePursuitDriver.drive(sim.state().observation()));
            }
            observations.add(sim.state().observation());
        }
        return observations;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 64})
    void cborCarriesAPredictBatchInFewerBytesThanJson(int birdEyePx) {
        List<Observation> observations = tick(birdEyePx);
        List<PredictInstance> instances = new ArrayList<>();
        List<Decision> decisions = new ArrayList<>();
        for (int i = 0; i < observations.size(); i++) {
            Observation o = observations.get(i);
            instances.add(new PredictInstance("exp-20260101-000000-1a2b3c4d-e" + i, o, false, null));
            decisions.add(new Decision(PurePursuitDriver.drive(o), o.nextManeuver(), 0.87, o.nextPoi(), null));
        }
        PredictRequest request = new PredictRequest(instances, new PredictParameters("autopilot"));
        PredictResponse response = new PredictResponse(decisions, "autopilot");
        CBORMapper cbor = CBORMapper.builder().build();

        int requestJson = Json.mapper().writeValueAsBytes(request).length;
        int requestCbor = cbor.writeValueAsBytes(request).length;
        int responseJson = Json.mapper().writeValueAsBytes(response).length;
        int responseCbor = cbor.writeValueAsBytes(response).length;
        System.out.printf(
                "predict batch of %d, raster %d px: request JSON %d B, CBOR %d B (%.2f); response JSON %d B, CBOR %d B (%.2f)%n",
                EPISODES,
                birdEyePx,
                requestJson,
                requestCbor,
                (double) requestCbor / requestJson,
                responseJson,
                responseCbor,
                (double) responseCbor / responseJson);

        assertThat(cbor.readValue(cbor.writeValueAsBytes(request), PredictRequest.class))
                .isEqualTo(request);
        assertThat(requestCbor).isLessThan(requestJson);
        assertThat(responseCbor).isLessThan(responseJson);
        if (birdEyePx > 0) {
            // base64 alone makes the raster 4/3 as large in JSON
            assertThat((double) requestCbor).isLessThan(0.8 * requestJson);
        }
    }
}
