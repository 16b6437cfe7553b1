package dev.drivenotes.reporter.ingest;

import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.experiment.StepRecord;
import dev.drivenotes.model.note.Note;
import dev.drivenotes.model.port.ArtifactStore;
import dev.drivenotes.platform.json.TrajectoryCodec;
import dev.drivenotes.reporter.note.Localiser;
import dev.drivenotes.reporter.note.NoteScorer;
import dev.drivenotes.reporter.note.NoteWriter;
import dev.drivenotes.reporter.note.Scorecard;
import dev.drivenotes.reporter.store.MetricsSink;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Turns a completed episode into stored notes: load the trajectory, write and score notes, store them. */
@Component
class EpisodeIngest {

    private static final Logger log = LoggerFactory.getLogger(EpisodeIngest.class);

    private final ArtifactStore artifacts;
    private final PlaceDirectoryClient places;
    private final MetricsSink sink;

    EpisodeIngest(ArtifactStore artifacts, PlaceDirectoryClient places, MetricsSink sink) {
        this.artifacts = artifacts;
        this.places = places;
        this.sink = sink;
    }

    /** Writes and scores the episode's notes, then records them with the event in the ledger. */
    List<Note> ingest(EventEnvelope event, EpisodeCompleted episode, Instant processedAt) {
        List<StepRecord> trajectory = TrajectoryCodec.decode(artifacts.get(URI.create(episode.artifactUri())));
        NoteWriter writer = new NoteWriter(places.matcherFor(episode.map()), Localiser.forAgent(episode.agent()));
        List<Note> notes = writer.write(episode.experimentId(), episode.summary(), trajectory);
        Scorecard scorecard = NoteScorer.score(List.of(episode.summary()), notes);
        sink.recordHandled(event, processedAt, () -> sink.recordEpisode(episode, notes, scorecard));
        log.info(
                "episode {}: {} steps, {} notes, all-three accuracy {}",
                episode.summary().episodeId(),
                trajectory.size(),
                notes.size(),
                scorecard.notes().allThreeAccuracy());
        return notes;
    }
}
