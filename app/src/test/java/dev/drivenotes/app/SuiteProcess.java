package dev.drivenotes.app;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code drivenotes up} in a JVM of its own, as an operator starts it, on free ports and a given
 * data folder; killed with SIGKILL ({@link #kill}) or stopped as Ctrl-C would ({@link #stop}). The
 * service URLs are read from what {@code up} prints.
 */
final class SuiteProcess {

    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final Duration STOP = Duration.ofMinutes(1);
    private static final Pattern URL_LINE = Pattern.compile("^\\s+(\\S+)\\s+(http://\\S+)\\s*$");

    private final Process process;
    private final Path log;
    private final Map<String, URI> urls;

    private SuiteProcess(Process process, Path log, Map<String, URI> urls) {
        this.process = process;
        this.log = log;
        this.urls = urls;
    }

    /**
     * Starts {@code up} from this JVM's class path (the test class path names every module) and
     * waits until it prints its URLs.
     */
    static SuiteProcess start(Path data, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseParallelGC",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                DriveNotes.class.getName(),
                "up",
                "--port-base",
                "0",
                "--data",
                data.toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("drivenotes up exited with " + process.exitValue() + "; see " + log);
            }
            Map<String, URI> urls = urls(Files.readAllLines(log));
            if (urls.containsKey("orchestrator") && urls.containsKey("reporter")) {
                return new SuiteProcess(process, log, urls);
            }
            Thread.sleep(200);
        }
        process.destroyForcibly().waitFor();
        throw new IllegalStateException("drivenotes up did not come up within " + STARTUP + "; see " + log);
    }

    private static Map<String, URI> urls(List<String> lines) {
        Map<String, URI> urls = new HashMap<>();
        boolean listing = false;
        for (String line : lines) {
            if (line.startsWith("DriveNotes is up")) {
                listing = true;
                continue;
            }
            Matcher m = URL_LINE.matcher(line);
            if (listing && m.matches()) {
                urls.put(m.group(1), URI.create(m.group(2)));
            }
        }
        return urls;
    }

    URI orchestrator() {
        return urls.get("orchestrator");
    }

    /** SIGKILL: nothing runs after it, no hook, no flush. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("drivenotes up survived SIGKILL; see " + log);
        }
    }

    /** SIGTERM, as Ctrl-C: {@code up} closes the suite in order (the DuckDB file among others). */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("drivenotes up did not stop within " + STOP + "; see " + log);
        }
    }
}
