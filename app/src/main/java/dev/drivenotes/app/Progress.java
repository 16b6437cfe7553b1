package dev.drivenotes.app;

import java.io.PrintStream;
import java.time.Duration;

/**
 * {@code run}'s progress: episodes done of the total, simulation steps per second and an ETA. On a
 * terminal one line is rewritten in place; anywhere else (a pipe, a file, a test) a plain line is
 * printed whenever the episodes done change.
 */
final class Progress {

    private static final int BAR_CHARS = 20;

    private final PrintStream out;
    private final boolean terminal;
    private final int episodes;
    private int shownDone = -1;
    private int width;

    Progress(PrintStream out, boolean terminal, int episodes) {
        this.out = out;
        this.terminal = terminal;
        this.episodes = episodes;
    }

    /** A terminal is there when the JVM has a console and stdout is what this prints to. */
    static boolean terminal(PrintStream out) {
        return out == System.out && System.console() != null;
    }

    /**
     * @param elapsedS seconds since the run started
     * @param stepsPerSecond simulation steps per second lately, or NaN when unknown
     * @param eta time left, or null when it cannot be told yet
     */
    void update(double elapsedS, int done, double stepsPerSecond, Duration eta) {
        if (!terminal && done == shownDone) {
            return;
        }
        shownDone = done;
        String line = line(elapsedS, done, stepsPerSecond, eta);
        if (terminal) {
            out.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
            width = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Ends the line rewritten in place, so what follows starts on a line of its own. */
    void finish() {
        if (terminal && width > 0) {
            out.println();
            width = 0;
        }
    }

    String line(double elapsedS, int done, double stepsPerSecond, Duration eta) {
        int filled = episodes == 0 ? BAR_CHARS : BAR_CHARS * Math.min(done, episodes) / episodes;
        return String.format(
                "  [%6.1f s] [%s%s] %d/%d episodes done, %s steps/s, ETA %s",
                elapsedS,
                "#".repeat(filled),
                ".".repeat(BAR_CHARS - filled),
                done,
                episodes,
                Double.isNaN(stepsPerSecond) ? "--" : String.format("%.0f", stepsPerSecond),
                eta == null ? "--" : eta.toSeconds() + " s");
    }

    /**
     * Time left at the pace so far: the episodes left at the mean time per finished episode; null
     * before the first one finished.
     */
    static Duration eta(double drivingS, int done, int episodes) {
        if (done <= 0 || done >= episodes) {
            return done >= episodes ? Duration.ZERO : null;
        }
        return Duration.ofMillis(Math.round(drivingS / done * (episodes - done) * 1000));
    }
}
