package dev.drivenotes.reporter.api;

import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.port.ArtifactKeys;
import dev.drivenotes.model.port.ArtifactNotFoundException;
import dev.drivenotes.model.port.ArtifactStore;
import dev.drivenotes.platform.web.NotFoundException;
import dev.drivenotes.reporter.daily.DailyReporter;
import dev.drivenotes.reporter.regression.Regression;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Daily reports: render one on demand ({@code POST /v1/reports/daily:render?date=YYYY-MM-DD}) and
 * read the written ones ({@code GET /v1/reports/daily/YYYY-MM-DD.json|.html}).
 */
@RestController
class DailyReportController {

    private static final MediaType HTML_UTF8 = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    /** What a render wrote. */
    record Rendered(LocalDate date, String jsonUri, String htmlUri, int configurations, List<Regression> regressions) {}

    private final DailyReporter daily;
    private final ArtifactStore artifacts;

    DailyReportController(DailyReporter daily, ArtifactStore artifacts) {
        this.daily = daily;
        this.artifacts = artifacts;
    }

    @PostMapping("/v1/reports/daily:render")
    Rendered render(@RequestParam(name = "date", required = false) String date) {
        DailyReporter.Rendered written = daily.render(date(date));
        return new Rendered(
                written.report().date(),
                written.jsonUri().toString(),
                written.htmlUri().toString(),
                written.report().configurations().size(),
                written.report().regressions());
    }

    @GetMapping("/v1/reports/daily/{date}.json")
    ResponseEntity<byte[]> json(@PathVariable String date) {
        LocalDate day = date(date);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(read(ArtifactKeys.dailyReportJson(day), day));
    }

    @GetMapping("/v1/reports/daily/{date}.html")
    ResponseEntity<byte[]> html(@PathVariable String date) {
        LocalDate day = date(date);
        return ResponseEntity.ok().contentType(HTML_UTF8).body(read(ArtifactKeys.dailyReportHtml(day), day));
    }

    private byte[] read(String key, LocalDate date) {
        try {
            return artifacts.get(artifacts.uriOf(key));
        } catch (ArtifactNotFoundException e) {
            throw new NotFoundException("daily report", date.toString());
        }
    }

    /** A UTC date as experiments may carry it ({@link ExperimentConfig#MIN_DAY}..{@link ExperimentConfig#MAX_DAY}). */
    static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("date", "is required (YYYY-MM-DD)");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("date", "must be a date YYYY-MM-DD, was '" + text + "'");
        }
        return ExperimentConfig.checkDay("date", date);
    }
}
