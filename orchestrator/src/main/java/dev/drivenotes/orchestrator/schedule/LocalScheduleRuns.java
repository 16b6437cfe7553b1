package dev.drivenotes.orchestrator.schedule;

import dev.drivenotes.platform.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

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
    public synchronized Claim claim(String name, LocalDate date, Instant now, Duration staleAfter) {
        Path file = fileOf(ScheduleRun.key(name, date));
        if (Files.exists(file)) {
            ScheduleRun existing = Json.mapper().readValue(file.toFile(), ScheduleRun.class);
            if (!existing.abandoned(now, staleAfter)) {
                return new Claim(existing, false);
            }
        }
        ScheduleRun claimed = new ScheduleRun(name, date, now, null);
        write(claimed);
        return new Claim(claimed, true);
    }

    @Override
    public synchronized ScheduleRun started(ScheduleRun claimed, String experimentId) {
        ScheduleRun run = claimed.started(experimentId);
        write(run);
        return run;
    }

    @Override
    public synchronized void release(ScheduleRun claimed) {
        try {
            Files.deleteIfExists(fileOf(claimed.key()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release schedule run " + claimed.key(), e);
        }
    }

    private Path fileOf(String key) {
        return folder.resolve(key + ".json");
    }

    private void write(ScheduleRun run) {
        try {
            Path tmp = Files.createTempFile(folder, ".tmp-", ".part");
            Json.mapper().writeValue(tmp.toFile(), run);
            Files.move(tmp, fileOf(run.key()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot persist schedule run " + run.key(), e);
        }
    }
}
