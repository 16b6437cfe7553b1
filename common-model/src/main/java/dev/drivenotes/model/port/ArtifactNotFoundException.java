package dev.drivenotes.model.port;

import java.net.URI;

/** No artifact at the given URI. */
public final class ArtifactNotFoundException extends RuntimeException {
    public ArtifactNotFoundException(URI uri) {
        super("no artifact at " + uri);
    }
}
