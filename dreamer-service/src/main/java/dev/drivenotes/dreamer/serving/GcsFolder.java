package dev.drivenotes.dreamer.serving;

import java.util.regex.Pattern;

/**
 * A Cloud Storage "folder", {@code gs://bucket/prefix/}: what Vertex AI puts in {@code
 * AIP_STORAGE_URI} for a model's artifacts. Parsed by hand rather than with {@link java.net.URI},
 * which rejects characters that object names may hold (spaces, {@code #}, {@code ?}). The prefix
 * always ends with {@code /} (or is empty: the bucket's root), so {@code gs://b/run-1} never
 * matches the objects of {@code gs://b/run-10}.
 *
 * @param bucket the bucket name
 * @param prefix the object-name prefix, empty or ending with {@code /}
 */
record GcsFolder(String bucket, String prefix) {

    private static final String SCHEME = "gs://";
    // bucket naming rules: lower-case letters, digits, '-', '_' and '.', starting and ending with a
    // letter or digit, 3..63 characters (up to 222 for dotted names)
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]");

    /** Whether a configured location means Cloud Storage (so must be parsed as one), any case. */
    static boolean isGcs(String location) {
        return location != null && location.regionMatches(true, 0, "gs:", 0, 3);
    }

    /**
     * Parses {@code gs://bucket[/prefix][/]}.
     *
     * @param setting the setting the location came from, named in the error
     * @throws IllegalArgumentException naming the setting when the location is not one
     */
    static GcsFolder parse(String setting, String location) {
        if (location == null || !location.startsWith(SCHEME)) {
            throw malformed(setting, location, "it must start with " + SCHEME);
        }
        String rest = location.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw malformed(setting, location, "'" + bucket + "' is not a Cloud Storage bucket name");
        }
        if (prefix.startsWith("/") || prefix.contains("//")) {
            throw malformed(setting, location, "the path has an empty segment ('//')");
        }
        if (prefix.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw malformed(setting, location, "the path holds a control character");
        }
        return new GcsFolder(bucket, prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/");
    }

    /** The name of the object {@code file} in this folder. */
    String objectName(String file) {
        return prefix + file;
    }

    /** The {@code gs://} URI of the object {@code file} in this folder. */
    String uriOf(String file) {
        return this + file;
    }

    @Override
    public String toString() {
        return SCHEME + bucket + "/" + prefix;
    }

    private static IllegalArgumentException malformed(String setting, String location, String why) {
        String shown = location == null ? null : location.replaceAll("\\p{Cntrl}", "?");
        return new IllegalArgumentException(
                setting + " '" + shown + "' is not a " + SCHEME + "bucket/prefix location: " + why);
    }
}
