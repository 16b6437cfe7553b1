package dev.drivenotes.orchestrator.clients;

import dev.drivenotes.model.Require;
import dev.drivenotes.platform.PlatformProperties;
import dev.drivenotes.platform.remote.RemoteServiceException;
import dev.drivenotes.platform.remote.ServiceCalls;
import dev.drivenotes.platform.web.CborBodies;
import dev.drivenotes.platform.web.ServiceConnections;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The reporter's REST API, as far as the operator dashboard reads it: an experiment's notes so far
 * and where its reports are served.
 */
@Component
public class ReporterClient {

    private static final String SERVICE = "reporter";
    /** The dashboard polls while an experiment runs: a slow reporter must not hold its stream up. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

    private final URI base;
    private final RestClient http;

    public ReporterClient(RestClient.Builder builder, PlatformProperties properties) {
        this.base = properties.services().reporter();
        this.http = CborBodies.preferredBy(builder)
                .baseUrl(base.toString())
                .requestFactory(ServiceConnections.requestFactory(READ_TIMEOUT, READ_TIMEOUT))
                .build();
    }

    /**
     * How many of the experiment's notes the reporter has scored so far, and how many have all three
     * fields right; empty while the reporter knows nothing of the experiment (404).
     *
     * @throws RemoteServiceException when the reporter fails or cannot be reached
     */
    public Optional<NoteTally> noteTally(String experimentId) {
        try {
            JsonNode body = ServiceCalls.call(
                    SERVICE,
                    () -> http.get()
                            .uri("/v1/experiments/{id}/notes", experimentId)
                            .retrieve()
                            .body(JsonNode.class));
            int correct = 0;
            for (JsonNode note : body.path("notes")) {
                JsonNode c = note.path("correct");
                if (c.path("location").asBoolean()
                        && c.path("action").asBoolean()
                        && c.path("destination").asBoolean()) {
                    correct++;
                }
            }
            return Optional.of(new NoteTally(body.path("notes").size(), correct));
        } catch (RemoteServiceException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The experiment's report page as the reporter serves it. */
    public URI reportHtml(String experimentId) {
        return base.resolve("/v1/reports/" + experimentId + "/report.html");
    }

    /**
     * A UTC day's daily report page as the reporter serves it (the artifact {@code
     * reports/daily/YYYY-MM-DD.html}).
     */
    public URI dailyReportHtml(LocalDate day) {
        return base.resolve("/v1/reports/daily/" + day + ".html");
    }

    /**
     * Notes scored so far.
     *
     * @param notes notes the reporter has for the experiment
     * @param allCorrect notes whose place, action and next POI all match ground truth
     */
    public record NoteTally(int notes, int allCorrect) {
        public NoteTally {
            Require.inRange("notes", notes, 0, Integer.MAX_VALUE);
            Require.inRange("allCorrect", allCorrect, 0, notes);
        }

        /** Share of notes with all three fields right; empty without notes (never a fake 0 %). */
        public Optional<Double> accuracy() {
            return notes == 0 ? Optional.empty() : Optional.of((double) allCorrect / notes);
        }
    }
}
