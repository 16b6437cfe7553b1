package dev.drivenotes.model.experiment;

import dev.drivenotes.model.Require;
import java.util.List;

/**
 * One page of {@code GET /v1/experiments}: experiments newest first.
 *
 * @param experiments this page's experiments, at most the request's {@code limit}
 * @param nextPageToken the {@code pageToken} that asks for the next page, or null on the last one
 */
public record ExperimentPage(List<ExperimentView> experiments, String nextPageToken) {
    public ExperimentPage {
        experiments = List.copyOf(Require.noNullElements("experiments", experiments));
    }
}
