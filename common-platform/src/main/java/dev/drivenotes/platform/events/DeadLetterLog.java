package dev.drivenotes.platform.events;

import dev.drivenotes.platform.files.DurableFiles;
import dev.drivenotes.platform.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;

/**
 * Dead letters as JSON lines, one file per subscription ({@code <folder>/<subscription>.jsonl}),
 * appended (and forced to the disk) before the subscription moves past the event, so an event is
 * either delivered, dead-lettered or still ahead of its subscription after any crash.
 */
final class DeadLetterLog {

    private final Path folder;
    private final boolean fsync;

    DeadLetterLog(Path folder, boolean fsync) {
        this.folder = folder;
        this.fsync = fsync;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the dead-letter folder " + folder, e);
        }
    }

    synchronized void add(DeadLetter letter) {
        try {
            DurableFiles.appendLine(
                    folder.resolve(letter.subscription() + ".jsonl"),
                    Json.mapper().writeValueAsBytes(letter),
                    fsync);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot dead-letter " + letter.event().eventId() + " of '" + letter.subscription() + "'", e);
        }
    }

    /** Every dead letter of every subscription, oldest first per subscription. */
    synchronized List<DeadLetter> all() {
        List<DeadLetter> letters = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (!lines.get(i).isBlank()) {
                        parse(file, lines.get(i), i == lines.size() - 1).ifPresent(letters::add);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dead letters in " + folder, e);
        }
        return letters;
    }

    /**
     * A line torn by a crash can only be the last one, written by a dead-lettering that never
     * finished: its subscription did not move past the event, which comes back and is dead-lettered
     * again. Any other unreadable line is corruption.
     */
    private static Optional<DeadLetter> parse(Path file, String line, boolean last) {
        try {
            return Optional.of(Json.mapper().readValue(line, DeadLetter.class));
        } catch (JacksonException e) {
            if (last) {
                return Optional.empty();
            }
            throw new IllegalStateException("dead-letter file " + file + " is corrupt: " + e.getOriginalMessage(), e);
        }
    }

    /** How many dead letters a subscription has. */
    synchronized long count(String subscription) {
        Path file = folder.resolve(subscription + ".jsonl");
        if (!Files.exists(file)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> !l.isBlank()).count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dead letters of '" + subscription + "'", e);
        }
    }
}
