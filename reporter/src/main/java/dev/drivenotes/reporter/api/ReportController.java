package dev.drivenotes.reporter.api;

import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.port.ArtifactKeys;
import dev.drivenotes.model.port.ArtifactNotFoundException;
import dev.drivenotes.model.port.ArtifactStore;
import dev.drivenotes.platform.web.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves the experiment reports from the artifact store. */
@RestController
@RequestMapping("/v1/reports/{experimentId}")
class ReportController {

    private static final MediaType HTML_UTF8 = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final ArtifactStore artifacts;

    ReportController(ArtifactStore artifacts) {
        this.artifacts = artifacts;
    }

    @GetMapping("/report.json")
    ResponseEntity<byte[]> json(@PathVariable String experimentId) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(read(key(ArtifactKeys::reportJson, experimentId), experimentId));
    }

    @GetMapping("/report.html")
    ResponseEntity<byte[]> html(@PathVariable String experimentId) {
        return ResponseEntity.ok()
                .contentType(HTML_UTF8)
                .body(read(key(ArtifactKeys::reportHtml, experimentId), experimentId));
    }

    private byte[] read(String key, String experimentId) {
        try {
            return artifacts.get(artifacts.uriOf(key));
        } catch (ArtifactNotFoundException e) {
            throw new NotFoundException("report", experimentId);
        }
    }

    /** The report's key, or a 400 naming {@code experimentId} when it is no safe key segment. */
    private static String key(Function<String, String> keyOf, String experimentId) {
        try {
            return keyOf.apply(experimentId);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("experimentId", e.reason());
        }
    }
}
