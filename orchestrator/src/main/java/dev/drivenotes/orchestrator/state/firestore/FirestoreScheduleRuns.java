package dev.drivenotes.orchestrator.state.firestore;

import static dev.drivenotes.orchestrator.state.firestore.FirestoreDocuments.await;

import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import dev.drivenotes.orchestrator.schedule.ScheduleRun;
import dev.drivenotes.orchestrator.schedule.ScheduleRuns;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * Schedule slots in Firestore, collection {@value #COLLECTION}, document id {@code
 * <name>_<date>}: claiming, binding and releasing are transactions, so of two instances triggered
 * at once exactly one wins the slot, and a holder whose lease was taken over cannot bind (the
 * transaction compares claim ids).
 */
public final class FirestoreScheduleRuns implements ScheduleRuns {

    public static final String COLLECTION = "schedule_runs";

    private final Firestore firestore;
    private final CollectionReference runs;

    public FirestoreScheduleRuns(Firestore firestore) {
        this.firestore = firestore;
        this.runs = firestore.collection(COLLECTION);
    }

    @Override
    public Claim claim(String name, LocalDate date, Instant now, Duration lease) {
        var document = runs.document(ScheduleRun.key(name, date));
        return await(firestore.runTransaction(tx -> {
            DocumentSnapshot snapshot = tx.get(document).get();
            if (snapshot.exists()) {
                ScheduleRun existing = parse(snapshot);
                if (!existing.abandoned(now)) {
                    return new Claim(existing, false);
                }
            }
            ScheduleRun claimed = ScheduleRun.claim(name, date, now, lease);
            tx.set(document, fields(claimed));
            return new Claim(claimed, true);
        }));
    }

    @Override
    public ScheduleRun started(ScheduleRun claimed, String experimentId) {
        var document = runs.document(claimed.key());
        return await(firestore.runTransaction(tx -> {
            DocumentSnapshot snapshot = tx.get(document).get();
            ScheduleRun current = snapshot.exists() ? parse(snapshot) : null;
            if (current == null || !current.sameClaim(claimed)) {
                throw new ClaimLostException(claimed, current);
            }
            ScheduleRun run = current.started(experimentId);
            tx.set(document, fields(run));
            return run;
        }));
    }

    @Override
    public void release(ScheduleRun claimed) {
        var document = runs.document(claimed.key());
        await(firestore.runTransaction(tx -> {
            DocumentSnapshot snapshot = tx.get(document).get();
            if (snapshot.exists() && parse(snapshot).sameClaim(claimed)) {
                tx.delete(document);
            }
            return null;
        }));
    }

    private static Map<String, Object> fields(ScheduleRun run) {
        return Map.of(
                FirestoreDocuments.JSON,
                FirestoreDocuments.toJson(run),
                "name",
                run.name(),
                "date",
                run.date().toString(),
                "claimedAt",
                FirestoreDocuments.timestamp(run.claimedAt()),
                "leaseExpiresAt",
                FirestoreDocuments.timestamp(run.leaseExpiresAt()));
    }

    private static ScheduleRun parse(DocumentSnapshot snapshot) {
        return FirestoreDocuments.fromJson(snapshot.getString(FirestoreDocuments.JSON), ScheduleRun.class);
    }
}
