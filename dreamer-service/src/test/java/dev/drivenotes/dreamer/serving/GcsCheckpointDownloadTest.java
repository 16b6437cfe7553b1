package dev.drivenotes.dreamer.serving;

import static dev.drivenotes.dreamer.serving.GcsCheckpoints.freshBucket;
import static dev.drivenotes.dreamer.serving.GcsCheckpoints.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.NoCredentials;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Downloads from google-cloud-nio's in-memory fake of Cloud Storage, and from a server that answers errors. */
class GcsCheckpointDownloadTest {

    private final Storage storage = LocalStorageHelper.getOptions().getService();
    private final GcsCheckpointDownload download = new GcsCheckpointDownload(storage);
    private final String bucket = freshBucket();

    @Test
    void copiesOnlyTheTwoCheckpointObjectsOfTheFolderItself() throws IOException {
        upload(storage, bucket, "dreamer/run-1/checkpoint.json", bytes("{\"format\":1}"));
        upload(storage, bucket, "dreamer/run-1/params.ndlist", new byte[] {1, 2, 3, 4, 5});
        upload(storage, bucket, "dreamer/run-1/notes.txt", bytes("ignored"));
        upload(storage, bucket, "dreamer/run-1/old/params.ndlist", new byte[] {9});

        Path dir = download.download(
                "AIP_STORAGE_URI", GcsFolder.parse("AIP_STORAGE_URI", "gs://" + bucket + "/dreamer/run-1"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("checkpoint.json", "params.ndlist");
            assertThat(Files.readString(dir.resolve("checkpoint.json"))).isEqualTo("{\"format\":1}");
            assertThat(Files.readAllBytes(dir.resolve("params.ndlist"))).containsExactly(1, 2, 3, 4, 5);
        } finally {
            GcsCheckpointDownload.delete(dir);
        }
        assertThat(dir).doesNotExist();
    }

    @Test
    void aMissingObjectIsNamedWithTheSetting() {
        upload(storage, bucket, "dreamer/run-1/checkpoint.json", bytes("{}"));

        assertThatThrownBy(() -> download.download(
                        "AIP_STORAGE_URI", GcsFolder.parse("AIP_STORAGE_URI", "gs://" + bucket + "/dreamer/run-1/")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "AIP_STORAGE_URI=gs://" + bucket + "/dreamer/run-1/: gs://" + bucket
                                + "/dreamer/run-1/params.ndlist does not exist (a checkpoint is checkpoint.json + params.ndlist)");
    }

    @Test
    void aSiblingFolderWithALongerNameIsNotThisFolder() {
        upload(storage, bucket, "dreamer/run-10/checkpoint.json", bytes("{}"));
        upload(storage, bucket, "dreamer/run-10/params.ndlist", new byte[] {1});

        assertThatThrownBy(() -> download.download(
                        "drivenotes.dreamer.checkpoint",
                        GcsFolder.parse("drivenotes.dreamer.checkpoint", "gs://" + bucket + "/dreamer/run-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("drivenotes.dreamer.checkpoint=gs://" + bucket
                        + "/dreamer/run-1/: no checkpoint.json or params.ndlist in the folder, which is empty");
    }

    @Test
    void aFolderWithoutACheckpointSaysWhatItHolds() {
        upload(storage, bucket, "models/saved_model.pb", bytes("tensorflow"));
        upload(storage, bucket, "models/variables/variables.index", bytes("tensorflow"));

        assertThatThrownBy(() -> download.download(
                        "AIP_STORAGE_URI", GcsFolder.parse("AIP_STORAGE_URI", "gs://" + bucket + "/models")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "AIP_STORAGE_URI=gs://" + bucket + "/models/: no checkpoint.json or params.ndlist")
                .hasMessageContaining("saved_model.pb")
                .hasMessageContaining("variables/");
    }

    @Test
    void aMissingBucketIsNamed() throws IOException {
        try (ErrorServer server = new ErrorServer(404, "The specified bucket does not exist.")) {
            GcsCheckpointDownload overHttp = new GcsCheckpointDownload(server.storage());

            assertThatThrownBy(() -> overHttp.download(
                            "AIP_STORAGE_URI", GcsFolder.parse("AIP_STORAGE_URI", "gs://no-such-bucket-here/run-1")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "AIP_STORAGE_URI=gs://no-such-bucket-here/run-1/: bucket 'no-such-bucket-here' does not exist");
        }
    }

    @Test
    void aRefusedReadSaysWhichObjectAndWhy() throws IOException {
        try (ErrorServer server = new ErrorServer(403, "caller does not have storage.objects.get access")) {
            GcsCheckpointDownload overHttp = new GcsCheckpointDownload(server.storage());

            assertThatThrownBy(() -> overHttp.download(
                            "AIP_STORAGE_URI", GcsFolder.parse("AIP_STORAGE_URI", "gs://private-models/run-1")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith(
                            "AIP_STORAGE_URI=gs://private-models/run-1/: cannot read gs://private-models/run-1/checkpoint.json: HTTP 403")
                    .hasMessageContaining("storage.objects.get")
                    .hasMessageNotContaining("\n");
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A loopback server answering every Cloud Storage JSON API request with one error. */
    private static final class ErrorServer implements AutoCloseable {
        private final HttpServer server;

        ErrorServer(int status, String message) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] body = ("{\"error\":{\"code\":" + status + ",\"message\":\"" + message
                            + "\",\"errors\":[{\"message\":\""
                            + message + "\",\"domain\":\"global\",\"reason\":\""
                            + (status == 404 ? "notFound" : "forbidden")
                            + "\"}]}}")
                    .getBytes(StandardCharsets.UTF_8);
            server.createContext("/", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
                exchange.sendResponseHeaders(status, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        }

        Storage storage() {
            return StorageOptions.http()
                    .setHost("http://127.0.0.1:" + server.getAddress().getPort())
                    .setProjectId("drivenotes-test")
                    .setCredentials(NoCredentials.getInstance())
                    .build()
                    .getService();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
