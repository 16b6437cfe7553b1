package dev.drivenotes.platform.artifacts;

import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.port.ArtifactKeys;
import dev.drivenotes.model.port.ArtifactNotFoundException;
import dev.drivenotes.model.port.ArtifactStore;
import dev.drivenotes.platform.files.DurableFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Artifacts as files under a root folder; writes are atomic (temp file + rename) and forced to the
 * disk, so an artifact is there before the event that points at it.
 */
public final class LocalFolderArtifactStore implements ArtifactStore {

    private final Path root;

    public LocalFolderArtifactStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public URI put(String key, byte[] content, String contentType) {
        Path target = resolve(ArtifactKeys.validate(key));
        try {
            Files.createDirectories(target.getParent());
            DurableFiles.replace(target, content, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write artifact " + key, e);
        }
        return target.toUri();
    }

    @Override
    public byte[] get(URI uri) {
        Path path = pathOf(uri);
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new ArtifactNotFoundException(uri);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read artifact " + uri, e);
        }
    }

    @Override
    public URI uriOf(String key) {
        return resolve(ArtifactKeys.validate(key)).toUri();
    }

    @Override
    public List<String> list(String folder) {
        Path dir = resolve(ArtifactKeys.validateFolder(folder));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith(".tmp-"))
                    .map(f -> root.relativize(f).toString().replace(java.io.File.separatorChar, '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list artifacts under " + folder, e);
        }
    }

    private Path resolve(String key) {
        Path p = root.resolve(key).normalize();
        if (!p.startsWith(root)) {
            throw new InvalidInputException("key", "escapes the artifact root");
        }
        return p;
    }

    private Path pathOf(URI uri) {
        if (uri == null || !"file".equals(uri.getScheme())) {
            throw new InvalidInputException("uri", "not a local artifact URI: " + uri);
        }
        Path p = Path.of(uri).toAbsolutePath().normalize();
        if (!p.startsWith(root)) {
            throw new InvalidInputException("uri", "outside the artifact root: " + uri);
        }
        return p;
    }
}
