package dev.drivenotes.platform.gcp.trace;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.spring.core.GcpProjectIdProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpHttpSpanExporterBuilderCustomizer;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;

/**
 * Profile {@code gcp}: spans go to Cloud Trace over its OTLP endpoint ({@value #ENDPOINT}, or
 * {@code drivenotes.gcp.cloud-trace.endpoint}), authenticated with the instance's Application
 * Default Credentials and billed to the project. {@code drivenotes.gcp.cloud-trace.enabled=false}
 * turns it off; {@code management.opentelemetry.tracing.export.otlp.endpoint} (a collector) wins
 * over it.
 */
@AutoConfiguration(
        beforeName =
                "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration")
@Profile("gcp")
@ConditionalOnClass(name = "io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder")
@ConditionalOnProperty(name = "drivenotes.gcp.cloud-trace.enabled", matchIfMissing = true)
@ConditionalOnExpression("'${management.opentelemetry.tracing.export.otlp.endpoint:}'.isEmpty()")
public class CloudTraceAutoConfiguration {

    static final String ENDPOINT = "https://telemetry.googleapis.com/v1/traces";
    static final String SCOPE = "https://www.googleapis.com/auth/cloud-platform";

    @Bean
    @ConditionalOnMissingBean
    OtlpTracingConnectionDetails cloudTraceEndpoint(
            @Value("${drivenotes.gcp.cloud-trace.endpoint:" + ENDPOINT + "}") String endpoint) {
        return transport -> endpoint;
    }

    @Bean
    OtlpHttpSpanExporterBuilderCustomizer cloudTraceCredentials(GcpProjectIdProvider projectId) {
        Supplier<Map<String, String>> headers =
                new CloudTraceHeaders(CloudTraceAutoConfiguration::applicationDefault, projectId.getProjectId());
        return builder -> builder.setHeaders(headers);
    }

    private static GoogleCredentials applicationDefault() {
        try {
            return GoogleCredentials.getApplicationDefault().createScoped(SCOPE);
        } catch (IOException e) {
            throw new UncheckedIOException("no Application Default Credentials to send spans to Cloud Trace", e);
        }
    }
}
