package dev.drivenotes.orchestrator.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.experiment.Condition;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.orchestrator.experiment.Experiment;
import dev.drivenotes.orchestrator.experiment.ExperimentService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ByteArrayResource;

class ScheduleMatrixTest {

    private static final Instant MORNING = Instant.parse("2026-12-02T06:00:00Z");

    @TempDir
    Path folder;

    private final ExperimentService experiments = mock(ExperimentService.class);
    /** Every id submitted, in order; the ids that existed already answer created = false. */
    private final List<String> submitted = new ArrayList<>();

    private final Set<String> existing = new HashSet<>();

    private static ScheduleProperties fromYaml(String yaml) throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        for (PropertySource<?> s : new YamlPropertySourceLoader()
                .load("test.yaml", new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)))) {
            env.getPropertySources().addLast(s);
        }
        return Binder.get(env)
                .bind("drivenotes.schedules", ScheduleProperties.class)
                .get();
    }

    private ScheduleService service(ScheduleProperties properties, Instant now) {
        return new ScheduleService(
                properties, new LocalScheduleRuns(folder), experiments, Clock.fixed(now, ZoneOffset.UTC));
    }

    private void experimentsStart(int failOnCall) {
        AtomicInteger calls = new AtomicInteger();
        when(experiments.submitOnce(any(), any())).thenAnswer(call -> {
            if (calls.incrementAndGet() == failOnCall) {
                throw new IllegalStateException("store unavailable");
            }
            String id = call.getArgument(0, String.class);
            submitted.add(id);
            boolean created = existing.add(id);
            return new ExperimentService.Submitted(
                    Experiment.accepted(id, call.getArgument(1, ExperimentConfig.class), MORNING), created);
        });
    }

    @Test
    void theShippedDailyScheduleIsTheMatrixOfTwoAgentsTwoConditionsAndTwoGeneratedTowns() {
        ScheduleMatrix daily = ShippedSchedules.load().matrices().get("daily");

        List<ScheduleMatrix.Cell> cells = daily.cells();

        assertThat(cells).hasSize(8);
        assertThat(cells).extracting(c -> c.config().agent()).containsOnly("dreamer", "autopilot");
        assertThat(cells).extracting(c -> c.config().map()).containsOnly("default-town", "grid-town-2");
        assertThat(cells).extracting(c -> c.config().gnssNoiseM()).containsOnly(0.0, 5.0);
        assertThat(cells).allSatisfy(c -> assertThat(c.config().npcCount()).isEqualTo(20));
        assertThat(cells)
                .extracting(c -> Condition.of(c.config()))
                .containsOnly("gnss0m-drop0-npc20-aggr0.5-dt0.05", "gnss5m-drop0-npc20-aggr0.5-dt0.05");
        assertThat(cells)
                .extracting(ScheduleMatrix.Cell::name)
                .doesNotHaveDuplicates()
                .contains("dreamer-gnss5m-grid-town-2");
    }

    @Test
    void aMatrixBindsFromYamlWithEachConditionsSettings() throws IOException {
        ScheduleProperties props = fromYaml("""
                drivenotes.schedules.matrices.nightly:
                  base: {name: nightly, episodes: 3, seed: 900}
                  agents: [random]
                  maps: [/maps/Town01.xodr]
                  conditions:
                    rush:
                      npc-count: 60
                      npc-aggressiveness: 0.9
                      fixed-delta-seconds: 0.1
                      gnss-dropout-rate: 0.2
                    detours:
                      missed-turn-rate: 0.3
                """);

        List<ScheduleMatrix.Cell> cells = props.matrices().get("nightly").cells();
        assertThat(cells)
                .extracting(ScheduleMatrix.Cell::name)
                .containsExactly("random-detours-town01", "random-rush-town01");
        assertThat(Condition.of(cells.getFirst().config())).isEqualTo("gnss1m-drop0-npc0-aggr0.5-dt0.05-miss0.3");
        ScheduleMatrix.Cell cell = cells.get(1);

        assertThat(cell.name()).isEqualTo("random-rush-town01");
        assertThat(cell.config().name()).isEqualTo("nightly-random-rush-town01");
        assertThat(cell.config().episodes()).isEqualTo(3);
        assertThat(cell.config().seed()).isEqualTo(900);
        assertThat(cell.config().map()).isEqualTo("/maps/Town01.xodr");
        assertThat(Condition.of(cell.config())).isEqualTo("gnss1m-drop0.2-npc60-aggr0.9-dt0.1");
    }

    @Test
    void aBadCellIsRefusedWhenTheScheduleBindsNamingItsField() {
        assertThatThrownBy(() -> fromYaml("""
                        drivenotes.schedules.matrices.bad:
                          base: {name: bad, episodes: 1}
                          agents: [chauffeur]
                          maps: [default-town]
                          conditions: {clean: {gnss-noise-m: 0}}
                        """))
                .hasRootCauseInstanceOf(InvalidInputException.class)
                .rootCause()
                .hasMessageContaining("chauffeur");
    }

    @Test
    void oneTriggerStartsEveryCellOnceAndARetryOnTheSameDayStartsNothing() {
        experimentsStart(-1);
        ScheduleProperties props = ShippedSchedules.load();

        ScheduleService.Triggered first = service(props, MORNING).trigger("daily");
        ScheduleService.Triggered retry =
                service(props, MORNING.plusSeconds(90)).trigger("daily");

        assertThat(first.started()).isTrue();
        assertThat(first.experimentIds()).hasSize(8).doesNotHaveDuplicates();
        assertThat(first.experimentIds())
                .allSatisfy(id -> assertThat(id).startsWith("sched-daily-").endsWith("-20261202"));
        assertThat(submitted).containsExactlyElementsOf(first.experimentIds());
        assertThat(retry.started()).isFalse();
        assertThat(retry.run().experimentId()).isEqualTo(first.run().experimentId());

        service(props, MORNING.plusSeconds(86_400)).trigger("daily");
        assertThat(submitted).hasSize(16);
        assertThat(submitted.subList(8, 16)).allSatisfy(id -> assertThat(id).endsWith("-20261203"));
    }

    @Test
    void aTriggerThatFailsHalfwayIsRetriedAndEveryCellExistsOnce() {
        experimentsStart(3);
        ScheduleProperties props = ShippedSchedules.load();

        assertThatThrownBy(() -> service(props, MORNING).trigger("daily")).isInstanceOf(IllegalStateException.class);
        ScheduleService.Triggered retried =
                service(props, MORNING.plusSeconds(60)).trigger("daily");

        assertThat(retried.started())
                .as("the retry created the cells the first call did not")
                .isTrue();
        assertThat(existing).hasSize(8).containsExactlyInAnyOrderElementsOf(retried.experimentIds());
        assertThat(submitted).hasSize(10);
    }
}
