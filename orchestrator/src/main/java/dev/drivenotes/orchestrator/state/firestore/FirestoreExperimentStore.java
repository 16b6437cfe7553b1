package dev.drivenotes.orchestrator.state.firestore;

import static dev.drivenotes.orchestrator.state.firestore.FirestoreDocuments.await;

import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import dev.drivenotes.orchestrator.experiment.Experiment;
import dev.drivenotes.orchestrator.experiment.ExperimentStore;
import dev.drivenotes.platform.web.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Experiment state in Firestore, collection {@value #COLLECTION}, one document per experiment.
 * {@link #update} runs the transition inside a Firestore transaction: when two instances update
 * the same experiment at once, Firestore aborts one and retries it on the fresh state, so no
 * transition is lost (transitions are pure functions of the state, safe to re-run).
 */
public final class FirestoreExperimentStore implements ExperimentStore {

    public static final String COLLECTION = "experiments";

    private final CollectionReference experiments;

    public FirestoreExperimentStore(Firestore firestore) {
        this.experiments = firestore.collection(COLLECTION);
    }

    @Override
    public boolean create(Experiment experiment) {
        try {
            await(experiments.document(experiment.id()).create(fields(experiment)));
            return true;
        } catch (AlreadyExistsException e) {
            return false;
        }
    }

    @Override
    public Optional<Experiment> find(String id) {
        DocumentSnapshot snapshot = await(experiments.document(id).get());
        return snapshot.exists() ? Optional.of(parse(snapshot)) : Optional.empty();
    }

    @Override
    public Experiment update(String id, UnaryOperator<Experiment> transition) {
        var document = experiments.document(id);
        return await(document.getFirestore().runTransaction(tx -> {
            DocumentSnapshot snapshot = tx.get(document).get();
            if (!snapshot.exists()) {
                throw new NotFoundException("experiment", id);
            }
            Experiment current = parse(snapshot);
            Experiment next = transition.apply(current);
            if (!next.equals(current)) {
                tx.set(document, fields(next));
            }
            return next;
        }));
    }

    @Override
    public List<Experiment> all() {
        return await(experiments
                        .orderBy("createdAt", Query.Direction.DESCENDING)
                        .get())
                .getDocuments()
                .stream()
                .map(FirestoreExperimentStore::parse)
                .toList();
    }

    private static Map<String, Object> fields(Experiment e) {
        return Map.of(
                FirestoreDocuments.JSON,
                FirestoreDocuments.toJson(e),
                "status",
                e.status().name(),
                "name",
                e.config().name(),
                "createdAt",
                FirestoreDocuments.timestamp(e.createdAt()),
                "updatedAt",
                FirestoreDocuments.timestamp(e.updatedAt()));
    }

    private static Experiment parse(DocumentSnapshot snapshot) {
        return FirestoreDocuments.fromJson(snapshot.getString(FirestoreDocuments.JSON), Experiment.class);
    }
}
