package dev.drivenotes.app;

import dev.drivenotes.platform.gcp.emulator.EmulatorProcess;
import dev.drivenotes.platform.gcp.emulator.LocalProcesses;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The four services as separate processes (one JVM each, started from this launcher's own jar or
 * class path) talking REST over localhost and events over Google's Pub/Sub emulator (profile {@code
 * pubsub}: only the bus is Google's; state, metrics and artifacts stay in the shared data folder).
 */
final class ProcessSuite implements RunningSuite {

    /** Boot's launcher that runs any main class ({@code loader.main}) from an executable jar. */
    static final String PROPERTIES_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);
    private static final String PROJECT_ID = "drivenotes-local";

    private final Map<String, URI> urls = new LinkedHashMap<>();
    private final LinkedHashMap<String, Process> processes = new LinkedHashMap<>();
    private final Path logs;
    private final Thread shutdownHook = new Thread(this::stopAll, "drivenotes-process-suite-stop");
    private EmulatorProcess emulator;

    private ProcessSuite(Path logs) {
        this.logs = logs;
    }

    /** Checks the ports, starts the emulator, then the four services, and waits until every one reports UP. */
    static ProcessSuite start(Suite.Settings settings) throws IOException, InterruptedException {
        return start(settings, (name, url) -> {});
    }

    /** Like {@link #start(Suite.Settings)}, telling {@code ready} each service's name and URL once it is UP. */
    static ProcessSuite start(Suite.Settings settings, BiConsumer<String, URI> ready)
            throws IOException, InterruptedException {
        FreePorts.require(settings.portBase());
        Path launcher = PubSubEmulator.launcher();
        PubSubEmulator.requireInstalled(launcher);
        Path logs = settings.dataDir().resolve("logs");
        Files.createDirectories(logs);
        ProcessSuite suite = new ProcessSuite(logs);
        Runtime.getRuntime().addShutdownHook(suite.shutdownHook);
        try {
            suite.emulator = PubSubEmulator.start(launcher, logs.resolve("pubsub-emulator.log"));
            for (SuiteService service : SuiteService.values()) {
                int port = settings.portBase() == 0 ? LocalProcesses.freePort() : service.port(settings.portBase());
                suite.urls.put(service.serviceName(), URI.create("http://127.0.0.1:" + port));
            }
            for (SuiteService service : SuiteService.values()) {
                suite.launch(service, settings);
            }
            for (SuiteService service : SuiteService.values()) {
                suite.awaitUp(service.serviceName());
                ready.accept(service.serviceName(), suite.urls.get(service.serviceName()));
            }
            return suite;
        } catch (IOException | InterruptedException | RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    private void launch(SuiteService service, Suite.Settings settings) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the launcher's own JVM flags (GC, native access), never its debug agents
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:") || a.startsWith("--enable-native-access"))
                .forEach(command::add);
        command.addAll(mainClassCommand(
                System.getProperty("java.class.path"), service.application().getName()));
        command.addAll(service.arguments(urls.get(service.serviceName()).getPort(), settings, urls));
        Stream.of(
                        "spring.profiles.active=pubsub",
                        "spring.cloud.gcp.project-id=" + PROJECT_ID,
                        "spring.cloud.gcp.pubsub.emulator-host=" + emulator.hostPort(),
                        "spring.cloud.gcp.pubsub.publisher.enable-message-ordering=true",
                        "drivenotes.gcp.pubsub.create-resources=true",
                        // a process of its own: every line it logs is the service's
                        "drivenotes.logs.unlabelled=" + service.serviceName())
                .forEach(p -> command.add("--" + p));
        Path log = logs.resolve(service.serviceName() + ".log");
        processes.put(
                service.serviceName(),
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start());
    }

    /**
     * How to run {@code mainClass} from this launcher's class path: inside the executable jar via
     * Boot's {@code PropertiesLauncher}, otherwise (tests, an IDE, the jar extracted for class data
     * sharing, whose manifest lists its libraries) straight from the class path.
     */
    static List<String> mainClassCommand(String classPath, String mainClass) {
        boolean executableJar =
                !classPath.contains(File.pathSeparator) && classPath.endsWith(".jar") && !extracted(Path.of(classPath));
        if (executableJar) {
            return List.of("-cp", classPath, "-Dloader.main=" + mainClass, PROPERTIES_LAUNCHER);
        }
        return List.of("-cp", classPath, mainClass);
    }

    /** Whether {@code jar} is the plain jar of Boot's extracted layout (no nested jars, no {@code Start-Class}). */
    static boolean extracted(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return false;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            return manifest != null && manifest.getMainAttributes().getValue("Start-Class") == null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the launcher's jar " + jar, e);
        }
    }

    private void awaitUp(String name) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = urls.get(name).resolve(SuiteService.HEALTH_PATH);
        Process process = processes.get(name);
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " exited with " + process.exitValue() + "; see " + logs.resolve(name + ".log"));
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(health)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(
                name + " was not UP within " + STARTUP_TIMEOUT + "; see " + logs.resolve(name + ".log"));
    }

    /** The process of one service, by {@link SuiteService#serviceName()} (fault tests stop and resume it). */
    ProcessHandle process(String serviceName) {
        Process process = processes.get(serviceName);
        if (process == null) {
            throw new IllegalArgumentException("no service " + serviceName + " in this suite");
        }
        return process.toHandle();
    }

    @Override
    public Map<String, URI> urls() {
        return Map.copyOf(urls);
    }

    /** Stops the services (the orchestrator, started last, first), then the emulator. */
    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing left to remove
        }
    }

    private synchronized void stopAll() {
        List<Process> lastStartedFirst =
                processes.sequencedValues().reversed().stream().toList();
        lastStartedFirst.forEach(Process::destroy);
        lastStartedFirst.forEach(LocalProcesses::stop);
        processes.clear();
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }
}
