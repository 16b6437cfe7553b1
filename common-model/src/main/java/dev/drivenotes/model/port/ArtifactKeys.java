package dev.drivenotes.model.port;

import dev.drivenotes.model.InvalidInputException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** Where artifacts live, one place for every service. Keys never collide across experiments. */
public final class ArtifactKeys {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private ArtifactKeys() {}

    public static String trajectory(String experimentId, String episodeId) {
        return "trajectories/" + safe(experimentId) + "/" + safe(episodeId) + ".jsonl.gz";
    }

    public static String reportJson(String experimentId) {
        return "reports/" + safe(experimentId) + "/report.json";
    }

    public static String reportHtml(String experimentId) {
        return "reports/" + safe(experimentId) + "/report.html";
    }

    /** The daily report of a UTC date: {@code reports/daily/YYYY-MM-DD.json}. */
    public static String dailyReportJson(LocalDate date) {
        return "reports/daily/" + date + ".json";
    }

    /** The daily report of a UTC date as HTML: {@code reports/daily/YYYY-MM-DD.html}. */
    public static String dailyReportHtml(LocalDate date) {
        return "reports/daily/" + date + ".html";
    }

    /** Checks that a folder is a relative path of safe segments followed by '/' (e.g. {@code reports/x/}). */
    public static String validateFolder(String folder) {
        if (folder == null || !folder.endsWith("/")) {
            throw new InvalidInputException("folder", "must end with '/' (was " + folder + ")");
        }
        validate(folder.substring(0, folder.length() - 1));
        return folder;
    }

    /** Checks that a key is a relative path of safe segments (no '..', no absolute paths). */
    public static String validate(String key) {
        if (key == null || key.isEmpty()) {
            throw new InvalidInputException("key", "must not be empty");
        }
        for (String segment : key.split("/", -1)) {
            safe(segment);
        }
        return key;
    }

    private static String safe(String segment) {
        if (segment == null || !SEGMENT.matcher(segment).matches() || segment.contains("..")) {
            throw new InvalidInputException("key", "unsafe path segment '" + segment + "'");
        }
        return segment;
    }
}
