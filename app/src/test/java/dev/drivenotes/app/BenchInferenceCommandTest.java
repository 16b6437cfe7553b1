package dev.drivenotes.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.platform.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

class BenchInferenceCommandTest {

    @Test
    void printsOneJsonEntryPerBatchSizeWithTheImplementationAndItsTimings() {
        StringWriter out = new StringWriter();
        int code = new CommandLine(new BenchInferenceCommand())
                .setOut(new PrintWriter(out, true))
                .execute("--json", "--batch", "1,4", "--iterations", "12");
        assertThat(code).isZero();

        JsonNode batches = Json.mapper().readTree(out.toString()).get("batches");
        assertThat(batches).hasSize(2);
        List<Integer> sizes = new ArrayList<>();
        for (JsonNode b : batches) {
            List<String> keys = new ArrayList<>();
            b.propertyNames().forEach(keys::add);
            assertThat(keys).containsExactlyInAnyOrder("batch", "engine", "calls", "p50Ms", "p99Ms", "obsPerSecond");
            sizes.add(b.get("batch").asInt());
            assertThat(b.get("engine").asString()).isEqualTo("java");
            assertThat(b.get("calls").asInt()).isEqualTo(12);
            double p50 = b.get("p50Ms").asDouble();
            double p99 = b.get("p99Ms").asDouble();
            double obsPerSecond = b.get("obsPerSecond").asDouble();
            assertThat(p50).isPositive().isLessThanOrEqualTo(p99);
            assertThat(obsPerSecond).isPositive().isFinite();
            // the mean latency the throughput implies: at least half the median
            assertThat(b.get("batch").asInt() / obsPerSecond * 1000).isGreaterThanOrEqualTo(p50 / 2);
        }
        assertThat(sizes).containsExactly(1, 4);
    }
}
