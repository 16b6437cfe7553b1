package dev.drivenotes.platform.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLogFormatter;
import org.springframework.core.env.Environment;

/**
 * Cloud Logging's structured JSON, one object per line on stdout (Cloud Run and the Ops Agent
 * parse it): {@code time}, {@code severity}, {@code message}, the trace and span in the fields
 * Cloud Logging links to Cloud Trace, {@code service}, the logger, the MDC (experimentId,
 * episodeId, ...) and any stack trace. The gcp profile selects it ({@link ObservabilityDefaults}).
 */
public final class CloudLoggingFormat implements StructuredLogFormatter<ILoggingEvent> {

    static final String TRACE = "logging.googleapis.com/trace";
    static final String SPAN_ID = "logging.googleapis.com/spanId";

    private final JsonWriter<ILoggingEvent> writer;

    public CloudLoggingFormat(Environment environment, ThrowableProxyConverter throwables) {
        String service = environment.getProperty("spring.application.name", "drivenotes");
        String project = environment.getProperty(
                "spring.cloud.gcp.project-id", environment.getProperty("GOOGLE_CLOUD_PROJECT", ""));
        this.writer = JsonWriter.<ILoggingEvent>of(members -> {
                    members.add(
                            "time", e -> Instant.ofEpochMilli(e.getTimeStamp()).toString());
                    members.add("severity", e -> severity(e.getLevel()));
                    members.add("message", ILoggingEvent::getFormattedMessage);
                    members.add(TRACE, e -> mdc(e, "traceId"))
                            .whenNotNull()
                            .as(traceId -> "projects/" + project + "/traces/" + traceId);
                    members.add(SPAN_ID, e -> mdc(e, "spanId")).whenNotNull();
                    members.add(LogContext.SERVICE, service);
                    members.add("logger", ILoggingEvent::getLoggerName);
                    members.add("thread", ILoggingEvent::getThreadName);
                    members.addMapEntries(CloudLoggingFormat::mdcWithoutIds);
                    members.add("stack_trace", e -> e.getThrowableProxy() == null ? null : throwables.convert(e))
                            .whenNotNull();
                })
                .withNewLineAtEnd();
    }

    @Override
    public String format(ILoggingEvent event) {
        return writer.writeToString(event);
    }

    /** Cloud Logging's LogSeverity for a logback level. */
    static String severity(Level level) {
        return switch (level.toInt()) {
            case Level.ERROR_INT -> "ERROR";
            case Level.WARN_INT -> "WARNING";
            case Level.INFO_INT -> "INFO";
            default -> "DEBUG";
        };
    }

    private static String mdc(ILoggingEvent event, String key) {
        return event.getMDCPropertyMap().get(key);
    }

    private static Map<String, String> mdcWithoutIds(ILoggingEvent event) {
        Map<String, String> mdc = new TreeMap<>(event.getMDCPropertyMap());
        mdc.remove("traceId");
        mdc.remove("spanId");
        mdc.remove(LogContext.SERVICE);
        return mdc;
    }
}
