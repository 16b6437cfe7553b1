package dev.drivenotes.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.drivenotes.platform.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.JsonNode;

class CloudLoggingFormatTest {

    @Test
    void writesOneCloudLoggingObjectPerLineLinkedToItsTrace() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.application.name", "reporter")
                .withProperty("spring.cloud.gcp.project-id", "drivenotes-prod");
        ThrowableProxyConverter throwables = new ThrowableProxyConverter();
        throwables.start();
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent(
                "test", context.getLogger("dev.drivenotes.Test"), Level.WARN, "note {} failed", null, new Object[] {7});
        event.setMDCPropertyMap(Map.of(
                "traceId",
                "4bf92f3577b34da6a3ce929d0e0e4736",
                "spanId",
                "00f067aa0ba902b7",
                LogContext.EXPERIMENT_ID,
                "exp-1"));

        String line = new CloudLoggingFormat(environment, throwables).format(event);

        assertThat(line).endsWith("\n").hasLineCount(1);
        JsonNode json = Json.mapper().readTree(line);
        assertThat(json.get("severity").asString()).isEqualTo("WARNING");
        assertThat(json.get("message").asString()).isEqualTo("note 7 failed");
        assertThat(json.get(CloudLoggingFormat.TRACE).asString())
                .isEqualTo("projects/drivenotes-prod/traces/4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(json.get(CloudLoggingFormat.SPAN_ID).asString()).isEqualTo("00f067aa0ba902b7");
        assertThat(json.get("service").asString()).isEqualTo("reporter");
        assertThat(json.get("experimentId").asString()).isEqualTo("exp-1");
        assertThat(json.has("traceId")).isFalse();
    }

    @Test
    void theGcpProfileSelectsItForTheConsoleAndTheLocalDefaultDoesNot() {
        MockEnvironment gcp = new MockEnvironment();
        gcp.setActiveProfiles("gcp");
        MockEnvironment local = new MockEnvironment();

        new ObservabilityDefaults().postProcessEnvironment(gcp, null);
        new ObservabilityDefaults().postProcessEnvironment(local, null);

        assertThat(gcp.getProperty("logging.structured.format.console")).isEqualTo(CloudLoggingFormat.class.getName());
        assertThat(local.getProperty("logging.structured.format.console")).isNull();
        assertThat(local.getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");
    }
}
