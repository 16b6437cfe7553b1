package dev.drivenotes.platform.web.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The long form of the bad-request corpus: at least a thousand hostile requests per service against
 * a running suite ({@code ./drivenotes up}), on loopback only, one at a time. Prints each service's
 * figures, the suite's resident memory before and after (with {@code --pid}), and exits 1 unless
 * every request was answered 4xx with problem details and every body over a limit with 413.
 *
 * <pre>
 * tools/bad-requests.sh [--port-base 8080] [--per-service 1000] [--seed 1] [--pid PID]
 * </pre>
 */
public final class BadRequestFlood {

    /** Port offsets of the local suite: orchestrator P, carla-runner P+1, dreamer-service P+2, reporter P+3. */
    private static final Map<Surface, Integer> OFFSETS = Map.of(
            ServiceSurfaces.ORCHESTRATOR, 0,
            ServiceSurfaces.CARLA_RUNNER, 1,
            ServiceSurfaces.DREAMER_SERVICE, 2,
            ServiceSurfaces.REPORTER, 3);

    private BadRequestFlood() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        int portBase = Integer.parseInt(options.getOrDefault("--port-base", "8080"));
        int perService = Integer.parseInt(options.getOrDefault("--per-service", "1000"));
        long seed = Long.parseLong(options.getOrDefault("--seed", "1"));
        String pid = options.get("--pid");

        long rssBefore = rssKiB(pid);
        long started = System.nanoTime();
        List<BadRequestRun.Figures> all = new ArrayList<>();
        for (Surface surface : ServiceSurfaces.ALL) {
            URI base = URI.create("http://127.0.0.1:" + (portBase + OFFSETS.get(surface)));
            BadRequestRun.Figures figures =
                    BadRequestRun.run(surface.service(), base, BadRequestCorpus.generate(surface, seed, perService));
            System.out.println(figures);
            figures.failures().stream().limit(10).forEach(f -> System.out.println("    " + f));
            all.add(figures);
        }
        long rssAfter = rssKiB(pid);

        int sent = all.stream().mapToInt(BadRequestRun.Figures::sent).sum();
        int serverErrors =
                all.stream().mapToInt(BadRequestRun.Figures::serverErrors).sum();
        int notProblem =
                all.stream().mapToInt(BadRequestRun.Figures::notProblemDetails).sum();
        int overLimit = all.stream().mapToInt(BadRequestRun.Figures::overLimit).sum();
        int answered413 = all.stream()
                .mapToInt(BadRequestRun.Figures::overLimitAnswered413)
                .sum();
        long largest = all.stream()
                .mapToLong(BadRequestRun.Figures::largestReplyBytes)
                .max()
                .orElse(0);
        System.out.printf(
                "total: %d bad requests in %.1f s: %d x 5xx, %d not problem+json, bodies over the limit %d/%d"
                        + " answered 413, largest reply %d B%n",
                sent, (System.nanoTime() - started) / 1e9, serverErrors, notProblem, answered413, overLimit, largest);
        if (pid != null) {
            System.out.printf(
                    "resident memory of %s: %d MiB before, %d MiB after%n", pid, rssBefore / 1024, rssAfter / 1024);
        }
        boolean clean = all.stream().allMatch(BadRequestRun.Figures::clean) && answered413 == overLimit;
        System.exit(clean ? 0 : 1);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!List.of("--port-base", "--per-service", "--seed", "--pid").contains(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            options.put(args[i], args[i + 1]);
        }
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("every option takes a value: " + String.join(" ", args));
        }
        return options;
    }

    /** VmRSS of a Linux process, in KiB; 0 without a pid. */
    private static long rssKiB(String pid) throws IOException {
        if (pid == null) {
            return 0;
        }
        return Files.readAllLines(Path.of("/proc", pid, "status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst()
                .orElse(0);
    }
}
