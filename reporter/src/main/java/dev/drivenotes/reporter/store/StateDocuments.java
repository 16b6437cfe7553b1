package dev.drivenotes.reporter.store;

import dev.drivenotes.model.port.ArtifactNotFoundException;
import dev.drivenotes.model.port.ArtifactStore;
import dev.drivenotes.platform.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** JSON documents of the reporter's state in the artifact store, under {@code reporter/}. */
final class StateDocuments {

    static final String ROOT = "reporter/";
    private static final String JSON = "application/json";

    private final ArtifactStore artifacts;

    StateDocuments(ArtifactStore artifacts) {
        this.artifacts = artifacts;
    }

    /** Replaces the document under {@code ROOT + key}. */
    void write(String key, Object document) {
        artifacts.put(ROOT + key, Json.mapper().writeValueAsBytes(document), JSON);
    }

    /** The keys (relative to {@code ROOT}) under a folder, in lexicographic order. */
    List<String> list(String folder) {
        return artifacts.list(ROOT + folder).stream()
                .map(key -> key.substring(ROOT.length()))
                .toList();
    }

    /** @throws ArtifactNotFoundException when there is no such document */
    <T> T read(String key, Class<T> type) {
        return Json.mapper().readValue(artifacts.get(artifacts.uriOf(ROOT + key)), type);
    }

    <T> Optional<T> find(String key, Class<T> type) {
        try {
            return Optional.of(read(key, type));
        } catch (ArtifactNotFoundException absent) {
            return Optional.empty();
        }
    }

    /** A short, stable, key-safe name for arbitrary text (the first 128 bits of its SHA-256). */
    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
