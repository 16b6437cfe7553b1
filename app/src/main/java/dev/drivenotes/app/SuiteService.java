package dev.drivenotes.app;

import dev.drivenotes.carla.CarlaRunnerApplication;
import dev.drivenotes.dreamer.DreamerServiceApplication;
import dev.drivenotes.orchestrator.OrchestratorApplication;
import dev.drivenotes.reporter.ReporterApplication;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The four services of the local suite, in start order (carla-runner, the runner that calls
 * dreamer-service, after it; the orchestrator, which calls carla-runner and the reporter, last): the
 * one description that {@link Suite} (one JVM) and {@link ProcessSuite} (one
 * process each) both start from.
 */
enum SuiteService {
    DREAMER_SERVICE("dreamer-service", 2, DreamerServiceApplication.class, DreamerServiceApplication::builder),
    CARLA_RUNNER("carla-runner", 1, CarlaRunnerApplication.class, CarlaRunnerApplication::builder),
    REPORTER("reporter", 3, ReporterApplication.class, ReporterApplication::builder),
    ORCHESTRATOR("orchestrator", 0, OrchestratorApplication.class, OrchestratorApplication::builder);

    /** The services' logging configuration, on the launcher's class path. */
    static final String LOGGING_CONFIG = "drivenotes-logback.xml";

    /** Where every service answers {@code {"status":"UP"}} once it serves. */
    static final String HEALTH_PATH = "/actuator/health";

    private final String serviceName;
    private final int portOffset;
    private final Class<?> application;
    private final Supplier<SpringApplicationBuilder> builder;

    SuiteService(String serviceName, int portOffset, Class<?> application, Supplier<SpringApplicationBuilder> builder) {
        this.serviceName = serviceName;
        this.portOffset = portOffset;
        this.application = application;
        this.builder = builder;
    }

    /** The name in logs, in {@code drivenotes.services.<name>} and in the Spring config file name. */
    String serviceName() {
        return serviceName;
    }

    /** Its port: {@code --port-base} plus its offset, or 0 (any free port) when the base is 0. */
    int port(int portBase) {
        return portBase == 0 ? 0 : portBase + portOffset;
    }

    /** The main class, for a process of its own. */
    Class<?> application() {
        return application;
    }

    /** The Spring application, for this JVM. */
    SpringApplicationBuilder builder() {
        return builder.get();
    }

    /**
     * Its command-line arguments (they win over the service's own properties file): port, data
     * folder, logging, the URL of every service in {@code peers} and, for carla-runner, its simulator
     * backend. Logs go, as JSON lines, to {@code DATA/logs/<service>.json} (see {@code
     * drivenotes-logback.xml}); the terminal shows only warnings, or INFO as well when verbose.
     */
    List<String> arguments(int port, Suite.Settings settings, Map<String, URI> peers) {
        List<String> props = new ArrayList<>(List.of(
                "server.port=" + port,
                "drivenotes.data-dir=" + settings.dataDir(),
                "spring.main.banner-mode=off",
                "logging.config=classpath:" + LOGGING_CONFIG,
                "logging.level.root=INFO",
                "drivenotes.logs.console-level=" + (settings.verbose() ? "INFO" : "WARN"),
                // DJL probes for CUDA on every start; on a CPU-only machine that is expected, not news
                "logging.level.ai.djl.util.cuda=" + (settings.verbose() ? "WARN" : "ERROR"),
                // the local suite serves its API docs and Swagger UI on purpose; said explicitly,
                // springdoc does not warn on the terminal that they are on by default
                "springdoc.api-docs.enabled=true",
                "springdoc.swagger-ui.enabled=true"));
        peers.forEach((name, url) -> props.add("drivenotes.services." + name + "=" + url));
        if (this == CARLA_RUNNER) {
            props.addAll(settings.simulator().carlaRunnerProperties());
        }
        return props.stream().map(p -> "--" + p).toList();
    }

    /** Orchestrator, carla-runner, dreamer-service, reporter: by port. */
    static List<SuiteService> inPortOrder() {
        return Arrays.stream(values())
                .sorted(Comparator.comparingInt(s -> s.portOffset))
                .toList();
    }

    /** The ports as help text: {@code orchestrator P, carla-runner P+1, ...}. */
    static String portLayout() {
        return inPortOrder().stream()
                .map(s -> s.serviceName + (s.portOffset == 0 ? " P" : " P+" + s.portOffset))
                .collect(Collectors.joining(", "));
    }
}
