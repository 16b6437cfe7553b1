package dev.drivenotes.orchestrator.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.orchestrator.experiment.Experiment;
import dev.drivenotes.orchestrator.experiment.ExperimentService;
import dev.drivenotes.platform.web.NotFoundException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ScheduleServiceTest {

    private static final Instant MORNING = Instant.parse("2026-11-24T06:00:00Z");

    @TempDir
    Path folder;

    private final ExperimentService experiments = mock(ExperimentService.class);
    private final AtomicInteger started = new AtomicInteger();

    private ScheduleService service(Instant now) {
        return new ScheduleService(
                new ScheduleProperties(Map.of("daily", ExperimentConfig.of("daily", 2)), null, null),
                new LocalScheduleRuns(folder),
                experiments,
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private void experimentsStart() {
        when(experiments.submitOnce(any(), any())).thenAnswer(call -> {
            started.incrementAndGet();
            return new ExperimentService.Submitted(
                    Experiment.accepted(
                            call.getArgument(0, String.class), call.getArgument(1, ExperimentConfig.class), MORNING),
                    true);
        });
    }

    @Test
    void definitionsBindFromPropertiesAndKeepTheirConditionsForEachDate() {
        ScheduleProperties props = new Binder(new MapConfigurationPropertySource(Map.of(
                        "drivenotes.schedules.definitions.bev.name", "bev",
                        "drivenotes.schedules.definitions.bev.episodes", "2",
                        "drivenotes.schedules.definitions.bev.agent", "dreamer",
                        "drivenotes.schedules.definitions.bev.bird-eye-size-px", "64",
                        "drivenotes.schedules.definitions.bev.gnss-dropout-rate", "0.2",
                        "drivenotes.schedules.definitions.bev.npc-aggressiveness", "0.9",
                        "drivenotes.schedules.definitions.bev.narrator", "autopilot",
                        "drivenotes.schedules.definitions.plain.name", "plain",
                        "drivenotes.schedules.definitions.plain.episodes", "1")))
                .bind("drivenotes.schedules", ScheduleProperties.class)
                .get();
        assertThat(props.definitions().get("plain").birdEyeSizePx()).isZero();
        ExperimentConfig bev = props.definitions().get("bev");
        assertThat(bev.birdEyeSizePx()).isEqualTo(64);
        ExperimentConfig dated = ScheduleService.forDate(bev, java.time.LocalDate.of(2026, 11, 24));
        assertThat(dated.birdEyeSizePx()).isEqualTo(64);
        assertThat(dated.gnssDropoutRate()).isEqualTo(0.2);
        assertThat(dated.npcAggressiveness()).isEqualTo(0.9);
        assertThat(dated.narrator()).isEqualTo("autopilot");
    }

    @Test
    void retriedTriggerOnTheSameDayStartsNoSecondExperiment() {
        experimentsStart();
        ScheduleService.Triggered first = service(MORNING).trigger("daily");
        ScheduleService.Triggered retry = service(MORNING.plusSeconds(90)).trigger("daily");

        assertThat(first.started()).isTrue();
        assertThat(retry.started()).isFalse();
        assertThat(retry.run().experimentId())
                .isEqualTo(first.run().experimentId())
                .isEqualTo("sched-daily-20261124");
        verify(experiments, times(1)).submitOnce(any(), any());
    }

    @Test
    void nextDayStartsANewExperimentNamedForItsDate() {
        experimentsStart();
        service(MORNING).trigger("daily");
        ScheduleService.Triggered tomorrow =
                service(MORNING.plusSeconds(86_400)).trigger("daily");

        assertThat(tomorrow.started()).isTrue();
        assertThat(tomorrow.run().experimentId()).isEqualTo("sched-daily-20261125");
        assertThat(started).hasValue(2);
        assertThat(ScheduleService.forDate(
                                ExperimentConfig.of("daily", 2), tomorrow.run().date())
                        .name())
                .isEqualTo("daily-2026-11-25");
    }

    @Test
    void theScheduledExperimentCountsForTheScheduleDate() {
        experimentsStart();

        ScheduleService.Triggered triggered = service(MORNING).trigger("daily");

        assertThat(triggered.run().date()).isEqualTo(LocalDate.parse("2026-11-24"));
        verify(experiments)
                .submitOnce(any(), argThat(config -> triggered.run().date().equals(config.day())));
    }

    @Test
    void failedStartReleasesTheSlotSoARetryCanStartIt() {
        when(experiments.submitOnce(any(), any()))
                .thenThrow(new InvalidInputException("map", "no such map"))
                .thenAnswer(call -> new ExperimentService.Submitted(
                        Experiment.accepted(call.getArgument(0), call.getArgument(1), MORNING), true));

        assertThatThrownBy(() -> service(MORNING).trigger("daily")).isInstanceOf(InvalidInputException.class);
        ScheduleService.Triggered retry = service(MORNING.plusSeconds(60)).trigger("daily");

        assertThat(retry.started()).isTrue();
        assertThat(retry.run().experimentId()).isEqualTo("sched-daily-20261124");
    }

    @Test
    void unknownScheduleIsNotFound() {
        assertThatThrownBy(() -> service(MORNING).trigger("weekly")).isInstanceOf(NotFoundException.class);
    }
}
