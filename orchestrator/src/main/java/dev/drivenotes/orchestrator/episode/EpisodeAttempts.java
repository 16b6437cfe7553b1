package dev.drivenotes.orchestrator.episode;

import dev.drivenotes.model.experiment.EpisodeFailure;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Which episodes of a drive are still to be tried, and when: an episode whose attempt failed on a
 * dependency is tried again after {@code retryDelay}, up to {@code maxAttempts} attempts, and then
 * counts as failed with the last attempt's reason. Times are {@link System#nanoTime()} values.
 */
final class EpisodeAttempts {

    private record Waiting(int index, long dueNanos) {}

    private final int maxAttempts;
    private final Duration retryDelay;
    private final Deque<Integer> ready;
    private final List<Waiting> waiting = new ArrayList<>();
    private final Map<Integer, Integer> started = new HashMap<>();
    private final List<EpisodeFailure> failures = new ArrayList<>();

    EpisodeAttempts(List<Integer> indices, int maxAttempts, Duration retryDelay) {
        this.ready = new ArrayDeque<>(indices);
        this.maxAttempts = maxAttempts;
        this.retryDelay = retryDelay;
    }

    /** Whether an episode could start now (fresh, or its retry is due). */
    boolean due(long nowNanos) {
        return !ready.isEmpty() || waiting.stream().anyMatch(w -> w.dueNanos() - nowNanos <= 0);
    }

    /** The next episode to start now (counting the attempt), or null when none is due. */
    Integer next(long nowNanos) {
        waiting.stream()
                .filter(w -> w.dueNanos() - nowNanos <= 0)
                .sorted(Comparator.comparingLong(Waiting::dueNanos))
                .toList()
                .forEach(w -> {
                    waiting.remove(w);
                    ready.add(w.index());
                });
        Integer index = ready.poll();
        if (index != null) {
            started.merge(index, 1, Integer::sum);
        }
        return index;
    }

    int attempt(int index) {
        return started.getOrDefault(index, 0);
    }

    /**
     * The current attempt of episode {@code index} failed: it waits for a retry, or, at its last
     * attempt, counts as failed.
     *
     * @return true when it will be tried again
     */
    boolean failed(int index, String episodeId, long seed, String reason, long nowNanos) {
        int attempts = attempt(index);
        if (attempts < maxAttempts) {
            waiting.add(new Waiting(index, nowNanos + retryDelay.toNanos()));
            return true;
        }
        failures.add(new EpisodeFailure(episodeId, index, seed, attempts, reason));
        return false;
    }

    /** Nothing is left to start, now or later. */
    boolean exhausted() {
        return ready.isEmpty() && waiting.isEmpty();
    }

    /** When the earliest retry is due, if one waits. */
    OptionalLong nextDueNanos() {
        return waiting.stream().mapToLong(Waiting::dueNanos).min();
    }

    /** The episodes that failed every attempt, by index. */
    List<EpisodeFailure> failures() {
        return failures.stream()
                .sorted(Comparator.comparingInt(EpisodeFailure::index))
                .toList();
    }
}
