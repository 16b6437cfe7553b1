package dev.drivenotes.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.platform.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CompareCommandTest {

    private static JsonNode report(String metrics) {
        return Json.mapper().readTree("{\"metrics\": " + metrics + "}");
    }

    @Test
    void readsEachFieldsAccuracyCountAndIntervalFromTheReportsMetrics() {
        JsonNode report = report("""
                {"actionAccuracy": 0.5, "actionAccuracyInterval": {"low": 0.3, "high": 0.7, "n": 20},
                 "locationAccuracy": 0.9, "locationAccuracyInterval": {"low": 0.7, "high": 0.97, "n": 20},
                 "destinationAccuracy": 0.25, "destinationAccuracyInterval": {"low": 0.1, "high": 0.5, "n": 20},
                 "locationErrorM": 0.61, "locationErrorMInterval": {"low": 0.5, "high": 0.74, "n": 20}}""");

        Map<String, Object> row = CompareCommand.row("random", "x9", report);

        assertThat(row.get("action")).isEqualTo(Map.of("accuracy", 0.5, "n", 20, "low", 0.3, "high", 0.7));
        assertThat(row.get("destination")).isEqualTo(Map.of("accuracy", 0.25, "n", 20, "low", 0.1, "high", 0.5));
        assertThat(CompareCommand.table(List.of(row)))
                .contains("random")
                .contains("0.500 [0.300, 0.700] n=20")
                .contains("0.900 [0.700, 0.970] n=20")
                .contains("0.61 [0.50, 0.74] n=20");
        assertThat(row.get("locationErrorM")).isEqualTo(Map.of("mean", 0.61, "n", 20, "low", 0.5, "high", 0.74));
    }

    @Test
    void anAgentWithoutNotesShowsNoNotesAndACountOfZero() {
        JsonNode report = report("""
                {"actionAccuracy": null, "actionAccuracyInterval": null, "locationAccuracy": null,
                 "destinationAccuracy": null}""");

        Map<String, Object> row = CompareCommand.row("random", "x9", report);

        assertThat(((Map<?, ?>) row.get("location")).get("n")).isEqualTo(0);
        assertThat(((Map<?, ?>) row.get("locationErrorM")).get("mean")).isNull();
        assertThat(CompareCommand.table(List.of(row))).contains("no notes");
    }
}
