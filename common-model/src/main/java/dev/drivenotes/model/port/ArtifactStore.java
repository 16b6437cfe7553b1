package dev.drivenotes.model.port;

import java.net.URI;
import java.util.List;

/** Stores bulk artifacts (trajectories, reports) by key; returns URIs that events may carry. */
public interface ArtifactStore {

    /**
     * Writes an artifact, replacing any previous content under the same key.
     *
     * @param key a relative path of '/'-separated segments, e.g. {@code trajectories/x/e0.jsonl.gz}
     * @return the artifact's URI ({@code file:} locally, {@code gs:} on Google Cloud)
     */
    URI put(String key, byte[] content, String contentType);

    /**
     * Reads an artifact.
     *
     * @throws ArtifactNotFoundException when nothing is stored at {@code uri}
     */
    byte[] get(URI uri);

    /** The URI an artifact with this key has (or would have). */
    URI uriOf(String key);

    /**
     * The keys of the artifacts under a folder, in lexicographic order (none when the folder has
     * none).
     *
     * @param folder a key prefix of whole segments ending with '/', e.g. {@code reports/exp-1/}
     */
    List<String> list(String folder);
}
