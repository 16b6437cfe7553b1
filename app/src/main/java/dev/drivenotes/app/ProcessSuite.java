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
 * carla-runner may run as several runner processes ({@code runners}), each with its own instance id
 * ({@code runner-1}, {@code runner-2}, ...) and port, sharing the work subscription; the first is
 * the carla-runner the other services call (map checks, route maps).
 */
final class ProcessSuite implements RunningSuite {

    /** Boot's launcher that runs any main class ({@code loader.main}) from an executable jar. */
    static final String PROPERTIES_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);
    private static final String PROJECT_ID = "drivenotes-local";
    /**
     * Episodes each of several runners drives at once: the runners share one machine's cores, and a
     * runner with room for every episode would pull a whole experiment before the others asked.
     */
    static final int EPISODES_PER_RUNNER = 2;

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
        return start(settings, 1, (name, url) -> {});
    }

    /**
     * Like {@link #start(Suite.Settings)}, with {@code runners} carla-runner processes, telling {@code
     * ready} each service's name and URL once it is UP (the runners after the first as {@code
     * carla-runner-2}, ...).
     */
    static ProcessSuite start(Suite.Settings settings, int runners, BiConsumer<String, URI> ready)
            throws IOException, InterruptedException {
        if (runners < 1) {
            throw new IllegalArgumentException("--runners must be at least 1 (was " + runners + ")");
        }
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
            Map<String, URI> moreRunners = new LinkedHashMap<>();
            for (int n = 2; n <= runners; n++) {
                moreRunners.put(runnerName(n), URI.create("http://127.0.0.1:" + LocalProcesses.freePort()));
            }
            // one after the other, each once the one before is UP: a JVM starting alone on a loaded
            // machine is up sooner than seven starting at once
            for (SuiteService service : SuiteService.values()) {
                URI url = suite.urls.get(service.serviceName());
                suite.launch(
                        service,
                        service.serviceName(),
                        url,
                        settings,
                        service == SuiteService.CARLA_RUNNER && runners > 1 ? runnerProperties(1) : List.of());
                suite.awaitUp(service.serviceName(), url);
                ready.accept(service.serviceName(), url);
                if (service == SuiteService.CARLA_RUNNER) {
                    for (Map.Entry<String, URI> runner : moreRunners.entrySet()) {
                        int n = Integer.parseInt(
                                runner.getKey().substring(runner.getKey().lastIndexOf('-') + 1));
                        suite.launch(service, runner.getKey(), runner.getValue(), settings, runnerProperties(n));
                        suite.awaitUp(runner.getKey(), runner.getValue());
                        ready.accept(runner.getKey(), runner.getValue());
                    }
                }
            }
            return suite;
        } catch (IOException | InterruptedException | RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    /** The settings of the {@code n}-th of several runners. */
    private static List<String> runnerProperties(int n) {
        return List.of(
                "drivenotes.runner.instance-id=runner-" + n,
                "drivenotes.runner.max-episodes-in-flight=" + EPISODES_PER_RUNNER);
    }

    /** The process name of the {@code n}-th runner (the first is plain carla-runner). */
    static String runnerName(int n) {
        return n == 1 ? SuiteService.CARLA_RUNNER.serviceName() : SuiteService.CARLA_RUNNER.serviceName() + "-" + n;
    }

    private void launch(SuiteService service, String name, URI url, Suite.Settings settings, List<String> extra)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the launcher's own JVM flags (GC, native access), never its debug agents
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:") || a.startsWith("--enable-native-access"))
                .forEach(command::add);
        command.addAll(mainClassCommand(
                System.getProperty("java.class.path"), service.application().getName()));
        command.addAll(service.arguments(url.getPort(), settings, urls));
        Stream.of(
                        "spring.profiles.active=pubsub",
                        "spring.cloud.gcp.project-id=" + PROJECT_ID,
                        "spring.cloud.gcp.pubsub.emulator-host=" + emulator.hostPort(),
                        "spring.cloud.gcp.pubsub.publisher.enable-message-ordering=true",
                        "drivenotes.gcp.pubsub.create-resources=true",
                        // a process of its own: every line it logs is the service's
                        "drivenotes.logs.unlabelled=" + name)
                .forEach(p -> command.add("--" + p));
        extra.forEach(p -> command.add("--" + p));
        Path log = logs.resolve(name + ".log");
        processes.put(
                name,
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

    private void awaitUp(String name, URI url) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = url.resolve(SuiteService.HEALTH_PATH);
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

    /**
     * The process of one service, by {@link SuiteService#serviceName()} or {@link #runnerName} (fault
     * tests stop and resume it).
     */
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
