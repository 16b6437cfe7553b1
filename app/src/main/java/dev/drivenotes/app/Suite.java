package dev.drivenotes.app;

import dev.drivenotes.carla.CarlaRunnerApplication;
import dev.drivenotes.dreamer.DreamerServiceApplication;
import dev.drivenotes.orchestrator.OrchestratorApplication;
import dev.drivenotes.platform.events.InProcessEventBus;
import dev.drivenotes.reporter.ReporterApplication;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The four services in one JVM: each its own Spring Boot application on its own port, talking REST
 * over localhost, sharing one in-process event bus (the local stand-in for Pub/Sub).
 */
public final class Suite implements RunningSuite {

    /**
     * Where and how to run.
     *
     * @param portBase orchestrator's port; carla-runner, dreamer-service, reporter take the next
     *     three. 0 picks free ports.
     * @param dataDir folder for every local file
     * @param verbose log at INFO instead of WARN
     */
    public record Settings(int portBase, Path dataDir, boolean verbose) {
        public Settings {
            if (portBase != 0 && (portBase < 1024 || portBase > 65532)) {
                throw new IllegalArgumentException("--port-base must be between 1024 and 65532 (was " + portBase + ")");
            }
            dataDir = dataDir.toAbsolutePath().normalize();
        }
    }

    private final InProcessEventBus bus = new InProcessEventBus();
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final Map<String, URI> urls = new LinkedHashMap<>();

    private Suite() {}

    /** Starts carla-runner, dreamer-service, reporter, then the orchestrator. */
    public static Suite start(Settings settings) {
        Suite suite = new Suite();
        try {
            suite.startService("carla-runner", 1, CarlaRunnerApplication::builder, settings);
            suite.startService("dreamer-service", 2, DreamerServiceApplication::builder, settings);
            suite.startService("reporter", 3, ReporterApplication::builder, settings);
            suite.startService("orchestrator", 0, OrchestratorApplication::builder, settings);
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    private void startService(String name, int offset, Supplier<SpringApplicationBuilder> builder, Settings settings) {
        int port = settings.portBase() == 0 ? 0 : settings.portBase() + offset;
        List<String> props = new ArrayList<>(List.of(
                "server.port=" + port,
                "drivenotes.data-dir=" + settings.dataDir(),
                "spring.main.banner-mode=off",
                "logging.level.root=" + (settings.verbose() ? "INFO" : "WARN"),
                "logging.level.dev.drivenotes=" + (settings.verbose() ? "INFO" : "WARN"),
                // DJL probes for CUDA on every start; on a CPU-only machine that is expected, not news
                "logging.level.ai.djl.util.cuda=" + (settings.verbose() ? "WARN" : "ERROR")));
        urls.forEach((service, url) -> props.add("drivenotes.services." + service + "=" + url));
        // as command-line arguments: they must win over each service's own properties file
        ConfigurableApplicationContext context = builder.get()
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("inProcessEventBus", bus))
                .run(props.stream().map(p -> "--" + p).toArray(String[]::new));
        contexts.add(context);
        String actual = context.getEnvironment().getProperty("local.server.port");
        urls.put(name, URI.create("http://127.0.0.1:" + actual));
    }

    @Override
    public URI orchestrator() {
        return urls.get("orchestrator");
    }

    public URI carlaRunner() {
        return urls.get("carla-runner");
    }

    public URI dreamerService() {
        return urls.get("dreamer-service");
    }

    @Override
    public URI reporter() {
        return urls.get("reporter");
    }

    public Map<String, URI> urls() {
        return Map.copyOf(urls);
    }

    /** Stops the services in reverse order, then the bus (which drains what is in flight). */
    @Override
    public void close() {
        for (int i = contexts.size() - 1; i >= 0; i--) {
            try {
                contexts.get(i).close();
            } catch (RuntimeException e) {
                System.err.println("drivenotes: error while stopping a service: " + e.getMessage());
            }
        }
        contexts.clear();
        bus.close();
    }
}
