package dev.drivenotes.model.event;

import dev.drivenotes.model.Require;

/** The reporter wrote an experiment's report. */
public record ReportPublished(String experimentId, String jsonUri, String htmlUri) implements DomainEvent {
    public ReportPublished {
        Require.notBlank("experimentId", experimentId);
        Require.notBlank("jsonUri", jsonUri);
        Require.notBlank("htmlUri", htmlUri);
    }
}
