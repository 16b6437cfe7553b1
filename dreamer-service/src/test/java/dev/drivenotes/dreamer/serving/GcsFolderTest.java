package dev.drivenotes.dreamer.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GcsFolderTest {

    @Test
    void theFolderAlwaysEndsWithASlashSoSiblingPrefixesNeverMatch() {
        assertThat(GcsFolder.parse("AIP_STORAGE_URI", "gs://models-bucket/dreamer/run-1"))
                .isEqualTo(new GcsFolder("models-bucket", "dreamer/run-1/"));
        assertThat(GcsFolder.parse("AIP_STORAGE_URI", "gs://models-bucket/dreamer/run-1/"))
                .isEqualTo(new GcsFolder("models-bucket", "dreamer/run-1/"));
        assertThat(GcsFolder.parse("AIP_STORAGE_URI", "gs://models-bucket/dreamer/run-1")
                        .objectName("params.ndlist"))
                .isEqualTo("dreamer/run-1/params.ndlist");
    }

    @Test
    void theBucketRootIsAFolderToo() {
        GcsFolder root = GcsFolder.parse("AIP_STORAGE_URI", "gs://my.models_1");
        assertThat(root).isEqualTo(new GcsFolder("my.models_1", ""));
        assertThat(GcsFolder.parse("AIP_STORAGE_URI", "gs://my.models_1/")).isEqualTo(root);
        assertThat(root.uriOf("checkpoint.json")).isEqualTo("gs://my.models_1/checkpoint.json");
    }

    @Test
    void recognisesCloudStorageLocationsInAnyCaseButNothingElse() {
        assertThat(GcsFolder.isGcs("gs://b/x")).isTrue();
        assertThat(GcsFolder.isGcs("GS://b/x")).isTrue();
        assertThat(GcsFolder.isGcs("gs:/b/x")).isTrue();
        assertThat(GcsFolder.isGcs("/models/gs/x")).isFalse();
        assertThat(GcsFolder.isGcs("file:/models/x")).isFalse();
        assertThat(GcsFolder.isGcs("classpath:")).isFalse();
        assertThat(GcsFolder.isGcs(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "gs:/models-bucket/run-1",
                "gs:models-bucket/run-1",
                "GS://models-bucket/run-1",
                "gs://",
                "gs:///run-1",
                "gs://Models_Bucket/run-1",
                "gs://ab/run-1",
                "gs://-models/run-1",
                "gs://models..bucket/run-1",
                "gs://models-bucket//run-1",
                "gs://models-bucket/run//1",
                "gs://models-bucket/run-1\n"
            })
    void rejectsMalformedLocationsNamingTheSetting(String location) {
        assertThatThrownBy(() -> GcsFolder.parse("AIP_STORAGE_URI", location))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("AIP_STORAGE_URI '")
                .hasMessageContaining("is not a gs://bucket/prefix location: ")
                .hasMessageNotContaining("\n");
    }
}
