package dev.drivenotes.carla.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CarlaVersionTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.9.15", "0.9.15-dirty", "0.9.15-12-gd7b45c1e", "0.9.15.2", " 0.9.15\n"})
    void acceptsTheReleaseAndBuildsDescribedFromIt(String version) {
        assertThat(CarlaVersion.compatible(version)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.9.14", "0.9.16", "0.9.150", "0.10.0", "1.9.15", "d7b45c1e", ""})
    void refusesOtherReleasesAndStringsThatAreNoVersion(String version) {
        assertThat(CarlaVersion.compatible(version)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void refusalIsOneLineNamingBothVersions() {
        assertThatThrownBy(() -> CarlaVersion.require("10.0.0.5:2000", "0.9.14"))
                .isInstanceOf(CarlaVersionException.class)
                .hasMessage("CARLA server 10.0.0.5:2000 runs version '0.9.14'; this client speaks CARLA 0.9.15 only");
    }
}
