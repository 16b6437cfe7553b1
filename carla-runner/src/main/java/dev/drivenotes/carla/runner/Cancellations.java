package dev.drivenotes.carla.runner;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The experiments this runner heard were cancelled (ExperimentCancelled on its own subscription):
 * their episodes in flight stop and their work items are dropped. Kept in memory: a restarted
 * runner hears of later cancellations only (its subscription resumes where it stopped).
 */
final class Cancellations {

    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();

    void cancel(String experimentId) {
        cancelled.add(experimentId);
    }

    boolean cancelled(String experimentId) {
        return cancelled.contains(experimentId);
    }
}
