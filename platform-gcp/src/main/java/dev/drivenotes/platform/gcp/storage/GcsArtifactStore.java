package dev.drivenotes.platform.gcp.storage;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.port.ArtifactKeys;
import dev.drivenotes.model.port.ArtifactNotFoundException;
import dev.drivenotes.model.port.ArtifactStore;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Artifacts in a Cloud Storage bucket: key {@code trajectories/<experiment>/<episode>.jsonl.gz}
 * becomes {@code gs://<bucket>/trajectories/<experiment>/<episode>.jsonl.gz}. Keys come from
 * {@link ArtifactKeys}, which puts the experiment id (timestamp + random suffix) in every name, so
 * two experiments never write the same object; a retried write of the same episode replaces it.
 */
public final class GcsArtifactStore implements ArtifactStore {

    private final Storage storage;
    private final String bucket;

    public GcsArtifactStore(Storage storage, String bucket) {
        if (bucket == null || !bucket.matches("[a-z0-9][a-z0-9._-]{1,221}[a-z0-9]")) {
            throw new InvalidInputException("bucket", "'" + bucket + "' is not a Cloud Storage bucket name");
        }
        this.storage = storage;
        this.bucket = bucket;
    }

    @Override
    public URI put(String key, byte[] content, String contentType) {
        BlobInfo info = BlobInfo.newBuilder(BlobId.of(bucket, ArtifactKeys.validate(key)))
                .setContentType(contentType)
                .build();
        storage.create(info, content);
        return uriOf(key);
    }

    @Override
    public byte[] get(URI uri) {
        if (!"gs".equals(uri.getScheme()) || !bucket.equals(uri.getHost())) {
            throw new InvalidInputException("uri", uri + " is not in gs://" + bucket);
        }
        String key = ArtifactKeys.validate(uri.getPath().substring(1));
        Blob blob = storage.get(BlobId.of(bucket, key));
        if (blob == null) {
            throw new ArtifactNotFoundException(uri);
        }
        return blob.getContent();
    }

    @Override
    public List<String> list(String folder) {
        String prefix = ArtifactKeys.validateFolder(folder);
        List<String> keys = new ArrayList<>();
        storage.list(bucket, Storage.BlobListOption.prefix(prefix))
                .iterateAll()
                .forEach(blob -> keys.add(blob.getName()));
        Collections.sort(keys);
        return keys;
    }

    @Override
    public URI uriOf(String key) {
        return URI.create("gs://" + bucket + "/" + ArtifactKeys.validate(key));
    }
}
