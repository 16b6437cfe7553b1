package dev.drivenotes.platform.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.port.ArtifactNotFoundException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFolderArtifactStoreTest {

    @TempDir
    Path root;

    @Test
    void storesAndReadsBackByUri() {
        LocalFolderArtifactStore store = new LocalFolderArtifactStore(root);

        URI uri = store.put("reports/x1/report.json", "{}".getBytes(StandardCharsets.UTF_8), "application/json");

        assertThat(uri.getScheme()).isEqualTo("file");
        assertThat(new String(store.get(uri), StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(store.uriOf("reports/x1/report.json")).isEqualTo(uri);
    }

    @Test
    void overwritesTheSameKey() {
        LocalFolderArtifactStore store = new LocalFolderArtifactStore(root);
        store.put("a/b.txt", new byte[] {1}, "application/octet-stream");
        URI uri = store.put("a/b.txt", new byte[] {2, 3}, "application/octet-stream");
        assertThat(store.get(uri)).containsExactly(2, 3);
    }

    @Test
    void rejectsKeysThatEscapeTheRoot() {
        LocalFolderArtifactStore store = new LocalFolderArtifactStore(root);
        assertThatThrownBy(() -> store.put("../evil.txt", new byte[0], "text/plain"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> store.get(URI.create("file:///etc/passwd"))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void reportsMissingArtifacts() {
        LocalFolderArtifactStore store = new LocalFolderArtifactStore(root);
        URI missing = store.uriOf("nothing/here.json");
        assertThatThrownBy(() -> store.get(missing)).isInstanceOf(ArtifactNotFoundException.class);
    }

    @Test
    void listsTheKeysUnderAFolderInOrder() {
        LocalFolderArtifactStore store = new LocalFolderArtifactStore(root);
        store.put("reporter/episodes/x1/1.json", new byte[] {1}, "application/json");
        store.put("reporter/episodes/x1/0.json", new byte[] {0}, "application/json");
        store.put("reporter/episodes/x10/0.json", new byte[] {2}, "application/json");

        assertThat(store.list("reporter/episodes/x1/"))
                .containsExactly("reporter/episodes/x1/0.json", "reporter/episodes/x1/1.json");
        assertThat(store.list("reporter/nothing/")).isEmpty();
        assertThatThrownBy(() -> store.list("reporter/episodes/x1")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> store.list("../")).isInstanceOf(InvalidInputException.class);
    }
}
