package dev.drivenotes.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What calibration may drive: validation seeds only, never trained on nor evaluated on. */
class CalibrateDrivesTest {

    private static Calibrate.Drives drives(int episodes, long seed, int npcs, double missedTurnRate) {
        return new Calibrate.Drives(episodes, seed, "default-town", 6000, npcs, missedTurnRate, Path.of("data"));
    }

    @Test
    void acceptsTheValidationSeedsUpToTheEvaluationOnesAndFromThemOn() {
        assertThat(drives(40, 600, 20, 0.5).seed()).isEqualTo(600);
        assertThat(drives(45, 855, 0, 0).episodes()).isEqualTo(45);
        assertThat(drives(1, 920, 0, 1).seed()).isEqualTo(920);
        assertThat(drives(256, TrainSettings.TRAIN_SEED_BASE - 256, 0, 0).episodes())
                .isEqualTo(256);
    }

    @Test
    void refusesSeedsThatOverlapTheEvaluationSeedsOrTheTrainingOnesNamingTheOption() {
        assertThatThrownBy(() -> drives(10, 895, 20, 0))
                .hasMessageStartingWith("--seed: seeds 895..904 overlap the evaluation seeds 900..919");
        assertThatThrownBy(() -> drives(1, 919, 20, 0)).hasMessageStartingWith("--seed:");
        assertThatThrownBy(() -> drives(2, TrainSettings.TRAIN_SEED_BASE - 1, 20, 0))
                .hasMessageStartingWith("--seed:")
                .hasMessageContaining("never trained on");
        assertThatThrownBy(() -> drives(1, -1, 20, 0)).hasMessageStartingWith("--seed:");
    }

    @Test
    void refusesOutOfRangeCountsAndRatesNamingTheOption() {
        assertThatThrownBy(() -> drives(0, 600, 20, 0)).hasMessageStartingWith("--episodes:");
        assertThatThrownBy(() -> drives(257, 600, 20, 0)).hasMessageStartingWith("--episodes:");
        assertThatThrownBy(() -> drives(1, 600, -1, 0)).hasMessageStartingWith("--npcs:");
        assertThatThrownBy(() -> drives(1, 600, 201, 0)).hasMessageStartingWith("--npcs:");
        assertThatThrownBy(() -> drives(1, 600, 20, 1.5)).hasMessageStartingWith("--missed-turn-rate:");
        assertThatThrownBy(() -> drives(1, 600, 20, Double.NaN)).hasMessageStartingWith("--missed-turn-rate:");
        assertThatThrownBy(() -> new Calibrate.Drives(1, 600, "default-town", 0, 20, 0, Path.of("data")))
                .hasMessageStartingWith("--max-steps:");
    }
}
