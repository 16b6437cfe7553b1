package dev.drivenotes.orchestrator.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.experiment.Condition;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.ExperimentPage;
import dev.drivenotes.model.experiment.ExperimentView;
import dev.drivenotes.model.testing.ExperimentConfigBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperimentQueryTest {

    private static final Instant T0 = Instant.parse("2026-11-24T06:00:00Z");

    /**
     * 30 experiments, one a minute from T0 (two share the last minute); every third is random's and
     * failed; the last ten drove with 5 m of GNSS noise.
     */
    private static List<Experiment> experiments() {
        List<Experiment> all = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String agent = i % 3 == 0 ? "random" : "autopilot";
            ExperimentConfig config = ExperimentConfigBuilder.experiment("e" + i)
                    .map(i < 10 ? "maps/a.xodr" : null)
                    .agent(agent)
                    .episodes(1)
                    .gnssNoiseM(i >= 20 ? 5.0 : null)
                    .build();
            Instant at = T0.plusSeconds(60L * Math.min(i, 28));
            Experiment e = Experiment.accepted(String.format("exp-%02d", i), config, at);
            all.add(i % 3 == 0 ? e.failed("boom", at) : e);
        }
        return all;
    }

    private static ExperimentPage page(Map<String, String> parameters) {
        Map<String, List<String>> query = new HashMap<>();
        parameters.forEach((k, v) -> query.put(k, List.of(v)));
        return ExperimentQuery.parse(query).page(experiments());
    }

    private static List<String> ids(ExperimentPage page) {
        return page.experiments().stream().map(ExperimentView::id).toList();
    }

    @Test
    void firstPageIsTheNewestTwentyWithATokenForTheRest() {
        ExperimentPage first = page(Map.of());

        assertThat(ids(first)).hasSize(ExperimentQuery.DEFAULT_LIMIT).startsWith("exp-29", "exp-28", "exp-27");
        assertThat(first.nextPageToken()).isNotBlank();
    }

    @Test
    void pagesWalkEveryExperimentOnceNewestFirst() {
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            Map<String, String> parameters = new HashMap<>(Map.of("limit", "7"));
            if (token != null) {
                parameters.put("pageToken", token);
            }
            ExperimentPage page = page(parameters);
            assertThat(page.experiments()).hasSizeLessThanOrEqualTo(7);
            seen.addAll(ids(page));
            token = page.nextPageToken();
        } while (token != null);

        List<String> expected = experiments().stream()
                .sorted(ExperimentQuery.NEWEST_FIRST)
                .map(Experiment::id)
                .toList();
        assertThat(seen).isEqualTo(expected).doesNotHaveDuplicates().hasSize(30);
    }

    @Test
    void filtersByStatusAgentMapAndCreationTime() {
        assertThat(ids(page(Map.of("status", "failed", "limit", "100"))))
                .hasSize(10)
                .allSatisfy(
                        id -> assertThat(Integer.parseInt(id.substring(4)) % 3).isZero());
        assertThat(ids(page(Map.of("agent", "autopilot", "map", "maps/a.xodr"))))
                .containsExactly("exp-08", "exp-07", "exp-05", "exp-04", "exp-02", "exp-01");
        assertThat(ids(page(Map.of(
                        "createdFrom",
                        T0.plusSeconds(60).toString(),
                        "createdTo",
                        T0.plusSeconds(180).toString()))))
                .containsExactly("exp-02", "exp-01");
        assertThat(ids(page(Map.of("createdFrom", "2026-11-25")))).isEmpty();
    }

    @Test
    void filtersByCondition() {
        assertThat(ids(page(Map.of("condition", "gnss5m-drop0-npc0-aggr0.5-dt0.05"))))
                .hasSize(10)
                .allSatisfy(id -> assertThat(Integer.parseInt(id.substring(4))).isGreaterThanOrEqualTo(20));
        assertThat(ids(page(Map.of("condition", Condition.DEFAULT, "limit", "100"))))
                .hasSize(20);
        assertThat(ids(page(Map.of("condition", "gnss9m-drop0-npc0-aggr0.5-dt0.05"))))
                .isEmpty();
    }

    @Test
    void rejectsBadParametersNamingThem() {
        Map<String, String> bad = Map.of(
                "limit", "0",
                "status", "SLEEPING",
                "agent", "nobody",
                "createdFrom", "yesterday",
                "pageToken", "bm9wZQ",
                "colour", "red");
        bad.forEach((name, value) -> assertThatThrownBy(() -> page(Map.of(name, value)))
                .as(name + "=" + value)
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(name)));
        assertThatThrownBy(() -> page(Map.of("limit", String.valueOf(ExperimentQuery.MAX_LIMIT + 1))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("limit"));
        assertThatThrownBy(() -> page(Map.of("createdFrom", "2026-11-25", "createdTo", "2026-11-24")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("createdTo"));
        assertThatThrownBy(() -> ExperimentQuery.parse(Map.of("status", List.of("FAILED", "RUNNING"))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("status"));
    }
}
