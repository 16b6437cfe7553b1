package dev.drivenotes.carla.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.model.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapCatalogTest {

    @TempDir
    Path dir;

    private Path copyOfFeatures(String name) throws IOException {
        return Files.write(dir.resolve(name), TestMaps.featuresXml());
    }

    @Test
    void spellingsOfOneFileShareOneLoadedMap() throws IOException {
        Path file = copyOfFeatures("a.xodr");
        MapCatalog catalog = new MapCatalog(Map.of());

        LoadedMap first = catalog.load(file.toString());

        assertThat(catalog.load(dir.resolve(".").resolve("a.xodr").toString())).isSameAs(first);
        assertThat(catalog.load(dir.resolve("sub/../a.xodr").toString())).isSameAs(first);
        assertThat(catalog.cachedCount()).isEqualTo(1);
    }

    @Test
    void keepsAtMostTheCapacityDroppingTheLeastRecentlyUsed() throws IOException {
        MapCatalog catalog = new MapCatalog(Map.of());
        Path kept = copyOfFeatures("kept.xodr");
        LoadedMap keptMap = catalog.load(kept.toString());
        for (int i = 0; i < MapCatalog.MAX_CACHED_MAPS + 4; i++) {
            catalog.load(copyOfFeatures("map-" + i + ".xodr").toString());
            catalog.load(kept.toString());
            assertThat(catalog.cachedCount()).isLessThanOrEqualTo(MapCatalog.MAX_CACHED_MAPS);
        }
        assertThat(catalog.load(kept.toString())).isSameAs(keptMap);
    }

    @Test
    void rejectsWhatIsNoOpenDriveFileNamingTheMap() {
        MapCatalog catalog = new MapCatalog(Map.of());
        for (String ref : new String[] {"/etc/passwd", dir.toString() + "/missing.xodr", "nul\u0000.xodr", "/tmp"}) {
            assertThatThrownBy(() -> catalog.load(ref))
                    .as(ref)
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("map"));
        }
        assertThat(catalog.cachedCount()).isZero();
    }
}
