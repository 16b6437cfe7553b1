package dev.drivenotes.platform.events;

import dev.drivenotes.platform.files.DurableFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Each subscription's delivery offset (the seq of the next event it gets) as a file {@code
 * <folder>/<subscription>.offset}, replaced atomically after the subscription handled an event. A
 * subscription with a file exists across restarts and holds back compaction until it consumed.
 */
final class SubscriptionOffsets {

    private static final String SUFFIX = ".offset";

    private final Path folder;
    private final boolean fsync;
    private final Map<String, Long> offsets = new ConcurrentHashMap<>();

    SubscriptionOffsets(Path folder, boolean fsync) {
        this.folder = folder;
        this.fsync = fsync;
        try {
            Files.createDirectories(folder);
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).forEach(this::load);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read subscription offsets in " + folder, e);
        }
    }

    private void load(Path file) {
        String name = file.getFileName().toString();
        String subscription = name.substring(0, name.length() - SUFFIX.length());
        try {
            offsets.put(subscription, Long.parseLong(Files.readString(file).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read offset file " + file, e);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("offset file " + file + " is corrupt: " + e.getMessage(), e);
        }
    }

    OptionalLong get(String subscription) {
        Long offset = offsets.get(subscription);
        return offset == null ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    /** Persists a subscription's offset (atomically: the old or the new value survives a crash). */
    void put(String subscription, long offset) {
        try {
            DurableFiles.replace(
                    folder.resolve(subscription + SUFFIX),
                    Long.toString(offset).getBytes(StandardCharsets.US_ASCII),
                    fsync);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot persist the offset of subscription '" + subscription + "'", e);
        }
        offsets.put(subscription, offset);
    }

    /** The lowest offset of any known subscription, or {@code end} when there is none. */
    long min(long end) {
        return offsets.values().stream().mapToLong(Long::longValue).min().orElse(end);
    }
}
