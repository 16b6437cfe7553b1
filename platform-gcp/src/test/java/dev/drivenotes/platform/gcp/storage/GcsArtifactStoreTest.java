package dev.drivenotes.platform.gcp.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.port.ArtifactKeys;
import dev.drivenotes.model.port.ArtifactNotFoundException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Cloud Storage artifact store on google-cloud-nio's in-memory fake of the Storage API. */
class GcsArtifactStoreTest {

    private final Storage storage = LocalStorageHelper.getOptions().getService();
    private final GcsArtifactStore store = new GcsArtifactStore(storage, "drivenotes-artifacts-test");

    @Test
    void writesUnderTheKeyAndReadsBackByGsUri() {
        String key = ArtifactKeys.trajectory("exp-20261124-060000-ab12cd34", "ep-0");
        URI uri = store.put(key, bytes("steps"), "application/gzip");

        assertThat(uri)
                .hasToString("gs://drivenotes-artifacts-test/trajectories/exp-20261124-060000-ab12cd34/ep-0.jsonl.gz");
        assertThat(store.get(uri)).isEqualTo(bytes("steps"));
        assertThat(storage.get(BlobId.of("drivenotes-artifacts-test", key)).getContentType())
                .isEqualTo("application/gzip");
    }

    @Test
    void episodesOfDifferentExperimentsNeverShareAnObject() {
        URI a = store.put(ArtifactKeys.trajectory("exp-a", "ep-0"), bytes("a"), "application/gzip");
        URI b = store.put(ArtifactKeys.trajectory("exp-b", "ep-0"), bytes("b"), "application/gzip");

        assertThat(a).isNotEqualTo(b);
        assertThat(store.get(a)).isEqualTo(bytes("a"));
        assertThat(store.get(b)).isEqualTo(bytes("b"));
    }

    @Test
    void aRetriedWriteReplacesTheSameObject() {
        String key = ArtifactKeys.reportJson("exp-r");
        store.put(key, bytes("first"), "application/json");
        URI uri = store.put(key, bytes("second"), "application/json");

        assertThat(store.get(uri)).isEqualTo(bytes("second"));
    }

    @Test
    void missingObjectIsArtifactNotFound() {
        assertThatThrownBy(() -> store.get(store.uriOf("reports/exp-none/report.json")))
                .isInstanceOf(ArtifactNotFoundException.class);
    }

    @Test
    void rejectsUrisOfOtherBucketsAndUnsafeKeys() {
        assertThatThrownBy(() -> store.get(URI.create("gs://someone-else/reports/x/report.json")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> store.put("../escape", bytes("x"), "text/plain"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new GcsArtifactStore(storage, "Not_A_Bucket!"))
                .isInstanceOf(InvalidInputException.class);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void listsTheObjectsUnderAFolderInOrder() {
        store.put("reporter/episodes/x1/1.json", bytes("1"), "application/json");
        store.put("reporter/episodes/x1/0.json", bytes("0"), "application/json");
        store.put("reporter/episodes/x10/0.json", bytes("other"), "application/json");

        assertThat(store.list("reporter/episodes/x1/"))
                .containsExactly("reporter/episodes/x1/0.json", "reporter/episodes/x1/1.json");
        assertThat(store.list("reporter/nothing/")).isEmpty();
    }
}
