package dev.drivenotes.reporter.store.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import dev.drivenotes.model.port.ArtifactStore;
import dev.drivenotes.platform.artifacts.LocalFolderArtifactStore;
import dev.drivenotes.reporter.store.ArtifactMetricsState;
import dev.drivenotes.reporter.store.MetricsSink;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Profile {@code gcp}: metrics land in BigQuery dataset {@code drivenotes.gcp.bigquery.dataset}; the
 * reporter's read state and ledger are documents in the artifact store (Cloud Storage), never a
 * file on the instance.
 */
@Configuration(proxyBeanMethods = false)
@Profile("gcp")
class BigQuerySinkConfiguration {

    @Bean
    BigQuery bigQuery() {
        return BigQueryOptions.getDefaultInstance().getService();
    }

    @Bean
    MetricsSink bigQueryMetricsSink(
            ArtifactStore artifacts,
            BigQuery bigQuery,
            @Value("${drivenotes.gcp.bigquery.dataset:drivenotes}") String dataset) {
        if (artifacts instanceof LocalFolderArtifactStore local) {
            throw new IllegalStateException("profile gcp keeps the reporter's state in Cloud Storage: set"
                    + " drivenotes.gcp.storage.artifacts-bucket (the artifact store is the instance's folder "
                    + local.root() + ")");
        }
        return new BigQueryMetricsSink(new ArtifactMetricsState(artifacts), bigQuery, dataset, Clock.systemUTC());
    }
}
