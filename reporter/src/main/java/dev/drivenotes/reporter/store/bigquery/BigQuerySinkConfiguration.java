package dev.drivenotes.reporter.store.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import dev.drivenotes.reporter.store.DuckDbMetricsSink;
import dev.drivenotes.reporter.store.MetricsSink;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

/** Profile {@code gcp}: metrics also land in BigQuery dataset {@code drivenotes.gcp.bigquery.dataset}. */
@Configuration(proxyBeanMethods = false)
@Profile("gcp")
class BigQuerySinkConfiguration {

    @Bean
    BigQuery bigQuery() {
        return BigQueryOptions.getDefaultInstance().getService();
    }

    @Bean
    @Primary
    MetricsSink bigQueryMetricsSink(
            DuckDbMetricsSink localReadModel,
            BigQuery bigQuery,
            @Value("${drivenotes.gcp.bigquery.dataset:drivenotes}") String dataset) {
        return new BigQueryMetricsSink(localReadModel, bigQuery, dataset, Clock.systemUTC());
    }
}
