package dev.drivenotes.app;

import dev.drivenotes.platform.events.InProcessEventBus;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The four services in one JVM: each its own Spring Boot application on its own port, talking REST
 * over localhost, sharing one durable in-process event bus (the local stand-in for Pub/Sub, in
 * {@code DATA/events}). The services register no shutdown hooks of their own: whoever started the
 * suite closes it ({@link #close}), in order, so that no service stops under another's feet.
 */
public final class Suite implements RunningSuite {

    /**
     * Where and how to run.
     *
     * @param portBase first of the four ports (see {@link SuiteService#port}); 0 picks free ports
     * @param dataDir folder for every local file
     * @param verbose show the services' INFO lines on the terminal, not only their warnings (the
     *     files in {@code DATA/logs} always have them)
     * @param simulator what carla-runner simulates with
     */
    public record Settings(int portBase, Path dataDir, boolean verbose, SimulatorBackend simulator) {

        static final int MAX_PORT_BASE = 65532;

        public Settings {
            if (portBase != 0 && (portBase < 1024 || portBase > MAX_PORT_BASE)) {
                throw new IllegalArgumentException(
                        "--port-base must be between 1024 and " + MAX_PORT_BASE + " (was " + portBase + ")");
            }
            dataDir = dataDir.toAbsolutePath().normalize();
            Objects.requireNonNull(simulator, "simulator");
        }

        /** With carla-runner's embedded simulator. */
        public Settings(int portBase, Path dataDir, boolean verbose) {
            this(portBase, dataDir, verbose, SimulatorBackend.EMBEDDED);
        }
    }

    /** How long stopping waits for the services to handle what the orchestrator published last. */
    static final Duration DRAIN = Duration.ofSeconds(15);

    private final InProcessEventBus bus;
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final Map<String, URI> urls = new LinkedHashMap<>();
    private final Map<SuiteService, MeterRegistry> meters = new EnumMap<>(SuiteService.class);

    private Suite(InProcessEventBus bus) {
        this.bus = bus;
    }

    /**
     * Checks the ports, then starts the services in {@link SuiteService} order, each told the URLs of
     * those already up.
     */
    public static Suite start(Settings settings) {
        return start(settings, Map.of());
    }

    /**
     * Like {@link #start(Settings)}, with some services already running elsewhere (for example a
     * dreamer-service on another machine): those are not started here, and every service started is
     * told their URL instead.
     *
     * @param elsewhere base URL by {@link SuiteService#serviceName()}; never the orchestrator, which
     *     the suite is driven through
     * @throws IllegalArgumentException for an unknown service name or the orchestrator
     */
    public static Suite start(Settings settings, Map<String, URI> elsewhere) {
        return start(settings, elsewhere, (name, url) -> {});
    }

    /**
     * Like {@link #start(Settings, Map)}, telling {@code ready} each service's name and URL as soon
     * as it serves.
     */
    public static Suite start(Settings settings, Map<String, URI> elsewhere, BiConsumer<String, URI> ready) {
        requireServicesThatCanRunElsewhere(elsewhere.keySet());
        FreePorts.require(settings.portBase());
        Suite suite = new Suite(InProcessEventBus.open(settings.dataDir().resolve("events")));
        suite.urls.putAll(elsewhere);
        try {
            for (SuiteService service : SuiteService.values()) {
                if (!elsewhere.containsKey(service.serviceName())) {
                    suite.startService(service, settings);
                    ready.accept(service.serviceName(), suite.urls.get(service.serviceName()));
                }
            }
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    private static void requireServicesThatCanRunElsewhere(Set<String> names) {
        List<String> allowed = Arrays.stream(SuiteService.values())
                .filter(s -> s != SuiteService.ORCHESTRATOR)
                .map(SuiteService::serviceName)
                .toList();
        for (String name : names) {
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException(
                        "a service running elsewhere must be one of " + allowed + " (was " + name + ")");
            }
        }
    }

    private void startService(SuiteService service, Settings settings) {
        ConfigurableApplicationContext context = service.builder()
                .registerShutdownHook(false)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("inProcessEventBus", bus))
                .run(Stream.concat(
                                service.arguments(service.port(settings.portBase()), settings, urls).stream(),
                                // one JVM: lines outside the four services are the launcher's
                                Stream.of("--drivenotes.logs.unlabelled=drivenotes"))
                        .toArray(String[]::new));
        contexts.add(context);
        meters.put(service, context.getBean(MeterRegistry.class));
        String actual = context.getEnvironment().getProperty("local.server.port");
        urls.put(service.serviceName(), URI.create("http://127.0.0.1:" + actual));
    }

    @Override
    public Map<String, URI> urls() {
        return Map.copyOf(urls);
    }

    /** The meters of a service started here (what its {@code /actuator/prometheus} exports). */
    MeterRegistry meters(SuiteService service) {
        MeterRegistry registry = meters.get(service);
        if (registry == null) {
            throw new IllegalStateException(service.serviceName() + " is not running in this suite");
        }
        return registry;
    }

    /**
     * Stops the services in reverse order. The orchestrator goes first; then, for up to {@link
     * #DRAIN}, the other services handle what it published (the reporter records an experiment's last
     * events, a cancellation among them) before they stop; what is still undelivered waits in {@code
     * DATA/events} for the next start. Closing twice (a shutdown hook and the caller) stops once.
     */
    @Override
    public synchronized void close() {
        for (int i = contexts.size() - 1; i >= 0; i--) {
            try {
                contexts.get(i).close();
            } catch (RuntimeException e) {
                System.err.println("drivenotes: error while stopping a service: " + e.getMessage());
            }
            if (i == contexts.size() - 1) {
                drain();
            }
        }
        contexts.clear();
        bus.close();
    }

    private void drain() {
        try {
            if (!bus.awaitIdle(DRAIN)) {
                System.err.println("drivenotes: events still undelivered after " + DRAIN.toSeconds()
                        + " s; they are delivered on the next start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
