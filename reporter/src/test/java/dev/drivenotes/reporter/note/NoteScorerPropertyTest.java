package dev.drivenotes.reporter.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drivenotes.model.note.Note;
import dev.drivenotes.model.note.NoteFields;
import dev.drivenotes.model.sim.Maneuver;
import java.util.List;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class NoteScorerPropertyTest {

    @Property(tries = 300)
    void accuraciesAreSharesOfCorrectFields(@ForAll("notes") List<Note> notes) {
        NoteMetrics m = NoteScorer.scoreNotes(notes);

        assertThat(m.noteCount()).isEqualTo(notes.size());
        assertShare(m.locationAccuracy(), notes, n -> n.place().equals(n.truth().place()));
        assertShare(m.actionAccuracy(), notes, n -> n.action() == n.truth().action());
        assertShare(
                m.destinationAccuracy(),
                notes,
                n -> n.nextPoi().equals(n.truth().nextPoi()));
        assertShare(m.allThreeAccuracy(), notes, n -> n.agent().equals(n.truth()));
        assertShare(m.validationRate(), notes, Note::valid);
        assertThat(m.allThreeAccuracy())
                .isLessThanOrEqualTo(
                        Math.min(m.locationAccuracy(), Math.min(m.actionAccuracy(), m.destinationAccuracy())));
        assertThat(m.calibration().stream()
                        .mapToInt(CalibrationBucket::noteCount)
                        .sum())
                .isEqualTo(notes.size());
        long allCorrectInBuckets = m.calibration().stream()
                .mapToLong(b -> Math.round(b.accuracy() * b.noteCount()))
                .sum();
        assertThat(allCorrectInBuckets)
                .isEqualTo(notes.stream().filter(n -> n.correct().all()).count());
    }

    private static void assertShare(double share, List<Note> notes, Predicate<Note> correct) {
        assertThat(share).isBetween(0.0, 1.0);
        double expected =
                notes.isEmpty() ? 0 : (double) notes.stream().filter(correct).count() / notes.size();
        assertThat(share).isCloseTo(expected, within(1e-12));
    }

    @Provide
    Arbitrary<List<Note>> notes() {
        Arbitrary<NoteFields> fields = Combinators.combine(
                        Arbitraries.of("A", "B"), Arbitraries.of(Maneuver.class), Arbitraries.of("P", "Q"))
                .as(NoteFields::new);
        Arbitrary<Note> note = Combinators.combine(
                        fields, fields, Arbitraries.doubles().between(0, 1), Arbitraries.of(true, false))
                .as((agent, truth, confidence, valid) -> new Note(
                        "x",
                        "x-e0",
                        0,
                        dev.drivenotes.model.note.NoteKind.POI,
                        agent,
                        truth,
                        null,
                        valid,
                        confidence,
                        null));
        return note.list().ofMaxSize(40);
    }
}
