package dev.drivenotes.orchestrator.experiment;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where experiment state lives: a local file store now, Firestore (transactions) on Google Cloud.
 */
public interface ExperimentStore {

    /**
     * Stores a new experiment unless its id is taken (atomically: of two callers with one id,
     * exactly one creates it).
     *
     * @return false when an experiment with this id exists (nothing was written)
     */
    boolean create(Experiment experiment);

    Optional<Experiment> find(String id);

    /** Applies a transition atomically and returns the stored result. */
    Experiment update(String id, UnaryOperator<Experiment> transition);

    /** Every experiment, newest first. */
    List<Experiment> all();
}
