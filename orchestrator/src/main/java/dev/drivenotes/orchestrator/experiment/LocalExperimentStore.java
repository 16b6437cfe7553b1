package dev.drivenotes.orchestrator.experiment;

import dev.drivenotes.platform.files.DurableFiles;
import dev.drivenotes.platform.json.Json;
import dev.drivenotes.platform.web.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;

/**
 * The embedded state store: one JSON file per experiment under a folder, written atomically and
 * forced to the disk (with its outbox), with an in-memory copy. Survives restarts, so unfinished
 * experiments can be resumed and their unpublished events published.
 */
public final class LocalExperimentStore implements ExperimentStore {

    private final Path folder;
    private final Map<String, Experiment> cache = new ConcurrentHashMap<>();

    public LocalExperimentStore(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(p -> p.getFileName().toString().endsWith(".json")).forEach(this::load);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open experiment store " + folder, e);
        }
    }

    private void load(Path file) {
        try {
            Experiment e = Json.mapper().readValue(file.toFile(), Experiment.class);
            cache.put(e.id(), e);
        } catch (JacksonException e) {
            throw new IllegalStateException("experiment state file " + file + " is corrupt: " + e.getOriginalMessage());
        }
    }

    @Override
    public synchronized boolean create(Experiment experiment) {
        if (cache.containsKey(experiment.id())) {
            return false;
        }
        write(experiment);
        return true;
    }

    @Override
    public Optional<Experiment> find(String id) {
        return Optional.ofNullable(cache.get(id));
    }

    @Override
    public synchronized Experiment update(String id, UnaryOperator<Experiment> transition) {
        Experiment current = cache.get(id);
        if (current == null) {
            throw new NotFoundException("experiment", id);
        }
        Experiment next = transition.apply(current);
        if (next != current) {
            write(next);
        }
        return next;
    }

    @Override
    public List<Experiment> all() {
        return cache.values().stream()
                .sorted(Comparator.comparing(Experiment::createdAt).reversed())
                .toList();
    }

    private void write(Experiment experiment) {
        Path target = folder.resolve(experiment.id() + ".json");
        try {
            DurableFiles.replace(target, Json.mapper().writeValueAsBytes(experiment), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot persist experiment " + experiment.id(), e);
        }
        cache.put(experiment.id(), experiment);
    }
}
