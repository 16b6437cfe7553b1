package dev.drivenotes.model.event;

/** The payload of an {@link EventEnvelope}. Events stay small: bulk data travels as artifact URIs. */
public sealed interface DomainEvent
        permits ExperimentStarted,
                EpisodeRequested,
                EpisodeFailed,
                RunnerProgress,
                EpisodeCompleted,
                ExperimentCompleted,
                ExperimentFailed,
                ExperimentCancelled,
                ReportPublished,
                AccuracyRegression {

    /** The experiment the event is about. */
    String experimentId();
}
