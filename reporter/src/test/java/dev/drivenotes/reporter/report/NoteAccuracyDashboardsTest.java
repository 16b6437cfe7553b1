package dev.drivenotes.reporter.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.platform.json.Json;
import dev.drivenotes.reporter.note.NoteMetrics;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The note accuracy panels of the Grafana dashboard (deploy/grafana) and of its Cloud Monitoring copy
 * (terraform/dashboards) against the tags {@link NoteAccuracyGauges} exports: the same queries in
 * both, a panel sliced by condition, and no label the gauge does not carry. (EndToEndTest scrapes the
 * running services for every series the dashboards name.)
 */
class NoteAccuracyDashboardsTest {

    private static final Path GRAFANA = Path.of("../deploy/grafana/dashboards/drivenotes.json");
    private static final Path CLOUD_MONITORING = Path.of("../terraform/dashboards/drivenotes.json");
    private static final String SERIES = NoteAccuracyGauges.NAME.replace('.', '_');
    private static final Pattern BY = Pattern.compile("\\bby \\(([^)]*)\\)");

    /** One panel: its title and its queries. */
    private record Panel(String title, List<String> queries) {}

    /** The panels of a dashboard: Grafana's {@code panels[]}, Cloud Monitoring's {@code tiles[].widget}. */
    private static List<Panel> panels(List<JsonNode> panels, String query) {
        return panels.stream()
                .map(p -> new Panel(
                        p.get("title").asString(),
                        p.findValues(query).stream().map(JsonNode::asString).toList()))
                .toList();
    }

    private static List<Panel> grafana() {
        JsonNode root = Json.mapper().readTree(GRAFANA.toFile());
        return panels(root.get("panels").valueStream().toList(), "expr");
    }

    private static List<Panel> cloudMonitoring() {
        JsonNode root = Json.mapper().readTree(CLOUD_MONITORING.toFile());
        List<JsonNode> widgets = root.get("mosaicLayout")
                .get("tiles")
                .valueStream()
                .map(t -> t.get("widget"))
                .toList();
        return panels(widgets, "prometheusQuery");
    }

    /** The tags the gauge carries (Micrometer's names are Prometheus' label names here). */
    private static Set<String> gaugeTags() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        new NoteAccuracyGauges(meters)
                .record(
                        "exp-a",
                        "gnss5m-drop0-npc20-aggr0.5-dt0.05",
                        new NoteMetrics(1, 1, 1, 1, 1, 1, 0.9, List.of()));
        return meters.get(NoteAccuracyGauges.NAME).gauges().stream()
                .flatMap(g -> g.getId().getTags().stream())
                .map(Tag::getKey)
                .collect(Collectors.toSet());
    }

    @Test
    void bothDashboardsShowTheSamePanelsWithTheSameQueries() {
        assertThat(cloudMonitoring()).isNotEmpty().containsExactlyInAnyOrderElementsOf(grafana());
    }

    @Test
    void aPanelShowsNoteAccuracyByConditionAndKind() {
        for (List<Panel> dashboard : List.of(grafana(), cloudMonitoring())) {
            assertThat(dashboard)
                    .filteredOn(p -> p.title().equals("Note accuracy by condition"))
                    .singleElement()
                    .satisfies(p -> assertThat(p.queries())
                            .singleElement()
                            .satisfies(q -> assertThat(grouping(q)).containsExactlyInAnyOrder("condition", "kind")));
        }
    }

    @Test
    void theNoteAccuracyQueriesGroupOnlyByTagsTheGaugeCarries() {
        Set<String> tags = gaugeTags();
        assertThat(tags).contains("experiment", "condition", "kind");
        List<String> queries = new ArrayList<>();
        for (List<Panel> dashboard : List.of(grafana(), cloudMonitoring())) {
            dashboard.forEach(p -> queries.addAll(p.queries()));
        }
        List<String> accuracy = queries.stream().filter(q -> q.contains(SERIES)).toList();
        assertThat(accuracy).as("two panels in each dashboard").hasSize(4);
        assertThat(accuracy).allSatisfy(q -> assertThat(tags).containsAll(grouping(q)));
    }

    /** The labels of a query's {@code by (...)} clauses. */
    private static Set<String> grouping(String query) {
        Matcher by = BY.matcher(query);
        Set<String> labels = new TreeSet<>();
        while (by.find()) {
            Arrays.stream(by.group(1).split(",")).map(String::strip).forEach(labels::add);
        }
        return labels;
    }
}
