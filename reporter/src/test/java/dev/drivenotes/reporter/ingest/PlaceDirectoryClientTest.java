package dev.drivenotes.reporter.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaceDirectoryClientTest {

    @TempDir
    Path dir;

    @Test
    void fetchesAMapOnceAndStartsOverPastTheMostMapsItKeeps() throws Exception {
        try (FakeCarlaRunner carlaRunner = new FakeCarlaRunner()) {
            PlaceDirectoryClient client = carlaRunner.places(dir);

            client.matcherFor("map-0");
            client.matcherFor("map-0");
            assertThat(carlaRunner.placeRequests).as("cached").hasValue(1);

            for (int i = 1; i <= PlaceDirectoryClient.MAX_CACHED_MAPS; i++) {
                client.matcherFor("map-" + i);
            }
            client.matcherFor("map-0");

            assertThat(carlaRunner.placeRequests)
                    .as("one map past the limit empties the caches, so map-0 is fetched again")
                    .hasValue(PlaceDirectoryClient.MAX_CACHED_MAPS + 2);
        }
    }
}
