package dev.drivenotes.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SuiteTest {

    @ParameterizedTest
    @ValueSource(strings = {"orchestrator", "dreamer"})
    void startsNothingWhenAServiceElsewhereIsTheOrchestratorOrUnknown(String name) {
        Suite.Settings settings = new Suite.Settings(0, Path.of("unused"), false);

        assertThatThrownBy(() -> Suite.start(settings, Map.of(name, URI.create("http://127.0.0.1:1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(was " + name + ")")
                .hasMessageContaining("dreamer-service");
    }
}
