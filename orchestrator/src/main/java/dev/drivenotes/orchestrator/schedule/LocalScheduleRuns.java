package dev.drivenotes.orchestrator.schedule;

import dev.drivenotes.platform.files.DurableFiles;
import dev.drivenotes.platform.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** Slots as one JSON file each under a folder; one process owns the folder (the local default). */
final class LocalScheduleRuns implements ScheduleRuns {

    private final Path folder;

    LocalScheduleRuns(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open schedule-run store " + folder, e);
        }
    }

    @Override
    public synchronized Claim claim(String name, LocalDate date, Instant now, Duration lease) {
        Optional<ScheduleRun> existing = read(ScheduleRun.key(name, date));
        if (existing.isPresent() && !existing.get().abandoned(now)) {
            return new Claim(existing.get(), false);
        }
        ScheduleRun claimed = ScheduleRun.claim(name, date, now, lease);
        write(claimed);
        return new Claim(claimed, true);
    }

    @Override
    public synchronized ScheduleRun started(ScheduleRun claimed, String experimentId) {
        ScheduleRun current = read(claimed.key()).orElse(null);
        if (current == null || !current.sameClaim(claimed)) {
            throw new ClaimLostException(claimed, current);
        }
        ScheduleRun run = current.started(experimentId);
        write(run);
        return run;
    }

    @Override
    public synchronized void release(ScheduleRun claimed) {
        Optional<ScheduleRun> current = read(claimed.key());
        if (current.isEmpty() || !current.get().sameClaim(claimed)) {
            return;
        }
        try {
            Files.deleteIfExists(fileOf(claimed.key()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release schedule run " + claimed.key(), e);
        }
    }

    private Optional<ScheduleRun> read(String key) {
        Path file = fileOf(key);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(Json.mapper().readValue(file.toFile(), ScheduleRun.class));
    }

    private Path fileOf(String key) {
        return folder.resolve(key + ".json");
    }

    private void write(ScheduleRun run) {
        try {
            DurableFiles.replace(fileOf(run.key()), Json.mapper().writeValueAsBytes(run), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot persist schedule run " + run.key(), e);
        }
    }
}
