package dev.drivenotes.reporter.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.drivenotes.model.event.ExperimentCompleted;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.port.ArtifactStore;
import dev.drivenotes.platform.events.EventTelemetry;
import dev.drivenotes.platform.web.ProblemDetailsAdvice;
import dev.drivenotes.reporter.announce.Announcer;
import dev.drivenotes.reporter.daily.DailyReporter;
import dev.drivenotes.reporter.note.DrivingMetrics;
import dev.drivenotes.reporter.note.NoteMetrics;
import dev.drivenotes.reporter.note.Scorecard;
import dev.drivenotes.reporter.report.TestReporters;
import dev.drivenotes.reporter.store.DuckDbMetricsSink;
import dev.drivenotes.reporter.store.MetricsSink;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(DailyReportController.class)
@Import({ProblemDetailsAdvice.class, LocalAdapters.class, DailyReportApiTest.Daily.class})
class DailyReportApiTest {

    private static final Instant NOW = Instant.parse("2026-01-09T08:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    static class Daily {
        @Bean
        DailyReporter dailyReporter(DuckDbMetricsSink sink, ArtifactStore artifacts) {
            Announcer announcer =
                    new Announcer(event -> CompletableFuture.completedFuture(null), EventTelemetry.none());
            return TestReporters.daily(
                    sink, artifacts, announcer, Clock.fixed(NOW, ZoneOffset.UTC), TestReporters.RULE);
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    MetricsSink sink;

    @Test
    void rendersADayOnDemandAndServesItAfterwards() throws Exception {
        ExperimentConfig config = ExperimentConfig.of("daily", 1).withDay(LocalDate.parse("2026-01-08"));
        Scorecard card = new Scorecard(
                new NoteMetrics(4, 0.75, 1, 1, 0.75, 1, 0.8, List.of()), new DrivingMetrics(1, 1, 0, 0, 0, 5, 1));
        sink.recordCompleted(new ExperimentCompleted("x1", config, List.of(), null), NOW, card);

        mvc.perform(post("/v1/reports/daily:render").param("date", "2026-01-08"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.date").value("2026-01-08"))
                .andExpect(jsonPath("$.jsonUri").value(org.hamcrest.Matchers.endsWith("reports/daily/2026-01-08.json")))
                .andExpect(jsonPath("$.configurations").value(1))
                .andExpect(jsonPath("$.regressions").isEmpty());

        mvc.perform(get("/v1/reports/daily/2026-01-08.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.configurations[0].experiments[0].experimentId")
                        .value("x1"))
                .andExpect(jsonPath("$.configurations[0].experiments[0].figures.locationAccuracy")
                        .value(0.75));
        String html = mvc.perform(get("/v1/reports/daily/2026-01-08.html"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("DriveNotes daily report: 2026-01-08")
                .as("links the experiment's report, which lies beside the daily folder")
                .contains("<a href=\"../x1/report.html\">daily</a>")
                .contains("2026-01-09 08:00:00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2026-02-30", "1999-12-31"})
    void aBadDateIsAProblemNamingTheDateField(String date) throws Exception {
        mvc.perform(post("/v1/reports/daily:render").param("date", date))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("date"))
                .andExpect(jsonPath("$.title").value("Invalid request"));
    }

    @Test
    void aMissingDateOrAnUnwrittenDayAreProblemsToo() throws Exception {
        mvc.perform(post("/v1/reports/daily:render"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("date"));
        mvc.perform(get("/v1/reports/daily/2030-01-01.html")).andExpect(status().isNotFound());
        mvc.perform(get("/v1/reports/daily/not-a-date.json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("date"));
    }
}
